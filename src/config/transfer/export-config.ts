// `postwire config export`: the dynamic configuration as a document and as YAML. Domains and accounts are
// sorted by name, addresses, DKIM keys and hold rules kept in the order they were added, so exporting the
// same configuration always gives the same text, and importing it into an empty store reproduces it exactly.
import { Document } from 'yaml';
import type { HoldRule } from '../../holdrules/holdrule-events';
import type { SqlConfigView } from '../sql-config-view';
import { CONFIG_DOCUMENT_HEADER, type AccountDocument, type ConfigDocument, type DomainDocument, type HoldRuleDocument } from './config-document';

export function exportConfig(view: Pick<SqlConfigView, 'domains' | 'accounts' | 'holdRules'>): ConfigDocument {
  const domains: Record<string, DomainDocument> = {};
  for (const d of view.domains()) {
    domains[d.Unicode] = {
      localpartCatchallSeparators: d.LocalpartCatchallSeparators,
      disabled: d.Disabled,
      dkimKeys: d.DKIM.map((k) => ({ selector: k.Selector, algorithm: k.Algorithm, privateKey: k.PrivateKeyPem })),
    };
  }
  const accounts: Record<string, AccountDocument> = {};
  for (const a of view.accounts()) {
    accounts[a.Name] = {
      fullName: a.FullName,
      addresses: a.Addresses,
      passwordHash: a.PasswordHash,
      loginDisabled: a.LoginDisabled,
      noCustomPassword: a.NoCustomPassword,
      maxOutgoingMessagesPerDay: a.MaxOutgoingMessagesPerDay,
      maxFirstTimeRecipientsPerDay: a.MaxFirstTimeRecipientsPerDay,
      keepRetiredMessagePeriod: a.KeepRetiredMessagePeriod,
      keepRetiredWebhookPeriod: a.KeepRetiredWebhookPeriod,
      outgoingWebhook: a.OutgoingWebhook && { url: a.OutgoingWebhook.URL, authorization: a.OutgoingWebhook.Authorization, events: a.OutgoingWebhook.Events },
      incomingWebhook: a.IncomingWebhook && { url: a.IncomingWebhook.URL, authorization: a.IncomingWebhook.Authorization },
      webhookSecret: a.WebhookSecret,
      fromIDLoginAddresses: a.FromIDLoginAddresses,
    };
  }
  // Always written, even empty: a full export says which rules there are, so importing it removes others.
  return { domains, accounts, holdRules: view.holdRules().map(holdRuleDocument) };
}

/** Only the fields that restrict: a rule for one account reads as just that. */
function holdRuleDocument(rule: HoldRule): HoldRuleDocument {
  const document: HoldRuleDocument = {};
  if (rule.Account) document.account = rule.Account;
  if (rule.SenderDomain) document.senderDomain = rule.SenderDomainStr || rule.SenderDomain;
  if (rule.RecipientDomain) document.recipientDomain = rule.RecipientDomainStr || rule.RecipientDomain;
  return document;
}

export function renderConfigYaml(document: ConfigDocument): string {
  const doc = new Document(document);
  doc.commentBefore = ` ${CONFIG_DOCUMENT_HEADER.split('\n').join('\n ')}`;
  return doc.toString({ lineWidth: 0 });
}
