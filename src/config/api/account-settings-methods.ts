// webapi methods for the calling account's own settings. The account always comes from the login, never
// from the request, so an account can only ever read or change itself.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiError } from '../../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { WebapiRequest as Req, WebapiResponse as Res } from '../../api/api-types';
import { SaveFromIDLoginAddresses } from '../accounts/save-fromid-login-addresses';
import { SaveIncomingWebhook } from '../accounts/save-incoming-webhook';
import { SaveKeepRetiredPeriods } from '../accounts/save-keep-retired-periods';
import { SaveOutgoingWebhook } from '../accounts/save-outgoing-webhook';
import { SaveWebhookSecret } from '../accounts/save-webhook-secret';
import { SetAccountPassword } from '../accounts/set-account-password';
import { ConfigView } from '../config-view';
import { callerAccount, chosenPassword, originOf } from './method-support';

@Injectable()
@ApiMethod('webapi', 'AccountSettingsGet')
export class AccountSettingsGetMethod implements ApiMethodHandler<Req<'AccountSettingsGet'>, Res<'AccountSettingsGet'>> {
  constructor(private readonly config: ConfigView) {}
  async handle(_request: Req<'AccountSettingsGet'>, caller: Caller): Promise<Res<'AccountSettingsGet'>> {
    const a = this.config.account(callerAccount(caller));
    if (!a) throw new ApiError('user', 'the account no longer exists');
    return {
      Name: a.Name,
      FullName: a.FullName,
      Addresses: a.Addresses,
      OutgoingWebhook: a.OutgoingWebhook as Res<'AccountSettingsGet'>['OutgoingWebhook'],
      IncomingWebhook: a.IncomingWebhook,
      WebhookSecret: a.WebhookSecret,
      FromIDLoginAddresses: a.FromIDLoginAddresses,
      KeepRetiredMessagePeriod: a.KeepRetiredMessagePeriod,
      KeepRetiredWebhookPeriod: a.KeepRetiredWebhookPeriod,
      MaxOutgoingMessagesPerDay: a.MaxOutgoingMessagesPerDay,
      MaxFirstTimeRecipientsPerDay: a.MaxFirstTimeRecipientsPerDay,
      NoCustomPassword: a.NoCustomPassword,
    };
  }
}

@Injectable()
@ApiMethod('webapi', 'OutgoingWebhookSave')
export class OutgoingWebhookSaveMethod implements ApiMethodHandler<Req<'OutgoingWebhookSave'>, Res<'OutgoingWebhookSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'OutgoingWebhookSave'>, caller: Caller): Promise<Res<'OutgoingWebhookSave'>> {
    await this.commands.execute(new SaveOutgoingWebhook(callerAccount(caller), request.URL, request.Authorization ?? '', request.Events ?? [], originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'IncomingWebhookSave')
export class IncomingWebhookSaveMethod implements ApiMethodHandler<Req<'IncomingWebhookSave'>, Res<'IncomingWebhookSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'IncomingWebhookSave'>, caller: Caller): Promise<Res<'IncomingWebhookSave'>> {
    await this.commands.execute(new SaveIncomingWebhook(callerAccount(caller), request.URL, request.Authorization ?? '', originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'WebhookSecretSave')
export class WebhookSecretSaveMethod implements ApiMethodHandler<Req<'WebhookSecretSave'>, Res<'WebhookSecretSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'WebhookSecretSave'>, caller: Caller): Promise<Res<'WebhookSecretSave'>> {
    await this.commands.execute(new SaveWebhookSecret(callerAccount(caller), request.Secret, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'FromIDLoginAddressesSave')
export class FromIDLoginAddressesSaveMethod implements ApiMethodHandler<Req<'FromIDLoginAddressesSave'>, Res<'FromIDLoginAddressesSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'FromIDLoginAddressesSave'>, caller: Caller): Promise<Res<'FromIDLoginAddressesSave'>> {
    await this.commands.execute(new SaveFromIDLoginAddresses(callerAccount(caller), request.LoginAddresses, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'KeepRetiredPeriodsSave')
export class KeepRetiredPeriodsSaveMethod implements ApiMethodHandler<Req<'KeepRetiredPeriodsSave'>, Res<'KeepRetiredPeriodsSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'KeepRetiredPeriodsSave'>, caller: Caller): Promise<Res<'KeepRetiredPeriodsSave'>> {
    await this.commands.execute(
      new SaveKeepRetiredPeriods(callerAccount(caller), request.KeepRetiredMessagePeriod, request.KeepRetiredWebhookPeriod, originOf(caller)),
    );
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'PasswordSave')
export class PasswordSaveMethod implements ApiMethodHandler<Req<'PasswordSave'>, Res<'PasswordSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'PasswordSave'>, caller: Caller): Promise<Res<'PasswordSave'>> {
    const account = callerAccount(caller);
    const password = await chosenPassword(request.Password);
    await this.commands.execute(new SetAccountPassword(account, password.hash, password.problem, true, originOf(caller)));
    return {};
  }
}

export const accountSettingsMethods = [
  AccountSettingsGetMethod,
  OutgoingWebhookSaveMethod,
  IncomingWebhookSaveMethod,
  WebhookSecretSaveMethod,
  FromIDLoginAddressesSaveMethod,
  KeepRetiredPeriodsSaveMethod,
  PasswordSaveMethod,
];
