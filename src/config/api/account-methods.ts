// adminapi methods for accounts and their addresses.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiError } from '../../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest as Req, AdminapiResponse as Res } from '../../api/api-types';
import { generatePassword, hashPassword } from '../../auth/passwords';
import { AddAccount } from '../accounts/add-account';
import { AddAddress } from '../accounts/add-address';
import { RemoveAccount } from '../accounts/remove-account';
import { RemoveAddress } from '../accounts/remove-address';
import { SaveAccountLoginDisabled } from '../accounts/save-account-login-disabled';
import { SaveAccountSettings } from '../accounts/save-account-settings';
import { SetAccountPassword } from '../accounts/set-account-password';
import { ConfigView, type AccountConfig } from '../config-view';
import { chosenPassword, originOf } from './method-support';

type Account = Res<'AccountGet'>['Account'];

export function accountResult(a: AccountConfig): Account {
  return {
    Name: a.Name,
    FullName: a.FullName,
    Addresses: a.Addresses,
    LoginDisabled: a.LoginDisabled,
    NoCustomPassword: a.NoCustomPassword,
    MaxOutgoingMessagesPerDay: a.MaxOutgoingMessagesPerDay,
    MaxFirstTimeRecipientsPerDay: a.MaxFirstTimeRecipientsPerDay,
    KeepRetiredMessagePeriod: a.KeepRetiredMessagePeriod,
    KeepRetiredWebhookPeriod: a.KeepRetiredWebhookPeriod,
    OutgoingWebhook: a.OutgoingWebhook as Account['OutgoingWebhook'],
    IncomingWebhook: a.IncomingWebhook,
    WebhookSigning: a.WebhookSecret !== '',
    FromIDLoginAddresses: a.FromIDLoginAddresses,
  };
}

@Injectable()
@ApiMethod('adminapi', 'AccountList')
export class AccountListMethod implements ApiMethodHandler<Req<'AccountList'>, Res<'AccountList'>> {
  constructor(private readonly config: ConfigView) {}
  async handle(_request: Req<'AccountList'>, _caller: Caller): Promise<Res<'AccountList'>> {
    return { Accounts: this.config.accounts().map(accountResult) };
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountGet')
export class AccountGetMethod implements ApiMethodHandler<Req<'AccountGet'>, Res<'AccountGet'>> {
  constructor(private readonly config: ConfigView) {}
  async handle(request: Req<'AccountGet'>, _caller: Caller): Promise<Res<'AccountGet'>> {
    const account = this.config.account(request.Account);
    if (!account) throw new ApiError('notFound', `no account named ${request.Account}`);
    return { Account: accountResult(account) };
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountAdd')
export class AccountAddMethod implements ApiMethodHandler<Req<'AccountAdd'>, Res<'AccountAdd'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AccountAdd'>, caller: Caller): Promise<Res<'AccountAdd'>> {
    const generated = request.Password ? '' : generatePassword();
    const password = generated ? { hash: await hashPassword(generated), problem: null } : await chosenPassword(request.Password!);
    await this.commands.execute(new AddAccount(request.Account, request.Address, request.FullName ?? '', password.hash, password.problem, originOf(caller)));
    return { Password: generated };
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountRemove')
export class AccountRemoveMethod implements ApiMethodHandler<Req<'AccountRemove'>, Res<'AccountRemove'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AccountRemove'>, caller: Caller): Promise<Res<'AccountRemove'>> {
    await this.commands.execute(new RemoveAccount(request.Account, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountSettingsSave')
export class AccountSettingsSaveMethod implements ApiMethodHandler<Req<'AccountSettingsSave'>, Res<'AccountSettingsSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AccountSettingsSave'>, caller: Caller): Promise<Res<'AccountSettingsSave'>> {
    await this.commands.execute(new SaveAccountSettings({ ...request }, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountLoginDisabledSave')
export class AccountLoginDisabledSaveMethod implements ApiMethodHandler<Req<'AccountLoginDisabledSave'>, Res<'AccountLoginDisabledSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AccountLoginDisabledSave'>, caller: Caller): Promise<Res<'AccountLoginDisabledSave'>> {
    await this.commands.execute(new SaveAccountLoginDisabled(request.Account, request.LoginDisabled, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'AccountPasswordSet')
export class AccountPasswordSetMethod implements ApiMethodHandler<Req<'AccountPasswordSet'>, Res<'AccountPasswordSet'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AccountPasswordSet'>, caller: Caller): Promise<Res<'AccountPasswordSet'>> {
    const password = await chosenPassword(request.Password);
    await this.commands.execute(new SetAccountPassword(request.Account, password.hash, password.problem, false, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'AddressAdd')
export class AddressAddMethod implements ApiMethodHandler<Req<'AddressAdd'>, Res<'AddressAdd'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AddressAdd'>, caller: Caller): Promise<Res<'AddressAdd'>> {
    await this.commands.execute(new AddAddress(request.Account, request.Address, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'AddressRemove')
export class AddressRemoveMethod implements ApiMethodHandler<Req<'AddressRemove'>, Res<'AddressRemove'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'AddressRemove'>, caller: Caller): Promise<Res<'AddressRemove'>> {
    await this.commands.execute(new RemoveAddress(request.Address, originOf(caller)));
    return {};
  }
}

export const accountMethods = [
  AccountListMethod,
  AccountGetMethod,
  AccountAddMethod,
  AccountRemoveMethod,
  AccountSettingsSaveMethod,
  AccountLoginDisabledSaveMethod,
  AccountPasswordSetMethod,
  AddressAddMethod,
  AddressRemoveMethod,
];
