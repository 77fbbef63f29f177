// Generated from ../../openapi/webapi.yaml by generate-client.mjs (openapi-typescript). Do not edit:
// run `node examples/signup-mailer/generate-client.mjs` after the spec changes.

export interface paths {
    "/webapi/v0/Send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compose a message and queue it for delivery to every recipient
         * @description Composes a MIME message from the request and queues one delivery per recipient (To, then CC, then
         *     BCC). Each queued message has a queue message ID (`QueueMsgID`) that the outgoing webhooks refer to.
         *     Files can be given as base64 in the JSON (`AlternativeFiles`, `InlineFiles`, `AttachedFiles`) or as
         *     multipart parts `alternativefile`, `inlinefile` and `attachedfile` (the part's Content-Type and
         *     Content-ID headers are used; a missing Content-Type is detected from the data).
         *
         *     An empty `From` defaults to the login address, with the account's full name as display name. When
         *     the login address is one of the account's FromID login addresses, each recipient gets a unique
         *     `FromID` in the envelope sender, so bounces can be matched to the message.
         *
         *     `Idempotency-Key` makes a retried call safe: a key seen within the last 24 hours (for this account)
         *     returns the first call's result and queues nothing new. Only successful calls are remembered, so a
         *     call that failed can be retried with the same key.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema, or `Idempotency-Key` is empty, longer than
         *       256 characters or not printable ASCII or given twice.
         *     - `server`: the account was removed while the call ran.
         *     - `missingBody`: `Text` and `HTML` are both empty.
         *     - `multipleFrom`: more than one `From` address.
         *     - `badAddress` / `user`: a From, To, CC or BCC address does not parse (`badAddress`), or its
         *       display name contains control characters (`user`); checked address by address, the display
         *       name first.
         *     - `domainDisabled`: the From address is in a disabled domain.
         *     - `badFrom`: the account may not send as the From address.
         *     - `noRecipients`: To, CC and BCC are all empty.
         *     - `messageLimitReached`: the account's messages-per-day limit would be exceeded.
         *     - `recipientLimitReached`: the account's first-time-recipients-per-day limit would be exceeded.
         *     - `badAddress` / `user`: a ReplyTo address does not parse (`badAddress`), or its display name
         *       contains control characters (`user`).
         *     - `user`: control characters in the subject, or a `Date` that is a leap second (`23:59:60`).
         *     - `malformedMessageID`: `MessageID` is not enclosed in `<` and `>`.
         *     - `user`: control characters in a message-id, a reference, a header or file metadata; a header
         *       name that is not a valid field name; file data that is not base64.
         *     - `messageTooLarge`: the composed message exceeds the maximum message size.
         *     - `user`: the From domain was removed or disabled while the message was composed.
         *     - `server`: DKIM signing failed.
         *     - `user`: the login address uses FromIDs but the From domain has no catch-all separator;
         *       `FutureRelease` more than 60 days ahead or a leap second; `Extra` over its limits (64 keys, key
         *       1-128 bytes, value up to 1 KiB, 16 KiB in all).
         *     - `server`: queueing failed.
         *     - `sentOverQuota`: kept for mox compatibility; Postwire has no mailbox quota, so it is not
         *       returned. A failure to store the `SaveSent` copy is `server`, and the message stays queued.
         */
        post: operations["Send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/SuppressionList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the account's suppressed addresses
         * @description Returns every suppression of the account, oldest first.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `server`: the list could not be read.
         */
        post: operations["SuppressionList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/SuppressionAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an address to the account's suppression list
         * @description Adds the address. Suppression is by base address: the localpart is cut at the first `+`, then at the
         *     first `-`, dots are removed and it is lower-cased; the domain is compared in Unicode, lower-cased.
         *     So `Carol.Smith+news@example.net` suppresses `carolsmith@example.net` and all its variants.
         *     Queued messages to the address fail with the `suppressed` event at their next delivery attempt.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
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
    "/webapi/v0/SuppressionRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove an address from the account's suppression list
         * @description Removes the suppression whose base address equals the base of the given address, so any variant
         *     of the address works. Messages that already failed as suppressed are not affected.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
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
    "/webapi/v0/SuppressionPresent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check whether an address is suppressed
         * @description Looks the address up by its base address (see `SuppressionAdd`).
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `badAddress`: `EmailAddress` does not parse.
         *     - `server`: the list could not be read.
         */
        post: operations["SuppressionPresent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageGet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a stored message's headers, text, structure and delivery details
         * @description `MsgID` is the account's message ID, e.g. `Meta.MsgID` from an incoming webhook. `Text` and `HTML`
         *     are the first readable text/plain and text/html parts, converted to UTF-8 with `\n` line endings
         *     and cut at 1 MiB each; use `MessagePartGet` for the full part. `References` starts with
         *     `In-Reply-To` when that is not already listed.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `messageNotFound`: no message with this ID, or it was removed.
         *     - `server`: the message could not be read or parsed.
         */
        post: operations["MessageGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageRawGet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a stored message's raw bytes
         * @description Returns the message exactly as stored, including the headers the server added on receipt
         *     (`Received`, authentication results).
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `messageNotFound`: no message with this ID, or it was removed.
         *     - `server`: the message could not be read.
         */
        post: operations["MessageRawGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessagePartGet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get one MIME part of a stored message, transfer-decoded
         * @description `PartPath` selects the part: each index picks a sub-part of the current part, starting at the
         *     message, e.g. `[0, 1]` is the second part inside the first part. `[]` is the message body without
         *     its headers. The content is returned after base64 or quoted-printable decoding, without charset
         *     conversion; text keeps its CRLF line endings.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `messageNotFound`: no message with this ID, or it was removed.
         *     - `server`: the message could not be read.
         *     - `partNotFound`: an index in `PartPath` is negative or beyond the number of sub-parts.
         */
        post: operations["MessagePartGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageDelete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a stored message permanently
         * @description Removes the message at once; it is not moved to a Trash mailbox.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `MsgID` is 0.
         *     - `messageNotFound`: no message with this ID.
         *     - `user`: the message was already removed.
         *     - `server`: the mailbox could not be updated.
         */
        post: operations["MessageDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageFlagsAdd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set flags and keywords on a stored message
         * @description Flags are case-insensitive and stored lower-case. System flags: `\answered`, `\flagged`,
         *     `\deleted`, `\seen`, `\draft`, `$junk`, `$notjunk`, `$forwarded`, `$phishing`, `$mdnsent`. Anything
         *     else is a keyword: printable ASCII without spaces or any of `(){%*"\]`. Adding a flag that is
         *     already set does nothing.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `MsgID` is 0, or a keyword is not valid.
         *     - `messageNotFound`: no message with this ID.
         *     - `user`: the message was removed.
         *     - `server`: the mailbox could not be updated.
         */
        post: operations["MessageFlagsAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageFlagsRemove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear flags and keywords on a stored message
         * @description The counterpart of `MessageFlagsAdd`. Removing a flag that is not set does nothing.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `MsgID` is 0, or a keyword is not valid.
         *     - `messageNotFound`: no message with this ID.
         *     - `user`: the message was removed.
         *     - `server`: the mailbox could not be updated.
         */
        post: operations["MessageFlagsRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/MessageMove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a stored message to another mailbox
         * @description The destination mailbox must exist. The message gets a new IMAP UID in the destination.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `MsgID` is 0, or no mailbox is named `DestMailboxName`.
         *     - `messageNotFound`: no message with this ID.
         *     - `user`: the message was removed, or it is already in the destination mailbox.
         *     - `server`: the mailboxes could not be updated.
         */
        post: operations["MessageMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/AccountSettingsGet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get the account's own settings
         * @description Returns the settings the account can see, most of which it can change with the `...Save` methods.
         *     The sending limits and `NoCustomPassword` are set by the administrator.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (send `{}`).
         *     - `user`: the account was removed while the call ran.
         *     - `server`: the settings could not be read.
         */
        post: operations["AccountSettingsGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/OutgoingWebhookSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or clear the webhook for delivery events
         * @description Sets the URL that receives the outgoing webhooks (`Outgoing` payloads, see `webhooks`). An empty
         *     `URL` clears the setting. `Authorization`, when not empty, is sent verbatim as the `Authorization`
         *     header. `Events` limits the events sent; empty means all eight. The URL and Authorization are
         *     copied into each webhook when it is queued, so a change does not affect webhooks already queued.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (this includes an unknown event name).
         *     - `notFound`: the account was removed while the call ran.
         *     - `user`: `URL` is not an absolute http or https URL, or points at a loopback, private or other
         *       non-public address (allowed with the bootstrap setting `webhooks.allowPrivateTargets`, as in
         *       localserve); an event is listed twice; `Authorization` contains a line break or NUL.
         *     - `server`: the setting could not be stored.
         */
        post: operations["OutgoingWebhookSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/IncomingWebhookSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or clear the webhook for incoming messages
         * @description Sets the URL that receives an `Incoming` payload for every message delivered to the account's
         *     mailboxes. An empty `URL` clears the setting.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: the account was removed while the call ran.
         *     - `user`: `URL` is not an absolute http or https URL, or points at a loopback, private or other
         *       non-public address (allowed with the bootstrap setting `webhooks.allowPrivateTargets`, as in
         *       localserve); `Authorization` contains a line break or NUL.
         *     - `server`: the setting could not be stored.
         */
        post: operations["IncomingWebhookSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/WebhookSecretSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or clear the Standard Webhooks signing secret
         * @description With a secret, every webhook call also carries the Standard Webhooks headers `webhook-id`,
         *     `webhook-timestamp` and `webhook-signature` (`v1,` + base64 of HMAC-SHA256 over
         *     `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after
         *     `whsec_`), so receivers can use any Standard Webhooks library to verify calls. An empty secret turns
         *     signing off. The mox headers are sent either way. Generate the secret from 24 to 64 random bytes.
         *     Differs from mox: mox has no signing.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema, including a secret that is not `whsec_`
         *       followed by the base64 of 24 to 64 bytes.
         *     - `notFound`: the account was removed while the call ran.
         *     - `server`: the setting could not be stored.
         */
        post: operations["WebhookSecretSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/FromIDLoginAddressesSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the login addresses that send with a unique FromID per recipient
         * @description When a call to `Send` logs in with one of these addresses, each recipient gets a unique `FromID`
         *     (22 characters of base64url) in the envelope sender: `<localpart><separator><FromID>@<domain>`.
         *     Bounces to that address are matched to the message and reported as outgoing webhooks. Each address
         *     must be in a domain with a catch-all separator and must belong to the account, typically as a
         *     variant of its own address such as `shop+fromid@example.org`. `[]` turns the feature off.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: the account was removed while the call ran.
         *     - `badAddress`: an address does not parse.
         *     - `user`: an address is not in a domain with a catch-all separator, does not belong to the
         *       account, or is listed twice.
         *     - `server`: the setting could not be stored.
         */
        post: operations["FromIDLoginAddressesSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/KeepRetiredPeriodsSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set how long delivered or failed messages and webhooks stay in the history
         * @description A message that is delivered, fails or is canceled is "retired": it leaves the queue, and is kept in
         *     the retired list (`RetiredList`) for `KeepRetiredMessagePeriod`. Likewise finished webhooks are
         *     kept for `KeepRetiredWebhookPeriod` (`HookRetiredList`). `"0s"` keeps nothing. The periods apply to
         *     records retired after the change. Retired messages are needed to match late bounces (DSNs) to
         *     messages and for the three-consecutive-failures suppression rule, so keep them for at least a few
         *     days in production.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (a period is not a duration such as
         *       `72h`).
         *     - `notFound`: the account was removed while the call ran.
         *     - `user`: a period is longer than 292 years (e.g. `99999999h`).
         *     - `server`: the setting could not be stored.
         */
        post: operations["KeepRetiredPeriodsSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/PasswordSave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the account's password
         * @description Sets a new password for the account. It takes effect for the next call; the current call was
         *     already authenticated. Passwords are stored only as salted hashes.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `notFound`: the account was removed while the call ran.
         *     - `user`: the administrator set `NoCustomPassword` for the account, or the password is shorter
         *       than 8 characters or contains control characters.
         *     - `server`: the password could not be stored.
         */
        post: operations["PasswordSave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/OutgoingWebhookTest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call a URL once with an outgoing webhook payload
         * @description Posts `Payload` to `URL` once, with the headers a real webhook call has (webhook ID 1, attempt 1,
         *     signed when the account has a secret), and reports what the endpoint answered. Nothing is queued
         *     or retried, and any HTTP status is a successful test call: look at `Code`.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `URL` is not an absolute http or https URL, `Authorization` contains a line break or NUL,
         *       or the URL points at (or its name resolves to) a loopback, private or other non-public address
         *       (allowed with the bootstrap setting `webhooks.allowPrivateTargets`, as in localserve).
         */
        post: operations["OutgoingWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/IncomingWebhookTest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call a URL once with an incoming webhook payload
         * @description Posts `Payload` to `URL` once, like `OutgoingWebhookTest`, and reports what the endpoint answered.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `user`: `URL` is not an absolute http or https URL, `Authorization` contains a line break or NUL,
         *       or the URL points at (or its name resolves to) a loopback, private or other non-public address
         *       (allowed with the bootstrap setting `webhooks.allowPrivateTargets`, as in localserve).
         */
        post: operations["IncomingWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/v0/QueueList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the account's messages waiting in the delivery queue
         * @description The account's queued messages (one per recipient), with their attempt history in `Results`.
         *     `Filter` and `Sort` are those of the admin API's `QueueList`; `Filter.Account` is ignored (always the
         *     calling account). Page through long lists with `Sort.LastID` and `Sort.Last` (see `Sort`).
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema (e.g. a time filter without `<` or `>`,
         *       or an unknown sort field).
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
    "/webapi/v0/RetiredList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the account's delivered, failed and canceled messages
         * @description Messages that left the queue, kept for the account's `KeepRetiredMessagePeriod`. `Filter.Account`
         *     is ignored (always the calling account). Page with `Sort.LastID` and `Sort.Last`.
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
    "/webapi/v0/HookList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the account's webhook calls waiting to be made or retried
         * @description Pending webhooks of the account with their attempts so far. `Filter.Account` is ignored (always the
         *     calling account). A newer event for the same message supersedes a pending webhook, so at most one
         *     per message is listed.
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
    "/webapi/v0/HookRetiredList": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the account's finished webhook calls
         * @description Webhooks that succeeded, failed 12 times, were canceled or were superseded, kept for the account's
         *     `KeepRetiredWebhookPeriod`. `Filter.Account` is ignored (always the calling account).
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
    "/webapi/v0/DeliveryHistory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The full event history of one of the account's queued messages
         * @description Every recorded fact about the message, oldest first: queued, each delivery attempt and its outcome,
         *     holds and releases, bounces (DSNs) received later, retirement, and the webhooks queued and
         *     delivered for it. This is the audit trail the queue and history lists are computed from, and it is
         *     kept after the message's retired record expires. `Type` names the fact; `Data` holds its details
         *     and may gain fields over time.
         *
         *     Errors, in the order they are checked:
         *     - `protocol`: the body does not match the request schema.
         *     - `messageNotFound`: no queued or retired message with this ID was sent by the account.
         *     - `server`: the history could not be read.
         */
        post: operations["DeliveryHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    outgoing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What became of a sent message (the account's outgoing webhook)
         * @description Postwire POSTs an `Outgoing` payload to the account's outgoing webhook URL for each delivery event
         *     of a message sent by the account: `delivered`, `suppressed`, `delayed` (after every temporary
         *     failure that will be retried), `failed`, `relayed`, `expanded`, `canceled` and `unrecognized`
         *     (see `OutgoingEvent`). `QueueMsgID` and `FromID` are those returned by `Send`; `Extra` is the
         *     `Extra` given to `Send`.
         *
         *     **Headers:** `Content-Type: application/json; charset=utf-8`, `User-Agent`, `X-Mox-Webhook-ID`,
         *     `X-Mox-Webhook-Attempt`, `Authorization` when the webhook has one, and, when the account has a
         *     webhook secret, the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and
         *     `webhook-signature` (see `WebhookSecretSave`).
         *
         *     **Success** is any 2xx status within 60 seconds (differs from mox: only 200). The first 512 bytes of
         *     the response body are kept in the webhook's history. Anything else is retried after 1m, 2m, 4m,
         *     7.5m, 15m, 30m, 1h, 2h, 4h, 8h and 16h (±1 %), 12 attempts in all. At most one call per URL is in
         *     flight at a time.
         *
         *     **Order is not guaranteed.** A newer event for a message supersedes its pending webhook, so only
         *     the latest event per message is certain to be attempted; a failing call backs off while later ones
         *     go ahead. Order events by `WebhookQueued` and deduplicate by `X-Mox-Webhook-ID`.
         */
        post: operations["OutgoingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    incoming: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A message arrived for the account (the account's incoming webhook)
         * @description Postwire POSTs an `Incoming` payload to the account's incoming webhook URL for every message
         *     delivered into one of the account's mailboxes over SMTP. Not for rejected messages, bounces that
         *     match a sent message by its FromID (those become outgoing webhooks), or messages moved or added by
         *     IMAP or the webapi. `Meta.MsgID` is the ID for `MessageGet`, `MessageRawGet` and the other message
         *     methods.
         *
         *     Success and retries are as for the outgoing webhook: any 2xx within 60 seconds, otherwise up to 12
         *     attempts with backoff from 1 minute to 16 hours. Incoming webhooks are never superseded.
         */
        post: operations["IncomingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
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
        /** @description An address with an optional display name. */
        NameAddress: {
            /** @description Display name; may be empty. Control characters are refused (`user`). */
            Name?: string;
            /** @description The e-mail address; Unicode domains are allowed. */
            Address: string;
        };
        /** @description A file to include in a sent message. */
        File: {
            /** @description The file name; may be empty. */
            Name?: string;
            /** @description E.g. `application/pdf`; detected from the data when empty. */
            ContentType?: string;
            /** @description E.g. `<logo>`, to refer to the file as `cid:logo` in HTML; may be empty. */
            ContentID?: string;
            /** @description The file's contents, standard base64. */
            Data: string;
        };
        /** @description A stored message's headers and readable text, as returned by MessageGet. */
        Message: {
            From: components["schemas"]["NameAddress"][];
            To: components["schemas"]["NameAddress"][];
            CC: components["schemas"]["NameAddress"][];
            BCC: components["schemas"]["NameAddress"][];
            ReplyTo: components["schemas"]["NameAddress"][];
            /** @description With `<>`. */
            MessageID: string;
            /** @description Message-IDs of earlier messages in the thread, with `<>`, oldest first. */
            References: string[];
            /**
             * Format: date-time
             * @description Null when the message has no valid Date header.
             */
            Date: string | null;
            Subject: string;
            /** @description The first text/plain part, UTF-8, `\n` line endings, at most 1 MiB. */
            Text: string;
            /** @description The first text/html part, UTF-8, `\n` line endings, at most 1 MiB. */
            HTML: string;
        };
        /**
         * @description A message to compose and send. The fields of mox's `Message` are included directly. Every field is
         *     optional, but a message needs `Text` or `HTML` and at least one recipient.
         */
        SendRequest: {
            /** @description At most one address; empty means the login address with the account's full name. */
            From?: components["schemas"]["NameAddress"][];
            To?: components["schemas"]["NameAddress"][];
            CC?: components["schemas"]["NameAddress"][];
            /** @description Receive the message, but are not listed in its headers. */
            BCC?: components["schemas"]["NameAddress"][];
            ReplyTo?: components["schemas"]["NameAddress"][];
            /** @description The Message-ID, with `<>`; generated when empty. */
            MessageID?: string;
            /** @description Message-IDs this message replies to, oldest first; `In-Reply-To` is set to the last. */
            References?: string[];
            /**
             * Format: date-time
             * @description The Date header; now when null.
             */
            Date?: string | null;
            Subject?: string;
            /** @description The plain text body, `\n` line endings. */
            Text?: string;
            /** @description The HTML body, `\n` line endings. With Text, the message is multipart/alternative. */
            HTML?: string;
            /**
             * @description Metadata passed through to every outgoing webhook about the message and shown in the queue
             *     lists, e.g. your own message or user ID. At most 64 keys, each key 1-128 bytes, each value at
             *     most 1 KiB, 16 KiB in all (differs from mox: no limits); beyond that the answer is `user`.
             */
            Extra?: {
                [key: string]: string;
            };
            /**
             * @description Extra header fields, in order, each `[name, value]`. A `User-Agent` is added unless a
             *     `User-Agent` or `X-Mailer` is given.
             */
            Headers?: string[][];
            /** @description Further alternatives to Text and HTML in the multipart/alternative part. */
            AlternativeFiles?: components["schemas"]["File"][];
            /** @description Files shown as part of the content (multipart/related), e.g. images used by the HTML. */
            InlineFiles?: components["schemas"]["File"][];
            /** @description Attachments (multipart/mixed). */
            AttachedFiles?: components["schemas"]["File"][];
            /**
             * @description Null follows the recipient domain's policy (opportunistic TLS, MTA-STS, DANE). True requires
             *     verified TLS and the REQUIRETLS extension (RFC 8689) along the path. False relaxes the policies
             *     to improve the chance of delivery (`TLS-Required: No`).
             */
            RequireTLS?: boolean | null;
            /**
             * Format: date-time
             * @description The time of the first delivery attempt, at most 60 days ahead; a past time means now.
             */
            FutureRelease?: string | null;
            /** @description Also store the message in the account's Sent mailbox, if it has one. */
            SaveSent?: boolean;
        };
        /**
         * @description Send in mox's multipart form encoding: the request as JSON text plus files as parts. The part's
         *     file name, Content-Type (detected when absent) and Content-ID are used.
         */
        SendForm: {
            /** @description The `SendRequest` as JSON text. */
            request: string;
            /** @description Files added as alternatives, like `AlternativeFiles`. */
            alternativefile?: string[];
            /** @description Files added inline, like `InlineFiles`. */
            inlinefile?: string[];
            /** @description Files added as attachments, like `AttachedFiles`. */
            attachedfile?: string[];
        };
        Submission: {
            /** @description The recipient address exactly as given in the request. */
            Address: string;
            /**
             * Format: int64
             * @description The queued message for this recipient; webhooks and history refer to it.
             */
            QueueMsgID: number;
            /** @description The unique ID in the envelope sender, when the login address is a FromID login address; else empty. */
            FromID: string;
        };
        SendResult: {
            /** @description The Message-ID of the sent message, with `<>`. */
            MessageID: string;
            /** @description One per recipient, in the order To, CC, BCC. */
            Submissions: components["schemas"]["Submission"][];
        };
        SuppressionAddRequest: {
            EmailAddress?: string;
            /** @description Whether a person decided this (true) or a program did, e.g. after a failure (false). */
            Manual?: boolean;
            /** @description Free text. */
            Reason?: string;
        };
        SuppressionRemoveRequest: {
            EmailAddress?: string;
        };
        SuppressionPresentRequest: {
            EmailAddress?: string;
        };
        SuppressionPresentResult: {
            Present: boolean;
        };
        MessageGetRequest: {
            /**
             * Format: int64
             * @description The account's message ID, e.g. `Meta.MsgID` of an incoming webhook.
             */
            MsgID?: number;
        };
        MessageRawGetRequest: {
            /** Format: int64 */
            MsgID?: number;
        };
        MessagePartGetRequest: {
            /** Format: int64 */
            MsgID?: number;
            /** @description Indexes of sub-parts, outermost first; `[]` is the message body. */
            PartPath?: number[];
        };
        MessageDeleteRequest: {
            /** Format: int64 */
            MsgID?: number;
        };
        MessageFlagsAddRequest: {
            /** Format: int64 */
            MsgID?: number;
            /** @description System flags such as `\seen` and keywords. */
            Flags?: string[];
        };
        MessageFlagsRemoveRequest: {
            /** Format: int64 */
            MsgID?: number;
            Flags?: string[];
        };
        MessageMoveRequest: {
            /** Format: int64 */
            MsgID?: number;
            /** @description E.g. `Archive`; must exist. */
            DestMailboxName?: string;
        };
        /** @description A MIME part and its sub-parts. */
        Structure: {
            /**
             * @description Lower-case `type/subtype`. Differs from mox: a part without a Content-Type header gets the
             *     default of RFC 2045 section 5.2, `text/plain` (`message/rfc822` inside multipart/digest, RFC 2046
             *     section 5.1.5), where mox gives `/`.
             */
            ContentType: string;
            /** @description Content-Type parameters; keys lower-case. */
            ContentTypeParams: {
                [key: string]: string;
            };
            ContentID: string;
            /** @description Lower-case disposition without parameters, e.g. `attachment`; empty if absent. */
            ContentDisposition: string;
            /** @description From Content-Disposition, or the Content-Type `name` parameter, decoded. */
            Filename: string;
            /**
             * Format: int64
             * @description Size after transfer decoding; text counts CRLF line endings. 0 for multipart parts.
             */
            DecodedSize: number;
            /** @description Sub-parts of a multipart part; empty otherwise. */
            Parts: components["schemas"]["Structure"][];
        };
        MessageMeta: {
            /**
             * Format: int64
             * @description Size of the stored message.
             */
            Size: number;
            /** @description The message is a delivery status notification (bounce). */
            DSN: boolean;
            /**
             * @description System flags, lower-case, in the order `$forwarded`, `$junk`, `$mdnsent`, `$notjunk`,
             *     `$phishing`, `\answered`, `\deleted`, `\draft`, `\flagged`, `\seen`, then the keywords sorted.
             */
            Flags: string[];
            /** @description The SMTP MAIL FROM address. */
            MailFrom: string;
            /** @description MAIL FROM passed SPF. */
            MailFromValidated: boolean;
            /** @description The SMTP RCPT TO address; empty if unknown. */
            RcptTo: string;
            /** @description The From header address. */
            MsgFrom: string;
            /** @description The From address passed DMARC-like validation. */
            MsgFromValidated: boolean;
            DKIMVerifiedDomains: string[];
            RemoteIP: string;
            MailboxName: string;
        };
        MessageGetResult: {
            Message: components["schemas"]["Message"];
            Structure: components["schemas"]["Structure"];
            Meta: components["schemas"]["MessageMeta"];
        };
        /** @description The calling account's settings. */
        AccountSettings: {
            /** @description The account name. */
            Name: string;
            /** @description The display name used for From when Send has no From. */
            FullName: string;
            /** @description The account's addresses; `@domain` is a catch-all for the domain. */
            Addresses: string[];
            /** @description Null when not set. */
            OutgoingWebhook: components["schemas"]["OutgoingWebhook"] | null;
            /** @description Null when not set. */
            IncomingWebhook: components["schemas"]["IncomingWebhook"] | null;
            /** @description The Standard Webhooks secret; empty when webhooks are not signed. */
            WebhookSecret: string;
            FromIDLoginAddresses: string[];
            KeepRetiredMessagePeriod: components["schemas"]["Duration"];
            KeepRetiredWebhookPeriod: components["schemas"]["Duration"];
            /** @description Messages (counted per recipient) the account may send in 24 hours. */
            MaxOutgoingMessagesPerDay: number;
            /** @description Recipients never sent to before that the account may send to in 24 hours. */
            MaxFirstTimeRecipientsPerDay: number;
            /** @description When true, PasswordSave is refused. */
            NoCustomPassword: boolean;
        };
        OutgoingWebhookSaveRequest: {
            /** @description An http or https URL; empty clears the webhook. */
            URL: string;
            /** @description Sent verbatim as the `Authorization` header when not empty. */
            Authorization?: string;
            /** @description The events to send; empty or absent means all. */
            Events?: components["schemas"]["OutgoingEvent"][];
        };
        IncomingWebhookSaveRequest: {
            /** @description An http or https URL; empty clears the webhook. */
            URL: string;
            /** @description Sent verbatim as the `Authorization` header when not empty. */
            Authorization?: string;
        };
        WebhookSecretSaveRequest: {
            /**
             * "whsec_" followed by the base64 of 24 to 64 random bytes, or empty
             * @description `whsec_` followed by the standard base64 of 24 to 64 random bytes; empty turns signing off.
             */
            Secret: string;
        };
        FromIDLoginAddressesSaveRequest: {
            LoginAddresses: string[];
        };
        KeepRetiredPeriodsSaveRequest: {
            KeepRetiredMessagePeriod: components["schemas"]["Duration"];
            KeepRetiredWebhookPeriod: components["schemas"]["Duration"];
        };
        PasswordSaveRequest: {
            /** @description At least 8 characters. */
            Password: string;
        };
        OutgoingWebhookTestRequest: {
            URL: string;
            Authorization?: string;
            Payload: components["schemas"]["Outgoing"];
        };
        IncomingWebhookTestRequest: {
            URL: string;
            Authorization?: string;
            Payload: components["schemas"]["Incoming"];
        };
        WebhookTestResult: {
            /** @description The HTTP status; 0 when no response was received. */
            Code: number;
            /** @description The first 512 bytes of the response body. */
            Response: string;
            /** @description Why no response was received (connection error, timeout); empty otherwise. */
            Error: string;
        };
        /** @description The outgoing webhook payload, mox's `webhook.Outgoing`. */
        Outgoing: {
            /**
             * @description Payload format version, 0.
             * @enum {integer}
             */
            Version: 0;
            Event: components["schemas"]["OutgoingEvent"];
            /** @description The event comes from a received delivery status notification (bounce), not from a delivery attempt. */
            DSN: boolean;
            /** @description This failure just added the recipient to the account's suppression list. */
            Suppressing: boolean;
            /**
             * Format: int64
             * @description As returned by Send in `Submissions[].QueueMsgID`.
             */
            QueueMsgID: number;
            /** @description As returned by Send; empty when not used. */
            FromID: string;
            /** @description The sent message's Message-ID, with `<>`. */
            MessageID: string;
            /** @description The sent message's subject. */
            Subject: string;
            /**
             * Format: date-time
             * @description When the event happened and the webhook was queued; use it to order events.
             */
            WebhookQueued: string;
            /**
             * @description The SMTP reply code behind the event, 0 when there is none (suppressed, canceled, failed by the
             *     administrator, connection errors). Differs from mox: `delivered` carries the next hop's code,
             *     e.g. 250 (mox: 0).
             */
            SMTPCode: number;
            /** @description The enhanced status code (RFC 3463), e.g. `5.1.1`; empty when the reply had none. */
            SMTPEnhancedCode: string;
            /**
             * @description What went wrong, for people. Differs from mox: events from a DSN carry its diagnostic here
             *     (mox leaves it empty).
             */
            Error: string;
            Extra: components["schemas"]["Extra"];
        };
        /**
         * @description The incoming webhook payload, mox's `webhook.Incoming`. The address lists are never null (differs
         *     from mox, which sends null for a message whose header cannot be parsed).
         */
        Incoming: {
            /**
             * @description Payload format version, 0.
             * @enum {integer}
             */
            Version: 0;
            From: components["schemas"]["NameAddress"][];
            To: components["schemas"]["NameAddress"][];
            CC: components["schemas"]["NameAddress"][];
            BCC: components["schemas"]["NameAddress"][];
            ReplyTo: components["schemas"]["NameAddress"][];
            Subject: string;
            MessageID: string;
            InReplyTo: string;
            /** @description Message-IDs from the References header, with `<>`. */
            References: string[];
            /**
             * Format: date-time
             * @description Null when the message has no valid Date header.
             */
            Date: string | null;
            /** @description The first text/plain part, UTF-8, `\n` line endings, at most 1 MiB. */
            Text: string;
            /** @description The first text/html part, UTF-8, `\n` line endings, at most 1 MiB. */
            HTML: string;
            Structure: components["schemas"]["Structure"];
            Meta: components["schemas"]["IncomingMeta"];
        };
        IncomingMeta: {
            /**
             * Format: int64
             * @description The account's message ID, for MessageGet and the other message methods.
             */
            MsgID: number;
            /** @description The SMTP MAIL FROM address; empty for bounces. */
            MailFrom: string;
            /** @description MAIL FROM passed SPF. */
            MailFromValidated: boolean;
            /** @description The From header address passed DMARC-like validation. */
            MsgFromValidated: boolean;
            /** @description The SMTP RCPT TO address. */
            RcptTo: string;
            DKIMVerifiedDomains: string[];
            RemoteIP: string;
            /** Format: date-time */
            Received: string;
            /** @description The mailbox the message was delivered to, after the account's rules. */
            MailboxName: string;
            /**
             * @description The message looks automated: an empty MAIL FROM, a `List-Id`, `List-Unsubscribe`,
             *     `List-Unsubscribe-Post` or `Precedence` header, `Auto-Submitted` other than `no`, or a
             *     multipart/report message.
             */
            Automated: boolean;
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
        /**
         * @description No credentials, or the address, password or account is not accepted (also when login is disabled
         *     for the account). Not answered with JSON.
         */
        Unauthorized: {
            headers: {
                /** @description Always `Basic realm=webapi`. */
                "WWW-Authenticate"?: "Basic realm=webapi";
                [name: string]: unknown;
            };
            content: {
                "text/plain": string;
            };
        };
        /** @description The request body exceeds the size limit (the maximum message size plus room for encoding). */
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
    parameters: {
        /**
         * @description A key chosen by the caller, unique per intended message (e.g. a UUID). Repeating a call with the
         *     same key within 24 hours returns the first successful call's result and queues nothing new. Keys
         *     are scoped to the account. Differs from mox: mox has no idempotency keys.
         * @example 7f0c2a1e-9d4b-4e0e-8a53-2f5a1d3b6c90
         */
        IdempotencyKey: string;
        /**
         * @description The webhook's ID, a decimal integer; the same for every attempt of one webhook. Use it to deduplicate.
         * @example 8
         */
        WebhookID: string;
        /**
         * @description The attempt number, starting at 1.
         * @example 1
         */
        WebhookAttempt: string;
        /**
         * @description `postwire/<version> (webhook)`.
         * @example postwire/0.1.0 (webhook)
         */
        WebhookUserAgent: string;
        /**
         * @description Standard Webhooks message ID, only when the account has a webhook secret; equal to `X-Mox-Webhook-ID`.
         * @example 8
         */
        StandardWebhookID: string;
        /**
         * @description Standard Webhooks timestamp of this attempt, seconds since 1970-01-01 UTC; only with a webhook secret.
         * @example 1741944414
         */
        StandardWebhookTimestamp: string;
        /**
         * @description Standard Webhooks signature, only with a webhook secret: `v1,` followed by the base64 of
         *     HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the secret's bytes (the
         *     base64 after `whsec_`).
         * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
         */
        StandardWebhookSignature: string;
    };
    requestBodies: never;
    headers: {
        /** @description Optional Content-ID of the file, e.g. `<logo>` to refer to it as `cid:logo` in HTML. */
        PartContentID: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Send: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key chosen by the caller, unique per intended message (e.g. a UUID). Repeating a call with the
                 *     same key within 24 hours returns the first successful call's result and queues nothing new. Keys
                 *     are scoped to the account. Differs from mox: mox has no idempotency keys.
                 * @example 7f0c2a1e-9d4b-4e0e-8a53-2f5a1d3b6c90
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["SendForm"];
            };
        };
        responses: {
            /** @description The message was queued; one submission per recipient, in the order To, CC, BCC. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SendResult"];
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
                "application/json": components["schemas"]["Empty"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The account's suppressions. */
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
                "application/json": components["schemas"]["SuppressionAddRequest"];
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
                "application/json": components["schemas"]["SuppressionRemoveRequest"];
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
    SuppressionPresent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuppressionPresentRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description Whether the address is suppressed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuppressionPresentResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    MessageGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageGetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageGetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    MessageRawGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageRawGetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The raw message (RFC 5322, CRLF line endings). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    MessagePartGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessagePartGetRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The part's decoded content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    MessageDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageDeleteRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The message was deleted. */
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
    MessageFlagsAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageFlagsAddRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The flags are set. */
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
    MessageFlagsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageFlagsRemoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The flags are cleared. */
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
    MessageMove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageMoveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The message was moved. */
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
    AccountSettingsGet: {
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
            /** @description The account's settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    OutgoingWebhookSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutgoingWebhookSaveRequest"];
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
    IncomingWebhookSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomingWebhookSaveRequest"];
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
    WebhookSecretSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSecretSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The secret was stored. */
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
    FromIDLoginAddressesSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FromIDLoginAddressesSaveRequest"];
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
    KeepRetiredPeriodsSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KeepRetiredPeriodsSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The periods were stored. */
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
    PasswordSave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordSaveRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description The password was changed. */
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
    OutgoingWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutgoingWebhookTestRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description What the endpoint answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    IncomingWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IncomingWebhookTestRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["FormRequest"];
                "multipart/form-data": components["schemas"]["FormRequest"];
            };
        };
        responses: {
            /** @description What the endpoint answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
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
    OutgoingWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The webhook's ID, a decimal integer; the same for every attempt of one webhook. Use it to deduplicate.
                 * @example 8
                 */
                "X-Mox-Webhook-ID": components["parameters"]["WebhookID"];
                /**
                 * @description The attempt number, starting at 1.
                 * @example 1
                 */
                "X-Mox-Webhook-Attempt": components["parameters"]["WebhookAttempt"];
                /**
                 * @description `postwire/<version> (webhook)`.
                 * @example postwire/0.1.0 (webhook)
                 */
                "User-Agent": components["parameters"]["WebhookUserAgent"];
                /**
                 * @description Standard Webhooks message ID, only when the account has a webhook secret; equal to `X-Mox-Webhook-ID`.
                 * @example 8
                 */
                "webhook-id"?: components["parameters"]["StandardWebhookID"];
                /**
                 * @description Standard Webhooks timestamp of this attempt, seconds since 1970-01-01 UTC; only with a webhook secret.
                 * @example 1741944414
                 */
                "webhook-timestamp"?: components["parameters"]["StandardWebhookTimestamp"];
                /**
                 * @description Standard Webhooks signature, only with a webhook secret: `v1,` followed by the base64 of
                 *     HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the secret's bytes (the
                 *     base64 after `whsec_`).
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature"?: components["parameters"]["StandardWebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Outgoing"];
            };
        };
        responses: {
            /** @description Received. Any 2xx status counts as success; the body is kept (first 512 bytes) but not interpreted. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, a timeout (60 s) or a connection error is a failed attempt and is retried. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IncomingWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The webhook's ID, a decimal integer; the same for every attempt of one webhook. Use it to deduplicate.
                 * @example 8
                 */
                "X-Mox-Webhook-ID": components["parameters"]["WebhookID"];
                /**
                 * @description The attempt number, starting at 1.
                 * @example 1
                 */
                "X-Mox-Webhook-Attempt": components["parameters"]["WebhookAttempt"];
                /**
                 * @description `postwire/<version> (webhook)`.
                 * @example postwire/0.1.0 (webhook)
                 */
                "User-Agent": components["parameters"]["WebhookUserAgent"];
                /**
                 * @description Standard Webhooks message ID, only when the account has a webhook secret; equal to `X-Mox-Webhook-ID`.
                 * @example 8
                 */
                "webhook-id"?: components["parameters"]["StandardWebhookID"];
                /**
                 * @description Standard Webhooks timestamp of this attempt, seconds since 1970-01-01 UTC; only with a webhook secret.
                 * @example 1741944414
                 */
                "webhook-timestamp"?: components["parameters"]["StandardWebhookTimestamp"];
                /**
                 * @description Standard Webhooks signature, only with a webhook secret: `v1,` followed by the base64 of
                 *     HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the secret's bytes (the
                 *     base64 after `whsec_`).
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature"?: components["parameters"]["StandardWebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Incoming"];
            };
        };
        responses: {
            /** @description Received. Any 2xx status counts as success. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, a timeout (60 s) or a connection error is a failed attempt and is retried. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
