// The dynamic configuration capability: the read side every other capability asks (ConfigView), logins
// (AccountAuthenticator), the command handlers that change domains and accounts (and hold rules, for
// imports), and their API methods.
// Global, so capability modules inject ConfigView and AccountAuthenticator without importing this module.
import { Global, Module } from '@nestjs/common';
import { AccountAuthenticator } from '../auth/account-authenticator';
import { ConfigAuthenticator } from '../auth/config-authenticator';
import { AddAccountHandler } from './accounts/add-account';
import { AddAddressHandler } from './accounts/add-address';
import { RemoveAccountHandler } from './accounts/remove-account';
import { RemoveAddressHandler } from './accounts/remove-address';
import { SaveAccountLoginDisabledHandler } from './accounts/save-account-login-disabled';
import { SaveAccountSettingsHandler } from './accounts/save-account-settings';
import { SaveFromIDLoginAddressesHandler } from './accounts/save-fromid-login-addresses';
import { SaveIncomingWebhookHandler } from './accounts/save-incoming-webhook';
import { SaveKeepRetiredPeriodsHandler } from './accounts/save-keep-retired-periods';
import { SaveOutgoingWebhookHandler } from './accounts/save-outgoing-webhook';
import { SaveWebhookSecretHandler } from './accounts/save-webhook-secret';
import { SetAccountPasswordHandler } from './accounts/set-account-password';
import { accountMethods } from './api/account-methods';
import { accountSettingsMethods } from './api/account-settings-methods';
import { domainMethods } from './api/domain-methods';
import { ConfigView } from './config-view';
import { AddDomainHandler } from './domains/add-domain';
import { AddDomainDKIMKeyHandler } from './domains/add-domain-dkim-key';
import { RemoveDomainHandler } from './domains/remove-domain';
import { RemoveDomainDKIMKeyHandler } from './domains/remove-domain-dkim-key';
import { SaveDomainDisabledHandler } from './domains/save-domain-disabled';
import { SaveDomainLocalpartConfigHandler } from './domains/save-domain-localpart-config';
import { SqlConfigView } from './sql-config-view';
import { AddHoldRuleHandler, RemoveHoldRuleHandler } from './transfer/holdrule-import-commands';

export const configCommandHandlers = [
  AddDomainHandler,
  RemoveDomainHandler,
  SaveDomainLocalpartConfigHandler,
  SaveDomainDisabledHandler,
  AddDomainDKIMKeyHandler,
  RemoveDomainDKIMKeyHandler,
  AddAccountHandler,
  RemoveAccountHandler,
  SaveAccountSettingsHandler,
  SaveAccountLoginDisabledHandler,
  SetAccountPasswordHandler,
  AddAddressHandler,
  RemoveAddressHandler,
  SaveOutgoingWebhookHandler,
  SaveIncomingWebhookHandler,
  SaveWebhookSecretHandler,
  SaveFromIDLoginAddressesHandler,
  SaveKeepRetiredPeriodsHandler,
  // Hold rules are dynamic configuration too; the admin API changes them without the bus (src/holdrules).
  AddHoldRuleHandler,
  RemoveHoldRuleHandler,
];

@Global()
@Module({
  providers: [
    SqlConfigView,
    { provide: ConfigView, useExisting: SqlConfigView },
    ConfigAuthenticator,
    { provide: AccountAuthenticator, useExisting: ConfigAuthenticator },
    ...configCommandHandlers,
    ...domainMethods,
    ...accountMethods,
    ...accountSettingsMethods,
  ],
  exports: [SqlConfigView, ConfigView, AccountAuthenticator],
})
export class ConfigModule {}
