// Generated from openapi/adminapi.yaml by scripts/generate-api.mjs (openapi-typescript). Do not edit:
// change the spec and run `node scripts/generate-api.mjs`.

export interface paths {
    "/adminapi/v0/QueueList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List messages in the delivery queue
         * @description Queued messages (one per recipient) of all accounts, with their attempt history in `Results`. Page with
         *     `Sort.LastID` and `Sort.Last` (see `Sort`); an empty page is the end.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`, or an
         *       unknown sort field).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`),
         *       `Sort.LastID` is set without `Sort.Last`, `Sort.Last` is a leap second (`23:59:60`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be read.
         */
        post: operations["QueueList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueHoldSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put messages on hold or release them
         * @description Sets `Hold` on the matching messages. Messages on hold are not attempted; releasing one does not
         *     change its next attempt time, so a message whose time has passed is attempted at once. Holding and
         *     releasing send no webhooks. `Filter` is required: `{}` matches every queued message.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueHoldSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueNextAttemptSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule the next attempt of messages
         * @description Sets the next attempt of the matching messages to now plus `Minutes` (0: now). No webhooks are sent.
         *     `Filter` is required: `{}` matches every queued message.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: `Minutes` is not between -1000000000 and 1000000000 (about 1900 years).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueNextAttemptSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueNextAttemptAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the next attempt of messages earlier or later
         * @description Adds `Minutes` (negative: earlier) to the next attempt time of the matching messages. No webhooks are
         *     sent. `Filter` is required: `{}` matches every queued message.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: `Minutes` is not between -1000000000 and 1000000000 (about 1900 years).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `user`: a message's next attempt would move past the last representable date.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueNextAttemptAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueTransportSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose the transport for messages
         * @description Sets the transport of the matching messages, used from their next attempt; `""` means normal routing
         *     (MX delivery or the configured routes). No webhooks are sent. `Filter` is required.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: no transport has this name.
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueTransportSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueRequireTLSSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the TLS requirement of messages
         * @description Sets `RequireTLS` of the matching messages: null follows the recipient domain's policy, true requires
         *     verified TLS and REQUIRETLS (RFC 8689), false relaxes the policies. No webhooks are sent. `Filter` is
         *     required.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueRequireTLSSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueFail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail messages now
         * @description Fails the matching messages at once, as if their last attempt had failed permanently: each gets the
         *     result "delivery canceled by admin", the sender gets a failure DSN in its Inbox, the message is retired
         *     with `Success` false, and a `failed` webhook (SMTPCode 0) is sent. Does not add suppressions. `Filter` is
         *     required: `{}` matches every queued message.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueFail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/QueueDrop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove messages from the queue without a DSN
         * @description Removes the matching messages: each gets the result "delivery canceled by admin" and is retired with
         *     `Success` false, without a DSN to the sender; a `canceled` webhook is sent. `Filter` is required: `{}`
         *     matches every queued message.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`).
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the queue could not be updated.
         */
        post: operations["QueueDrop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/RetiredList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List delivered, failed and canceled messages
         * @description Messages that left the queue, kept for their account's `KeepRetiredMessagePeriod`. Page with
         *     `Sort.LastID` and `Sort.Last`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`),
         *       `Sort.LastID` is set without `Sort.Last`, `Sort.Last` is a leap second (`23:59:60`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the history could not be read.
         */
        post: operations["RetiredList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HookList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List webhook calls waiting to be made or retried
         * @description Pending webhooks of all accounts with their attempts so far.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`),
         *       `Sort.LastID` is set without `Sort.Last`, `Sort.Last` is a leap second (`23:59:60`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the webhook queue could not be read.
         */
        post: operations["HookList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HookRetiredList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List finished webhook calls
         * @description Webhooks that succeeded, failed 12 times, were canceled or were superseded, kept for their account's
         *     `KeepRetiredWebhookPeriod`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`),
         *       `Sort.LastID` is set without `Sort.Last`, `Sort.Last` is a leap second (`23:59:60`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the history could not be read.
         */
        post: operations["HookRetiredList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HookNextAttemptSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Schedule the next attempt of webhooks
         * @description Sets the next attempt of the matching webhooks to now plus `Minutes`. `Filter` is required: `{}` matches
         *     every pending webhook.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `Minutes` is not a whole number between -1000000000 and 1000000000, a time filter
         *       reaches past the last representable date (e.g. `<99999999999h`), or `Filter.Max` is beyond 2^53.
         *     - `server`: the webhook queue could not be updated.
         */
        post: operations["HookNextAttemptSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HookNextAttemptAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the next attempt of webhooks earlier or later
         * @description Adds `Minutes` (negative: earlier) to the next attempt time of the matching webhooks. `Filter` is
         *     required.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `Minutes` is not a whole number between -1000000000 and 1000000000, a time filter
         *       reaches past the last representable date (e.g. `<99999999999h`), `Filter.Max` is beyond 2^53, or
         *       a webhook's next attempt would move past the last representable date.
         *     - `server`: the webhook queue could not be updated.
         */
        post: operations["HookNextAttemptAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HookCancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel webhook calls
         * @description Stops the matching webhooks: each gets the result "canceled by admin" and is retired with `Success`
         *     false. `Filter` is required: `{}` matches every pending webhook.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: a time filter reaches past the last representable date (e.g. `<99999999999h`), or
         *       `Filter.Max` is beyond 2^53.
         *     - `server`: the webhook queue could not be updated.
         */
        post: operations["HookCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HoldRuleList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List hold rules
         * @description Hold rules put new matching messages on hold when they are queued.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the rules could not be read.
         */
        post: operations["HoldRuleList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HoldRuleAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a hold rule
         * @description Adds a rule and puts on hold every queued message that matches it. A message matches when it matches
         *     all of the rule's non-empty fields (sender account, sender domain, recipient domain), for messages
         *     already queued and messages queued later alike. Differs from mox: mox matches new messages when *any*
         *     field matches. A rule with all fields empty holds every message, pausing the queue. Holds send no
         *     webhooks; release messages with `QueueHoldSet`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: a domain does not parse.
         *     - `server`: the rule could not be stored.
         */
        post: operations["HoldRuleAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/HoldRuleRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a hold rule
         * @description Removes the rule. Messages already on hold stay on hold; release them with `QueueHoldSet`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no rule with this ID.
         *     - `server`: the rule could not be removed.
         */
        post: operations["HoldRuleRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DeliveryHistory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The full event history of one message
         * @description Every recorded fact about a queued or retired message of any account, oldest first (see the webapi's
         *     `DeliveryHistory`). Also available on the command line: `postwire audit <queueMsgId>`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `messageNotFound`: no message with this queue ID was ever queued.
         *     - `server`: the history could not be read.
         */
        post: operations["DeliveryHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/SuppressionList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List an account's suppressed addresses
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `server`: the list could not be read.
         */
        post: operations["SuppressionList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/SuppressionAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an address to an account's suppression list
         * @description Adds a manual suppression (`Manual` true) by base address, as the webapi's `SuppressionAdd`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `badAddress`: `EmailAddress` does not parse.
         *     - `error`: the base address is already on the list (mox's code for this case).
         *     - `server`: the list could not be written.
         */
        post: operations["SuppressionAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/SuppressionRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove an address from an account's suppression list
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `badAddress`: `EmailAddress` does not parse.
         *     - `error`: the address is not on the list (mox's code for this case).
         *     - `server`: the list could not be written.
         */
        post: operations["SuppressionRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the domains
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the configuration could not be read.
         */
        post: operations["DomainList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a domain
         * @description Adds a domain to send and receive mail for. It has no DKIM keys yet: add one with `DomainDKIMKeyAdd` and
         *     publish its DNS record before sending. Addresses are added with `AddressAdd`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: the domain name does not parse.
         *     - `user`: a separator is not a single one of the characters `!#$%&'*+-/=?^_{|}~` or a backtick
         *       (e.g. it is empty, a letter, a digit or `.`) or is repeated.
         *     - `user`: the domain already exists.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["DomainAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a domain
         * @description Removes the domain and its DKIM keys. Refused while an account still has an address in it.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no such domain.
         *     - `user`: the domain still has addresses.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["DomainRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainLocalpartConfigSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the catch-all separators of a domain
         * @description With separator `+`, mail to `shop+anything@example.org` is delivered to `shop@example.org`, and FromIDs
         *     are placed after the first separator. `[]` turns catch-all addressing off.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no such domain.
         *     - `user`: a separator is not a single one of the characters `!#$%&'*+-/=?^_{|}~` or a backtick
         *       (e.g. it is empty, a letter, a digit or `.`) or is repeated.
         *     - `user`: an address of the domain contains a new separator (mail to it would be cut there and no
         *       longer arrive), or a FromID login address in the domain would no longer work with the new
         *       separators.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["DomainLocalpartConfigSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainDisabledSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable or enable a domain
         * @description While a domain is disabled, Send from its addresses answers `domainDisabled`, and queued messages from
         *     it fail temporarily (they are retried, with `delayed` webhooks) until it is enabled again.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no such domain.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["DomainDisabledSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainDKIMKeyAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a DKIM signing key for a domain
         * @description Generates a key (Ed25519, RFC 8463, or 2048-bit RSA) and signs messages from the domain with it,
         *     together with the domain's other keys. Publish the returned TXT record before sending: receivers cannot
         *     verify signatures until it is in DNS. Use both algorithms for the widest support.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (the selector must be a DNS label).
         *     - `notFound`: no such domain.
         *     - `user`: the domain already has a key with this selector.
         *     - `server`: the key could not be generated or stored.
         */
        post: operations["DomainDKIMKeyAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DomainDKIMKeyRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a DKIM key from a domain
         * @description Stops signing with the key. Keep the DNS record published for a few days, so that messages signed
         *     earlier still verify.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no such domain, or no key with this selector.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["DomainDKIMKeyRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the accounts
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the configuration could not be read.
         */
        post: operations["AccountList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountGet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an account
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `server`: the configuration could not be read.
         */
        post: operations["AccountGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an account with its first address
         * @description Creates an account with one address. With an empty `Password` a password is generated and returned,
         *     once; otherwise `Password` in the result is empty. New accounts get the default limits (1000 messages
         *     and 200 first-time recipients per day) and keep no retired messages or webhooks.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: the account name is not valid (1-64 characters, letters, digits, `.`, `_` and `-`, starting
         *       with a letter or digit) or is in use.
         *     - `badAddress`: `Address` does not parse.
         *     - `notFound`: the address's domain does not exist.
         *     - `user`: the address contains a catch-all separator of its domain or belongs to another account.
         *     - `user`: `FullName` contains a line break or NUL.
         *     - `user`: the password is shorter than 8 characters or contains control characters.
         *     - `server`: the account could not be stored.
         */
        post: operations["AccountAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove an account
         * @description Removes the account, its addresses, mailboxes, suppressions and settings. Messages it already queued are
         *     still delivered; their webhooks are not sent.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `server`: the account could not be removed.
         */
        post: operations["AccountRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountSettingsSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an account's limits and settings
         * @description Sets every field at once; all are required, so nothing is reset by omission. The periods are those of
         *     the webapi's `KeepRetiredPeriodsSave`; `NoCustomPassword` stops the account from choosing its own
         *     password (the webapi's `PasswordSave` is then refused).
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `user`: `FullName` contains a line break or NUL, a limit is beyond 2^53, or a period is longer
         *       than 292 years (e.g. `99999999h`).
         *     - `server`: the settings could not be stored.
         */
        post: operations["AccountSettingsSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountLoginDisabledSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable or enable logins to an account
         * @description A non-empty `LoginDisabled` disables every login (webapi, SMTP submission, IMAP, web pages) with this
         *     text as the reason; webapi calls get 401 "login is disabled for this account". Mail is still received
         *     and queued messages are still delivered. `""` enables logins again.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `user`: `LoginDisabled` contains a line break or NUL.
         *     - `server`: the setting could not be stored.
         */
        post: operations["AccountLoginDisabledSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AccountPasswordSet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an account's password
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `user`: the password is shorter than 8 characters or contains control characters.
         *     - `server`: the password could not be stored.
         */
        post: operations["AccountPasswordSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AddressAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an address to an account
         * @description `Address` may be `@domain`: a catch-all for the domain's addresses that no account has.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `badAddress`: `Address` does not parse.
         *     - `notFound`: the address's domain does not exist.
         *     - `user`: the address contains a catch-all separator of its domain, or already belongs to an
         *       account.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["AddressAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/AddressRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove an address from its account
         * @description Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `badAddress`: `Address` does not parse.
         *     - `notFound`: no account has this address.
         *     - `user`: it is the account's last address.
         *     - `server`: the configuration could not be stored.
         */
        post: operations["AddressRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/ProjectionStatus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show how far each read model has processed the event log
         * @description Every list and queue is a projection of the event log. `Lag` is the number of log positions a projection
         *     is behind; a rebuilding projection reports its `Progress`. Also on the command line:
         *     `postwire projections status`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the status could not be read.
         */
        post: operations["ProjectionStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/ProjectionRebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild a read model from the event log
         * @description Starts rebuilding the projection in the background: a new read model is built by replaying the log and
         *     replaces the old one when it has caught up, so reads keep working meanwhile. Follow it with
         *     `ProjectionStatus`. `Started` is false when a rebuild of it was already running.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no projection with this name.
         *     - `server`: the rebuild could not be started.
         */
        post: operations["ProjectionRebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/DueNow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make every queued message and pending webhook due now
         * @description Sets the next attempt of every queued message that is not on hold and every pending webhook to now, so
         *     retries happen at once instead of after their backoff: "time travel" for testing retry behaviour (e.g.
         *     with localserve's `temperror` recipients). Attempt counts are not changed, so a message still fails for
         *     good after its 8th attempt.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the queues could not be updated.
         */
        post: operations["DueNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adminapi/v0/WebhookReplay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an account's webhooks again from the event history
         * @description Queues again the webhooks for the account's events from `Since` up to `Until` (null: now), for example
         *     after the receiving application lost data. Each is queued as a new webhook (new `X-Mox-Webhook-ID`) with
         *     the original payload, including its `WebhookQueued` time, to the account's current webhook URLs. Events
         *     for which the account has no webhook, or that its `Events` setting excludes, are skipped. `Events`
         *     selects event names, `incoming` for incoming webhooks; `[]` selects all.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: no account with this name.
         *     - `user`: `Since` or `Until` is a leap second (`23:59:60`), or `Until` is before `Since`.
         *     - `server`: the webhooks could not be queued.
         */
        post: operations["WebhookReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The body of every HTTP 400 (and 413) answer. */
        Error: {
            Code: components["schemas"]["ErrorCode"];
            /** @description For people; says what is wrong, often as "context: cause". Do not parse it. */
            Message: string;
        };
        /**
         * @description What kind of error, for programs. mox's seventeen codes, plus `notFound` and `tooLarge`:
         *
         *     - `protocol`: the request is not a request object of the method (Content-Type, form encoding,
         *       JSON syntax, or the request schema: types, unknown fields, required fields, enums, patterns).
         *     - `server`: a failure on the server's side.
         *     - `user`: a request the server understood but will not carry out; the message says why.
         *     - `error`: mox's code for a duplicate or absent suppression list entry.
         *     - `badAddress`: an e-mail address does not parse.
         *     - `missingBody`: Send without Text and HTML.
         *     - `multipleFrom`: Send with more than one From address.
         *     - `domainDisabled`: Send from an address in a disabled domain.
         *     - `badFrom`: Send from an address the account may not use.
         *     - `noRecipients`: Send without To, CC and BCC.
         *     - `messageLimitReached`: the account's messages-per-day limit.
         *     - `recipientLimitReached`: the account's first-time-recipients-per-day limit.
         *     - `messageTooLarge`: the composed message exceeds the maximum message size.
         *     - `malformedMessageID`: a MessageID without `<` and `>`.
         *     - `sentOverQuota`: the message was sent, but its Sent copy exceeds the account's quota.
         *     - `messageNotFound`: no message with the ID.
         *     - `partNotFound`: MessagePartGet with a part path that does not exist.
         *     - `notFound`: admin API: no account, domain, address, hold rule or projection with the name or ID;
         *       webapi settings methods: the calling account was removed while the call ran.
         *     - `tooLarge`: the request body exceeds the size limit (HTTP 413).
         * @enum {string}
         */
        ErrorCode: "protocol" | "server" | "user" | "error" | "badAddress" | "missingBody" | "multipleFrom" | "domainDisabled" | "badFrom" | "noRecipients" | "messageLimitReached" | "recipientLimitReached" | "messageTooLarge" | "malformedMessageID" | "sentOverQuota" | "messageNotFound" | "partNotFound" | "notFound" | "tooLarge";
        /**
         * @description mox's form encoding of a request: the field `request` holds the request object as JSON text, the
         *     same object the `application/json` body would be.
         */
        FormRequest: {
            /** @description The request object as JSON, e.g. `{}` for a method without parameters. */
            request: string;
        };
        /** @description An empty object, `{}`. */
        Empty: Record<string, never>;
        /**
         * a duration such as "72h", "90m" or "0s"
         * @description A non-negative duration in Go's notation: a number with a unit (`h`, `m`, `s`, `ms`, `us`, `ns`),
         *     possibly several, e.g. `72h`, `1h30m`, `0s`.
         */
        Duration: string;
        /**
         * "<" or ">" followed by "now" or a duration relative to now, such as "<-1h" or ">10m"
         * @description Compares a time with now plus a duration: `<` (before) or `>` (after), then `now` or a Go
         *     duration that may be negative. `"<now"` is before now, `"<-1h"` more than an hour ago, `">10m"`
         *     more than 10 minutes from now. Empty: no condition.
         */
        TimeFilter: string;
        /** @description Caller-chosen metadata from Send, a map of string to string. */
        Extra: {
            [key: string]: string;
        };
        /**
         * @description What happened to a sent message:
         *
         *     - `delivered`: the next hop accepted the message (or a DSN reports delivery).
         *     - `suppressed`: the recipient is on the account's suppression list; the message is not attempted.
         *     - `delayed`: a temporary failure; the message will be retried (one webhook per failed attempt), or a
         *       DSN reports a delay.
         *     - `failed`: a permanent failure, the last attempt failed, the administrator failed the message, or a
         *       DSN reports failure.
         *     - `relayed`: a DSN reports the message was relayed to a system that does not send DSNs.
         *     - `expanded`: a DSN reports delivery to a list or alias, which forwarded it.
         *     - `canceled`: the administrator dropped the message from the queue.
         *     - `unrecognized`: a message arrived at the message's FromID address but is not a DSN that could be
         *       understood (e.g. an auto-reply).
         * @enum {string}
         */
        OutgoingEvent: "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized";
        /** @description Where delivery events of the account's messages are posted. */
        OutgoingWebhook: {
            /** @description An http or https URL. */
            URL: string;
            /** @description Sent verbatim as the `Authorization` header when not empty. */
            Authorization: string;
            /** @description The events to send; empty means all. */
            Events: components["schemas"]["OutgoingEvent"][];
        };
        /** @description Where messages received by the account are posted. */
        IncomingWebhook: {
            /** @description An http or https URL. */
            URL: string;
            /** @description Sent verbatim as the `Authorization` header when not empty. */
            Authorization: string;
        };
        /** @description An address the account does not deliver to. */
        Suppression: {
            /** Format: int64 */
            ID: number;
            /** Format: date-time */
            Created: string;
            /** @description The account the suppression applies to. */
            Account: string;
            /**
             * @description What is compared, in Unicode: the localpart cut at the first `+`, then at the first `-`, dots
             *     removed, lower-cased; the domain lower-cased.
             */
            BaseAddress: string;
            /** @description The address that caused the suppression, in Unicode. */
            OriginalAddress: string;
            /** @description Added by a person or program through the API (true) or by a delivery failure (false). */
            Manual: boolean;
            /** @description Free text; for automatic suppressions it names the failure. */
            Reason: string;
        };
        SuppressionListResult: {
            /** @description Oldest first. */
            Suppressions: components["schemas"]["Suppression"][];
        };
        /** @description One delivery attempt. While an attempt runs, the last result has Error `delivering...`. */
        MsgResult: {
            /** Format: date-time */
            Start: string;
            /**
             * Format: int64
             * @description How long the attempt took, in nanoseconds.
             */
            Duration: number;
            Success: boolean;
            /** @description The SMTP reply code, 0 when there was none (e.g. a connection failure). */
            Code: number;
            /** @description The enhanced status code without its class digit, e.g. `1.1` for 5.1.1; empty when none. */
            Secode: string;
            /** @description What went wrong; empty on success. */
            Error: string;
        };
        /** @description For each host name tried, the IP addresses dialed. */
        DialedIPs: {
            [key: string]: string[];
        };
        /**
         * @description A message in the delivery queue, for one recipient. mox's `queue.Msg` without its internal fields.
         *     Differs from mox: `SenderDomain` and `RecipientDomain` are the ASCII domain names (mox: a domain
         *     object).
         */
        Msg: {
            /**
             * Format: int64
             * @description The queue message ID, as returned by Send in `Submissions[].QueueMsgID`.
             */
            ID: number;
            /**
             * Format: int64
             * @description For a submission to several recipients, the first message's ID; 0 for a single recipient.
             */
            BaseID: number;
            /** Format: date-time */
            Queued: string;
            /** @description On hold messages are not attempted until released. */
            Hold: boolean;
            SenderAccount: string;
            /** @description The envelope sender's (MAIL FROM) localpart, including any FromID. */
            SenderLocalpart: string;
            /** @description The envelope sender's domain, ASCII. */
            SenderDomain: string;
            /** @description The envelope sender's domain, Unicode. */
            SenderDomainStr: string;
            /** @description The unique ID in the envelope sender, empty when not used. */
            FromID: string;
            RecipientLocalpart: string;
            /** @description ASCII, or an IP address in brackets. */
            RecipientDomain: string;
            /** @description Unicode, or an IP address in brackets. */
            RecipientDomainStr: string;
            /** @description Attempts made so far. */
            Attempts: number;
            /** @description Attempts before giving up; 0 means the default, 8. */
            MaxAttempts: number;
            DialedIPs: components["schemas"]["DialedIPs"];
            /** Format: date-time */
            NextAttempt: string;
            /**
             * Format: date-time
             * @description Null before the first attempt.
             */
            LastAttempt: string | null;
            /** @description The attempts, oldest first. */
            Results: components["schemas"]["MsgResult"][];
            /** @description The message has bytes with the high bit set (needs 8BITMIME). */
            Has8bit: boolean;
            /** @description The message needs the SMTPUTF8 extension. */
            SMTPUTF8: boolean;
            /** Format: int64 */
            Size: number;
            /** @description The Message-ID header, with `<>`. */
            MessageID: string;
            Subject: string;
            /** @description The transport to use; empty means normal routing. */
            Transport: string;
            /** @description Null follows the recipient domain's policy; true requires verified TLS (REQUIRETLS); false relaxes policies. */
            RequireTLS: boolean | null;
            /** @description For a scheduled first attempt, `until;` and the time (RFC 4865); empty otherwise. */
            FutureReleaseRequest: string;
            Extra: components["schemas"]["Extra"];
        };
        /**
         * @description A message that left the queue: delivered, failed, suppressed or canceled. Kept for the sender
         *     account's `KeepRetiredMessagePeriod`. A bounce (DSN) that arrives later adds a result and updates
         *     `LastActivity`, but not `Success` (as mox).
         */
        MsgRetired: {
            /**
             * Format: int64
             * @description The queue message ID it had.
             */
            ID: number;
            /** Format: int64 */
            BaseID: number;
            /** Format: date-time */
            Queued: string;
            SenderAccount: string;
            SenderLocalpart: string;
            SenderDomainStr: string;
            FromID: string;
            RecipientLocalpart: string;
            /** @description ASCII, or an IP address in brackets. */
            RecipientDomain: string;
            RecipientDomainStr: string;
            Attempts: number;
            MaxAttempts: number;
            DialedIPs: components["schemas"]["DialedIPs"];
            /**
             * Format: date-time
             * @description Null when the message never had an attempt (e.g. dropped while waiting).
             */
            LastAttempt: string | null;
            Results: components["schemas"]["MsgResult"][];
            Has8bit: boolean;
            SMTPUTF8: boolean;
            /** Format: int64 */
            Size: number;
            MessageID: string;
            Subject: string;
            Transport: string;
            RequireTLS: boolean | null;
            FutureReleaseRequest: string;
            Extra: components["schemas"]["Extra"];
            /**
             * Format: date-time
             * @description When it was retired, or when a later bounce arrived.
             */
            LastActivity: string;
            /** @description The recipient address, with a Unicode domain. */
            RecipientAddress: string;
            /** @description Whether the next hop accepted the message. */
            Success: boolean;
            /**
             * Format: date-time
             * @description When the record is removed.
             */
            KeepUntil: string;
        };
        /** @description One webhook call. */
        HookResult: {
            /** Format: date-time */
            Start: string;
            /**
             * Format: int64
             * @description Nanoseconds.
             */
            Duration: number;
            URL: string;
            Success: boolean;
            /** @description The HTTP status; 0 when no response was received. */
            Code: number;
            Error: string;
            /** @description The first 512 bytes of the response body. */
            Response: string;
        };
        /** @description A webhook call waiting to be made or retried. */
        Hook: {
            /**
             * Format: int64
             * @description Sent as `X-Mox-Webhook-ID`; the same for every attempt.
             */
            ID: number;
            /**
             * Format: int64
             * @description The message the event is about; 0 for incoming webhooks.
             */
            QueueMsgID: number;
            FromID: string;
            /** @description The sent message's Message-ID, or the received one's for incoming webhooks. */
            MessageID: string;
            Subject: string;
            Extra: components["schemas"]["Extra"];
            Account: string;
            /** @description Copied from the account's settings when the webhook was queued. */
            URL: string;
            /** @description The Authorization header value, copied when the webhook was queued. */
            Authorization: string;
            IsIncoming: boolean;
            /**
             * @description The event of an outgoing webhook; empty for incoming ones.
             * @enum {string}
             */
            OutgoingEvent: "" | "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized";
            /** @description The JSON body that is posted (an `Outgoing` or `Incoming` object). */
            Payload: string;
            /** Format: date-time */
            Submitted: string;
            Attempts: number;
            /** Format: date-time */
            NextAttempt: string;
            Results: components["schemas"]["HookResult"][];
        };
        /**
         * @description A finished webhook: delivered, failed after 12 attempts, canceled, or superseded by a newer event
         *     for the same message. Kept for the account's `KeepRetiredWebhookPeriod`.
         */
        HookRetired: {
            /** Format: int64 */
            ID: number;
            /** Format: int64 */
            QueueMsgID: number;
            FromID: string;
            MessageID: string;
            Subject: string;
            Extra: components["schemas"]["Extra"];
            Account: string;
            URL: string;
            /** @description Whether an Authorization header was sent; the value is not kept. */
            Authorization: boolean;
            IsIncoming: boolean;
            /** @enum {string} */
            OutgoingEvent: "" | "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized";
            Payload: string;
            /** Format: date-time */
            Submitted: string;
            /**
             * Format: int64
             * @description The ID of the webhook that replaced this one; 0 when not superseded.
             */
            SupersededByID: number;
            Attempts: number;
            Results: components["schemas"]["HookResult"][];
            Success: boolean;
            /** Format: date-time */
            LastActivity: string;
            /** Format: date-time */
            KeepUntil: string;
        };
        /**
         * @description Selects queued messages. Only non-empty fields apply, combined with AND, except that `From` and `To`
         *     together match when either matches (as mox). An empty filter matches every message.
         */
        Filter: {
            /** @description At most this many messages; 0 means no limit. */
            Max?: number;
            IDs?: number[];
            /** @description The sender account, exactly. */
            Account?: string;
            /** @description A substring of the envelope sender address, e.g. `@example.org`. */
            From?: string;
            /** @description A substring of the recipient address. */
            To?: string;
            Hold?: boolean | null;
            Submitted?: components["schemas"]["TimeFilter"];
            NextAttempt?: components["schemas"]["TimeFilter"];
            /** @description The transport, exactly; `""` selects messages with normal routing. */
            Transport?: string | null;
        };
        /**
         * @description Orders a list by `Field`, then by ID, ascending or descending (`Asc` false, the default, is
         *     descending). For the next page, set `LastID` to the ID of the last row received and `Last` to that
         *     row's `Field` value; rows strictly after it are returned. An empty page is the end.
         */
        Sort: {
            /**
             * @description Empty means `NextAttempt`.
             * @enum {string}
             */
            Field?: "" | "NextAttempt" | "Queued";
            /** Format: int64 */
            LastID?: number;
            /**
             * Format: date-time
             * @description The last row's `Field` value; required when `LastID` is set.
             */
            Last?: string | null;
            Asc?: boolean;
        };
        /** @description Selects retired messages, as `Filter` does. */
        RetiredFilter: {
            Max?: number;
            IDs?: number[];
            Account?: string;
            From?: string;
            To?: string;
            Submitted?: components["schemas"]["TimeFilter"];
            LastActivity?: components["schemas"]["TimeFilter"];
            Transport?: string | null;
            Success?: boolean | null;
        };
        /** @description As `Sort`, for retired messages. */
        RetiredSort: {
            /**
             * @description Empty means `LastActivity`.
             * @enum {string}
             */
            Field?: "" | "LastActivity" | "Queued";
            /** Format: int64 */
            LastID?: number;
            /** Format: date-time */
            Last?: string | null;
            Asc?: boolean;
        };
        /** @description Selects pending webhooks. Only non-empty fields apply, combined with AND. */
        HookFilter: {
            Max?: number;
            IDs?: number[];
            Account?: string;
            Submitted?: components["schemas"]["TimeFilter"];
            NextAttempt?: components["schemas"]["TimeFilter"];
            /**
             * @description An outgoing event, or `incoming` for incoming webhooks.
             * @enum {string}
             */
            Event?: "" | "incoming" | "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized";
        };
        /** @description As `Sort`, for webhooks. */
        HookSort: {
            /**
             * @description Empty means `NextAttempt`.
             * @enum {string}
             */
            Field?: "" | "NextAttempt" | "Submitted";
            /** Format: int64 */
            LastID?: number;
            /** Format: date-time */
            Last?: string | null;
            Asc?: boolean;
        };
        /** @description Selects retired webhooks, as `HookFilter` does. */
        HookRetiredFilter: {
            Max?: number;
            IDs?: number[];
            Account?: string;
            Submitted?: components["schemas"]["TimeFilter"];
            LastActivity?: components["schemas"]["TimeFilter"];
            /** @enum {string} */
            Event?: "" | "incoming" | "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized";
        };
        /** @description As `Sort`, for retired webhooks. */
        HookRetiredSort: {
            /**
             * @description Empty means `LastActivity`.
             * @enum {string}
             */
            Field?: "" | "LastActivity" | "Submitted";
            /** Format: int64 */
            LastID?: number;
            /** Format: date-time */
            Last?: string | null;
            Asc?: boolean;
        };
        QueueListRequest: {
            Filter?: components["schemas"]["Filter"];
            Sort?: components["schemas"]["Sort"];
        };
        QueueListResult: {
            Messages: components["schemas"]["Msg"][];
        };
        RetiredListRequest: {
            Filter?: components["schemas"]["RetiredFilter"];
            Sort?: components["schemas"]["RetiredSort"];
        };
        RetiredListResult: {
            Messages: components["schemas"]["MsgRetired"][];
        };
        HookListRequest: {
            Filter?: components["schemas"]["HookFilter"];
            Sort?: components["schemas"]["HookSort"];
        };
        HookListResult: {
            Hooks: components["schemas"]["Hook"][];
        };
        HookRetiredListRequest: {
            Filter?: components["schemas"]["HookRetiredFilter"];
            Sort?: components["schemas"]["HookRetiredSort"];
        };
        HookRetiredListResult: {
            Hooks: components["schemas"]["HookRetired"][];
        };
        DeliveryHistoryRequest: {
            /**
             * Format: int64
             * @description The queue message ID, as returned by Send.
             */
            QueueMsgID: number;
        };
        DeliveryHistoryResult: {
            /** @description Oldest first. */
            Events: components["schemas"]["DeliveryEvent"][];
        };
        /** @description One recorded fact about a message. */
        DeliveryEvent: {
            /**
             * @description What happened, a past-tense name such as `MessageQueued`, `DeliveryAttempted`,
             *     `DeliveryDelayed`, `MessageDelivered`, `MessageFailed`, `MessageSuppressed`, `MessageHeld`,
             *     `MessageReleased`, `DsnReceived`, `MessageRetired`, `WebhookQueued`, `WebhookAttempted`,
             *     `WebhookDelivered` or `WebhookFailed`. New types may appear.
             */
            Type: string;
            /** Format: date-time */
            Time: string;
            /** @description The event's details; fields depend on `Type` and may be added over time. */
            Data: {
                [key: string]: unknown;
            };
        };
        CountResult: {
            /** @description The number of records changed. */
            Count: number;
        };
        QueueFilterRequest: {
            Filter: components["schemas"]["Filter"];
        };
        QueueHoldSetRequest: {
            Filter: components["schemas"]["Filter"];
            /** @description True holds the messages, false releases them. */
            OnHold: boolean;
        };
        QueueNextAttemptRequest: {
            Filter: components["schemas"]["Filter"];
            /** @description For ...Set, minutes from now; for ...Add, minutes to add (negative moves earlier). */
            Minutes: number;
        };
        QueueTransportSetRequest: {
            Filter: components["schemas"]["Filter"];
            /** @description A configured transport's name; empty means normal routing. */
            Transport: string;
        };
        QueueRequireTLSSetRequest: {
            Filter: components["schemas"]["Filter"];
            /** @description Null follows the recipient domain's policy; true requires verified TLS (REQUIRETLS); false relaxes policies. */
            RequireTLS: boolean | null;
        };
        HookFilterRequest: {
            Filter: components["schemas"]["HookFilter"];
        };
        HookNextAttemptRequest: {
            Filter: components["schemas"]["HookFilter"];
            /** @description For ...Set, minutes from now; for ...Add, minutes to add (negative moves earlier). */
            Minutes: number;
        };
        /**
         * @description Conditions that put a queued message on hold; empty fields match anything, an all-empty rule
         *     matches every message.
         */
        HoldRule: {
            /** Format: int64 */
            ID: number;
            /** @description The sender account. */
            Account: string;
            /** @description The envelope sender's domain, ASCII. */
            SenderDomain: string;
            /** @description The recipient's domain, ASCII. */
            RecipientDomain: string;
            /** @description The envelope sender's domain, Unicode. */
            SenderDomainStr: string;
            /** @description The recipient's domain, Unicode. */
            RecipientDomainStr: string;
        };
        HoldRuleListResult: {
            Rules: components["schemas"]["HoldRule"][];
        };
        HoldRuleAddRequest: {
            /** @description The sender account; empty matches any. */
            Account?: string;
            /** @description The envelope sender's domain, ASCII or Unicode; empty matches any. */
            SenderDomain?: string;
            /** @description The recipient's domain, ASCII or Unicode; empty matches any. */
            RecipientDomain?: string;
        };
        HoldRuleAddResult: {
            /** Format: int64 */
            ID: number;
        };
        HoldRuleRemoveRequest: {
            /** Format: int64 */
            ID: number;
        };
        AdminSuppressionListRequest: {
            Account: string;
        };
        AdminSuppressionAddRequest: {
            Account: string;
            EmailAddress: string;
            /** @description Free text. */
            Reason?: string;
        };
        AdminSuppressionRemoveRequest: {
            Account: string;
            EmailAddress: string;
        };
        /**
         * @description `ed25519` (RFC 8463) or `rsa` (2048 bits).
         * @enum {string}
         */
        DKIMAlgorithm: "ed25519" | "rsa";
        /**
         * a DNS label such as "2025a"
         * @description A DNS label (letters, digits and `-`, at most 63), e.g. `2025a`.
         */
        DKIMSelector: string;
        DKIMKey: {
            Selector: components["schemas"]["DKIMSelector"];
            Algorithm: components["schemas"]["DKIMAlgorithm"];
            /** @description Where to publish the TXT record, `<selector>._domainkey.<domain>`. */
            DNSRecordName: string;
            /** @description The TXT record's value. */
            DNSRecordValue: string;
        };
        Domain: {
            /** @description The domain name, ASCII (IDNA), lower-case. */
            Name: string;
            /** @description The domain name in Unicode. */
            NameUnicode: string;
            Disabled: boolean;
            /** @description E.g. `["+"]`; empty when catch-all addressing is off. */
            LocalpartCatchallSeparators: string[];
            /** @description The keys messages from the domain are signed with. */
            DKIMKeys: components["schemas"]["DKIMKey"][];
        };
        DomainListResult: {
            Domains: components["schemas"]["Domain"][];
        };
        DomainAddRequest: {
            /** @description ASCII or Unicode. */
            Domain: string;
            /** @description E.g. `["+"]`; absent or empty for none. */
            LocalpartCatchallSeparators?: string[];
        };
        DomainRemoveRequest: {
            Domain: string;
        };
        DomainLocalpartConfigSaveRequest: {
            Domain: string;
            LocalpartCatchallSeparators: string[];
        };
        DomainDisabledSaveRequest: {
            Domain: string;
            Disabled: boolean;
        };
        DomainDKIMKeyAddRequest: {
            Domain: string;
            Selector: components["schemas"]["DKIMSelector"];
            Algorithm: components["schemas"]["DKIMAlgorithm"];
        };
        DomainDKIMKeyAddResult: {
            Selector: string;
            /** @description Where to publish the TXT record. */
            DNSRecordName: string;
            /** @description The TXT record's value. */
            DNSRecordValue: string;
        };
        DomainDKIMKeyRemoveRequest: {
            Domain: string;
            Selector: string;
        };
        /** @description An account and its settings (the webhook secret itself is not shown). */
        Account: {
            Name: string;
            FullName: string;
            /** @description The account's addresses; `@domain` is a catch-all. */
            Addresses: string[];
            /** @description Non-empty when logins are disabled, with the reason. */
            LoginDisabled: string;
            NoCustomPassword: boolean;
            MaxOutgoingMessagesPerDay: number;
            MaxFirstTimeRecipientsPerDay: number;
            KeepRetiredMessagePeriod: components["schemas"]["Duration"];
            KeepRetiredWebhookPeriod: components["schemas"]["Duration"];
            /** @description Null when not set. */
            OutgoingWebhook: components["schemas"]["OutgoingWebhook"] | null;
            /** @description Null when not set. */
            IncomingWebhook: components["schemas"]["IncomingWebhook"] | null;
            /** @description The account has a Standard Webhooks secret, so its webhooks are signed. */
            WebhookSigning: boolean;
            FromIDLoginAddresses: string[];
        };
        AccountListResult: {
            Accounts: components["schemas"]["Account"][];
        };
        AccountGetRequest: {
            Account: string;
        };
        AccountGetResult: {
            Account: components["schemas"]["Account"];
        };
        AccountAddRequest: {
            /** @description The new account's name. */
            Account: string;
            /** @description Its first address, in an existing domain. */
            Address: string;
            /** @description Display name for messages it sends. */
            FullName?: string;
            /** @description At least 8 characters; empty or absent generates one. */
            Password?: string;
        };
        AccountAddResult: {
            /** @description The generated password, shown only this once; empty when the request gave one. */
            Password: string;
        };
        AccountRemoveRequest: {
            Account: string;
        };
        AccountSettingsSaveRequest: {
            Account: string;
            FullName: string;
            /** @description Messages (counted per recipient) the account may send in 24 hours. */
            MaxOutgoingMessagesPerDay: number;
            /** @description Recipients never sent to before that the account may send to in 24 hours. */
            MaxFirstTimeRecipientsPerDay: number;
            NoCustomPassword: boolean;
            KeepRetiredMessagePeriod: components["schemas"]["Duration"];
            KeepRetiredWebhookPeriod: components["schemas"]["Duration"];
        };
        AccountLoginDisabledSaveRequest: {
            Account: string;
            /** @description Non-empty disables logins, with this text as the reason; empty enables them. */
            LoginDisabled: string;
        };
        AccountPasswordSetRequest: {
            Account: string;
            /** @description At least 8 characters. */
            Password: string;
        };
        AddressAddRequest: {
            /** @description An address, or `@domain` for a catch-all. */
            Address: string;
            Account: string;
        };
        AddressRemoveRequest: {
            Address: string;
        };
        Projection: {
            Name: string;
            /** @description The projection's code version; a new version rebuilds it. */
            Version: number;
            /**
             * Format: int64
             * @description The last event log position processed.
             */
            Position: number;
            /**
             * Format: int64
             * @description The event log's last position.
             */
            Head: number;
            /**
             * Format: int64
             * @description Head minus Position.
             */
            Lag: number;
            Rebuilding: boolean;
            /** @description The fraction of the log processed, 0 to 1. */
            Progress: number;
        };
        ProjectionStatusResult: {
            Projections: components["schemas"]["Projection"][];
        };
        ProjectionRebuildRequest: {
            Name: string;
        };
        ProjectionRebuildResult: {
            /** @description False when a rebuild was already running. */
            Started: boolean;
        };
        DueNowResult: {
            /** @description Queued messages made due. */
            Messages: number;
            /** @description Pending webhooks made due. */
            Hooks: number;
        };
        WebhookReplayRequest: {
            Account: string;
            /**
             * Format: date-time
             * @description Replay events at or after this time.
             */
            Since: string;
            /**
             * Format: date-time
             * @description Replay events before this time; null or absent means now.
             */
            Until?: string | null;
            /** @description Event names to replay, `incoming` for incoming webhooks; empty or absent means all. */
            Events?: ("incoming" | "delivered" | "suppressed" | "delayed" | "failed" | "relayed" | "expanded" | "canceled" | "unrecognized")[];
        };
    };
    responses: {
        /** @description The request failed; `Code` says why (see `ErrorCode` and the method's description). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No credentials, or wrong ones. Not answered with JSON. */
        Unauthorized: {
            headers: {
                /** @description Always `Basic realm=adminapi`. */
                "WWW-Authenticate"?: "Basic realm=adminapi";
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description The request body exceeds the size limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many failed logins from this network; try again later. Not answered with JSON. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type Error = components['schemas']['Error'];
export type ErrorCode = components['schemas']['ErrorCode'];
export type FormRequest = components['schemas']['FormRequest'];
export type Empty = components['schemas']['Empty'];
export type Duration = components['schemas']['Duration'];
export type TimeFilter = components['schemas']['TimeFilter'];
export type Extra = components['schemas']['Extra'];
export type OutgoingEvent = components['schemas']['OutgoingEvent'];
export type OutgoingWebhook = components['schemas']['OutgoingWebhook'];
export type IncomingWebhook = components['schemas']['IncomingWebhook'];
export type Suppression = components['schemas']['Suppression'];
export type SuppressionListResult = components['schemas']['SuppressionListResult'];
export type MsgResult = components['schemas']['MsgResult'];
export type DialedIPs = components['schemas']['DialedIPs'];
export type Msg = components['schemas']['Msg'];
export type MsgRetired = components['schemas']['MsgRetired'];
export type HookResult = components['schemas']['HookResult'];
export type Hook = components['schemas']['Hook'];
export type HookRetired = components['schemas']['HookRetired'];
export type Filter = components['schemas']['Filter'];
export type Sort = components['schemas']['Sort'];
export type RetiredFilter = components['schemas']['RetiredFilter'];
export type RetiredSort = components['schemas']['RetiredSort'];
export type HookFilter = components['schemas']['HookFilter'];
export type HookSort = components['schemas']['HookSort'];
export type HookRetiredFilter = components['schemas']['HookRetiredFilter'];
export type HookRetiredSort = components['schemas']['HookRetiredSort'];
export type QueueListRequest = components['schemas']['QueueListRequest'];
export type QueueListResult = components['schemas']['QueueListResult'];
export type RetiredListRequest = components['schemas']['RetiredListRequest'];
export type RetiredListResult = components['schemas']['RetiredListResult'];
export type HookListRequest = components['schemas']['HookListRequest'];
export type HookListResult = components['schemas']['HookListResult'];
export type HookRetiredListRequest = components['schemas']['HookRetiredListRequest'];
export type HookRetiredListResult = components['schemas']['HookRetiredListResult'];
export type DeliveryHistoryRequest = components['schemas']['DeliveryHistoryRequest'];
export type DeliveryHistoryResult = components['schemas']['DeliveryHistoryResult'];
export type DeliveryEvent = components['schemas']['DeliveryEvent'];
export type CountResult = components['schemas']['CountResult'];
export type QueueFilterRequest = components['schemas']['QueueFilterRequest'];
export type QueueHoldSetRequest = components['schemas']['QueueHoldSetRequest'];
export type QueueNextAttemptRequest = components['schemas']['QueueNextAttemptRequest'];
export type QueueTransportSetRequest = components['schemas']['QueueTransportSetRequest'];
export type QueueRequireTlsSetRequest = components['schemas']['QueueRequireTLSSetRequest'];
export type HookFilterRequest = components['schemas']['HookFilterRequest'];
export type HookNextAttemptRequest = components['schemas']['HookNextAttemptRequest'];
export type HoldRule = components['schemas']['HoldRule'];
export type HoldRuleListResult = components['schemas']['HoldRuleListResult'];
export type HoldRuleAddRequest = components['schemas']['HoldRuleAddRequest'];
export type HoldRuleAddResult = components['schemas']['HoldRuleAddResult'];
export type HoldRuleRemoveRequest = components['schemas']['HoldRuleRemoveRequest'];
export type AdminSuppressionListRequest = components['schemas']['AdminSuppressionListRequest'];
export type AdminSuppressionAddRequest = components['schemas']['AdminSuppressionAddRequest'];
export type AdminSuppressionRemoveRequest = components['schemas']['AdminSuppressionRemoveRequest'];
export type DkimAlgorithm = components['schemas']['DKIMAlgorithm'];
export type DkimSelector = components['schemas']['DKIMSelector'];
export type DkimKey = components['schemas']['DKIMKey'];
export type Domain = components['schemas']['Domain'];
export type DomainListResult = components['schemas']['DomainListResult'];
export type DomainAddRequest = components['schemas']['DomainAddRequest'];
export type DomainRemoveRequest = components['schemas']['DomainRemoveRequest'];
export type DomainLocalpartConfigSaveRequest = components['schemas']['DomainLocalpartConfigSaveRequest'];
export type DomainDisabledSaveRequest = components['schemas']['DomainDisabledSaveRequest'];
export type DomainDkimKeyAddRequest = components['schemas']['DomainDKIMKeyAddRequest'];
export type DomainDkimKeyAddResult = components['schemas']['DomainDKIMKeyAddResult'];
export type DomainDkimKeyRemoveRequest = components['schemas']['DomainDKIMKeyRemoveRequest'];
export type Account = components['schemas']['Account'];
export type AccountListResult = components['schemas']['AccountListResult'];
export type AccountGetRequest = components['schemas']['AccountGetRequest'];
export type AccountGetResult = components['schemas']['AccountGetResult'];
export type AccountAddRequest = components['schemas']['AccountAddRequest'];
export type AccountAddResult = components['schemas']['AccountAddResult'];
export type AccountRemoveRequest = components['schemas']['AccountRemoveRequest'];
export type AccountSettingsSaveRequest = components['schemas']['AccountSettingsSaveRequest'];
export type AccountLoginDisabledSaveRequest = components['schemas']['AccountLoginDisabledSaveRequest'];
export type AccountPasswordSetRequest = components['schemas']['AccountPasswordSetRequest'];
export type AddressAddRequest = components['schemas']['AddressAddRequest'];
export type AddressRemoveRequest = components['schemas']['AddressRemoveRequest'];
export type Projection = components['schemas']['Projection'];
export type ProjectionStatusResult = components['schemas']['ProjectionStatusResult'];
export type ProjectionRebuildRequest = components['schemas']['ProjectionRebuildRequest'];
export type ProjectionRebuildResult = components['schemas']['ProjectionRebuildResult'];
export type DueNowResult = components['schemas']['DueNowResult'];
export type WebhookReplayRequest = components['schemas']['WebhookReplayRequest'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type $defs = Record<string, never>;
export interface operations {
    QueueList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueListRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The matching messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueHoldSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueHoldSetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueNextAttemptSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueNextAttemptRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueNextAttemptAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueNextAttemptRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueTransportSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueTransportSetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueRequireTLSSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueRequireTLSSetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueFail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueFilterRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    QueueDrop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueFilterRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of messages changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    RetiredList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetiredListRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The matching retired messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetiredListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HookList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HookListRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The matching webhooks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HookRetiredList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HookRetiredListRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The matching retired webhooks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookRetiredListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HookNextAttemptSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HookNextAttemptRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of webhooks changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HookNextAttemptAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HookNextAttemptRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of webhooks changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HookCancel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HookFilterRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of webhooks canceled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HoldRuleList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The hold rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldRuleListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HoldRuleAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldRuleAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The new rule's ID. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldRuleAddResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    HoldRuleRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldRuleRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The rule was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DeliveryHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryHistoryRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The message's events, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryHistoryResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    SuppressionList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminSuppressionListRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The account's suppressions, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    SuppressionAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminSuppressionAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The address was added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    SuppressionRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminSuppressionRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The address was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description All domains, sorted by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The domain was added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The domain was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainLocalpartConfigSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainLocalpartConfigSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The separators were stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainDisabledSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainDisabledSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The setting was stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainDKIMKeyAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainDKIMKeyAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The DNS record to publish. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainDKIMKeyAddResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DomainDKIMKeyRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DomainDKIMKeyRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The key was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description All accounts, sorted by name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountListResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountGetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The generated password, or empty when one was given. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountAddResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The account was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountSettingsSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountSettingsSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The settings were stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountLoginDisabledSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountLoginDisabledSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The setting was stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AccountPasswordSet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountPasswordSetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The password was set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AddressAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddressAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The address was added. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    AddressRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddressRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The address was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    ProjectionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description One entry per projection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatusResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    ProjectionRebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectionRebuildRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description Whether a rebuild was started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionRebuildResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    DueNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description How many messages and webhooks were made due. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DueNowResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    WebhookReplay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplayRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The number of webhooks queued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
