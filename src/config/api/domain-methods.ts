// adminapi methods for domains: list, add, remove, catch-all separators, disabling, DKIM keys.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiError } from '../../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest as Req, AdminapiResponse as Res } from '../../api/api-types';
import { parseDomain } from '../addresses';
import { ConfigView, type DomainConfig } from '../config-view';
import { dkimRecordName, dkimRecordValue, generateDkimKey } from '../dkim-keys';
import { AddDomain } from '../domains/add-domain';
import { AddDomainDKIMKey } from '../domains/add-domain-dkim-key';
import { RemoveDomain } from '../domains/remove-domain';
import { RemoveDomainDKIMKey } from '../domains/remove-domain-dkim-key';
import { SaveDomainDisabled } from '../domains/save-domain-disabled';
import { SaveDomainLocalpartConfig } from '../domains/save-domain-localpart-config';
import { existingDomainName, originOf } from './method-support';

type Domain = Res<'DomainList'>['Domains'][number];

export function domainResult(d: DomainConfig): Domain {
  return {
    Name: d.Name,
    NameUnicode: d.Unicode,
    Disabled: d.Disabled,
    LocalpartCatchallSeparators: d.LocalpartCatchallSeparators,
    DKIMKeys: d.DKIM.map((k) => ({
      Selector: k.Selector,
      Algorithm: k.Algorithm,
      DNSRecordName: dkimRecordName(k.Selector, d.Name),
      DNSRecordValue: dkimRecordValue(k.Algorithm, k.PublicKey),
    })),
  };
}

@Injectable()
@ApiMethod('adminapi', 'DomainList')
export class DomainListMethod implements ApiMethodHandler<Req<'DomainList'>, Res<'DomainList'>> {
  constructor(private readonly config: ConfigView) {}
  async handle(_request: Req<'DomainList'>, _caller: Caller): Promise<Res<'DomainList'>> {
    return { Domains: this.config.domains().map(domainResult) };
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainAdd')
export class DomainAddMethod implements ApiMethodHandler<Req<'DomainAdd'>, Res<'DomainAdd'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainAdd'>, caller: Caller): Promise<Res<'DomainAdd'>> {
    const domain = parseDomain(request.Domain);
    if (!domain.ok) throw new ApiError('user', domain.error);
    await this.commands.execute(new AddDomain(domain.value, request.LocalpartCatchallSeparators ?? [], originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainRemove')
export class DomainRemoveMethod implements ApiMethodHandler<Req<'DomainRemove'>, Res<'DomainRemove'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainRemove'>, caller: Caller): Promise<Res<'DomainRemove'>> {
    await this.commands.execute(new RemoveDomain(existingDomainName(request.Domain), originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainLocalpartConfigSave')
export class DomainLocalpartConfigSaveMethod implements ApiMethodHandler<Req<'DomainLocalpartConfigSave'>, Res<'DomainLocalpartConfigSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainLocalpartConfigSave'>, caller: Caller): Promise<Res<'DomainLocalpartConfigSave'>> {
    await this.commands.execute(new SaveDomainLocalpartConfig(existingDomainName(request.Domain), request.LocalpartCatchallSeparators, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainDisabledSave')
export class DomainDisabledSaveMethod implements ApiMethodHandler<Req<'DomainDisabledSave'>, Res<'DomainDisabledSave'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainDisabledSave'>, caller: Caller): Promise<Res<'DomainDisabledSave'>> {
    await this.commands.execute(new SaveDomainDisabled(existingDomainName(request.Domain), request.Disabled, originOf(caller)));
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainDKIMKeyAdd')
export class DomainDKIMKeyAddMethod implements ApiMethodHandler<Req<'DomainDKIMKeyAdd'>, Res<'DomainDKIMKeyAdd'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainDKIMKeyAdd'>, caller: Caller): Promise<Res<'DomainDKIMKeyAdd'>> {
    const domain = existingDomainName(request.Domain);
    const key = await generateDkimKey(request.Algorithm);
    await this.commands.execute(new AddDomainDKIMKey(domain, request.Selector, key, originOf(caller)));
    return {
      Selector: request.Selector,
      DNSRecordName: dkimRecordName(request.Selector, domain.ascii),
      DNSRecordValue: dkimRecordValue(key.Algorithm, key.PublicKey),
    };
  }
}

@Injectable()
@ApiMethod('adminapi', 'DomainDKIMKeyRemove')
export class DomainDKIMKeyRemoveMethod implements ApiMethodHandler<Req<'DomainDKIMKeyRemove'>, Res<'DomainDKIMKeyRemove'>> {
  constructor(private readonly commands: CommandBus) {}
  async handle(request: Req<'DomainDKIMKeyRemove'>, caller: Caller): Promise<Res<'DomainDKIMKeyRemove'>> {
    await this.commands.execute(new RemoveDomainDKIMKey(existingDomainName(request.Domain), request.Selector, originOf(caller)));
    return {};
  }
}

export const domainMethods = [
  DomainListMethod,
  DomainAddMethod,
  DomainRemoveMethod,
  DomainLocalpartConfigSaveMethod,
  DomainDisabledSaveMethod,
  DomainDKIMKeyAddMethod,
  DomainDKIMKeyRemoveMethod,
];
