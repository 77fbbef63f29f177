// A test node with a domain and an account that can send, and helpers to call Send and read what it
// queued. Configuration goes through the configuration module's own adminapi methods.
import assert from 'node:assert/strict';
import { ApiError, type ErrorCode } from '../../src/api/api-error';
import type { Caller, UploadedFile } from '../../src/api/api-method';
import type { AdminapiRequest, WebapiRequest, WebapiResponse } from '../../src/api/api-types';
import { hashPassword } from '../../src/auth/passwords';
import { AccountAddMethod, AccountSettingsSaveMethod, AddressAddMethod } from '../../src/config/api/account-methods';
import { FromIDLoginAddressesSaveMethod } from '../../src/config/api/account-settings-methods';
import { DomainAddMethod, DomainDisabledSaveMethod, DomainDKIMKeyAddMethod } from '../../src/config/api/domain-methods';
import { ConfigView } from '../../src/config/config-view';
import { QUEUE_TABLE } from '../../projections/queue';
import type { MessageQueuedData } from '../../src/queue/message-events';
import { SendMethod } from '../../src/sending/send.method';
import { startTestNode, type TestNode, type TestNodeOptions } from '../support/test-node';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PASSWORD = 'account-password-for-tests';

export const adminCaller = (): Caller => ({ kind: 'admin', request: { remoteIP: '127.0.0.1', userAgent: 'test', headers: {}, correlationId: 'test-admin' } });

export function accountCaller(account: string, loginAddress: string, headers: Record<string, string> = {}): Caller {
  return { kind: 'account', account, loginAddress, request: { remoteIP: '127.0.0.1', userAgent: 'test', headers, correlationId: `test-${account}` } };
}

export async function startSendNode(options: TestNodeOptions = {}): Promise<TestNode> {
  const adminPasswordHash = await hashPassword(ADMIN_PASSWORD, { N: 1024, r: 8, p: 1 });
  return startTestNode({ ...options, bootstrap: { adminPasswordHash, ...options.bootstrap } });
}

export interface AccountSetup {
  domain: string;
  separators?: string[];
  account: string;
  address: string;
  fullName?: string;
  /** Adds a DKIM key with this algorithm. */
  dkim?: 'ed25519' | 'rsa';
  fromIDLogins?: string[];
  limits?: { messages: number; firstTimeRecipients: number };
}

export async function addDomain(node: TestNode, domain: string, separators: string[] = ['+']): Promise<void> {
  if (!node.get(ConfigView).domain(domain)) await node.get(DomainAddMethod).handle({ Domain: domain, LocalpartCatchallSeparators: separators }, adminCaller());
}

export async function setupAccount(node: TestNode, s: AccountSetup): Promise<void> {
  await addDomain(node, s.domain, s.separators);
  await node.get(AccountAddMethod).handle({ Account: s.account, Address: s.address, FullName: s.fullName ?? '', Password: PASSWORD }, adminCaller());
  if (s.dkim) await node.get(DomainDKIMKeyAddMethod).handle({ Domain: s.domain, Selector: 'sel1', Algorithm: s.dkim }, adminCaller());
  if (s.fromIDLogins) await node.get(FromIDLoginAddressesSaveMethod).handle({ LoginAddresses: s.fromIDLogins }, accountCaller(s.account, s.address));
  if (s.limits) await saveLimits(node, s.account, s.limits.messages, s.limits.firstTimeRecipients);
}

export async function saveLimits(node: TestNode, account: string, messages: number, firstTimeRecipients: number): Promise<void> {
  const a = node.get(ConfigView).account(account)!;
  const request: AdminapiRequest<'AccountSettingsSave'> = {
    Account: account,
    FullName: a.FullName,
    MaxOutgoingMessagesPerDay: messages,
    MaxFirstTimeRecipientsPerDay: firstTimeRecipients,
    NoCustomPassword: a.NoCustomPassword,
    KeepRetiredMessagePeriod: a.KeepRetiredMessagePeriod,
    KeepRetiredWebhookPeriod: a.KeepRetiredWebhookPeriod,
  };
  await node.get(AccountSettingsSaveMethod).handle(request, adminCaller());
}

export async function addAddress(node: TestNode, account: string, address: string): Promise<void> {
  await node.get(AddressAddMethod).handle({ Account: account, Address: address }, adminCaller());
}

export async function disableDomain(node: TestNode, domain: string, disabled = true): Promise<void> {
  await node.get(DomainDisabledSaveMethod).handle({ Domain: domain, Disabled: disabled }, adminCaller());
}

export type SendRequest = WebapiRequest<'Send'>;
export type SendResult = WebapiResponse<'Send'>;

/** Calls Send as the provider the HTTP layer calls. */
export function send(node: TestNode, caller: Caller, request: SendRequest, files: UploadedFile[] = []): Promise<SendResult> {
  return node.get(SendMethod).handle(request, caller, files);
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    assert.equal(err.code, code, `code of "${err.message}"`);
    if (message) assert.match(err.message, message);
    return true;
  });
}

/** Every MessageQueued event in the store, oldest first. */
export async function queuedEvents(node: TestNode): Promise<MessageQueuedData[]> {
  const out: MessageQueuedData[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await node.runtime.store.readAll({ after, maxCount: 500 });
    if (page.length === 0) return out;
    for (const e of page) if (e.type === 'MessageQueued') out.push(e.data as MessageQueuedData);
    after = page[page.length - 1].position;
  }
}

export interface QueueRow {
  ID: number;
  BaseID: number;
  Hold: boolean;
  FromID: string;
  SenderAddress: string;
  RecipientAddress: string;
  MsgPrefix: string;
  ContentSha256: string;
  NextAttempt: string;
  FutureReleaseRequest: string;
  Extra: Record<string, string>;
  RequireTLS: boolean | null;
  Retired: boolean;
}

export function queueRows(node: TestNode): QueueRow[] {
  return (node.runtime.readDb.prepare(`SELECT * FROM ${QUEUE_TABLE} ORDER BY ID`).all() as Record<string, unknown>[]).map((r) => ({
    ...(r as unknown as QueueRow),
    Hold: r.Hold === 1,
    Retired: r.Retired === 1,
    Extra: JSON.parse(r.Extra as string),
    RequireTLS: r.RequireTLS === null ? null : JSON.parse(r.RequireTLS as string),
  }));
}

/** The bytes a recipient's message goes out with: its prefix and the stored content. */
export async function deliveredBytes(node: TestNode, row: QueueRow): Promise<Buffer> {
  return Buffer.concat([Buffer.from(row.MsgPrefix), await node.runtime.content.get(row.ContentSha256)]);
}

/** A POST to the node's HTTP listener with HTTP Basic credentials; the answer's status and JSON body. */
export async function httpCall(node: TestNode, path: string, login: string, password: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

export const webapiJson = (node: TestNode, login: string, method: string, request: unknown, headers: Record<string, string> = {}) =>
  httpCall(node, `/webapi/v0/${method}`, login, PASSWORD, JSON.stringify(request), { 'content-type': 'application/json', ...headers });

export const adminJson = (node: TestNode, method: string, request: unknown) =>
  httpCall(node, `/adminapi/v0/${method}`, 'admin', ADMIN_PASSWORD, JSON.stringify(request), { 'content-type': 'application/json' });

export interface FormPart {
  name: string;
  filename?: string;
  headers?: Record<string, string>;
  data: string | Buffer;
}

/** A multipart/form-data body (RFC 7578) with per-part headers, which FormData cannot set. */
export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----postwire-test-${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const lines = [`--${boundary}`, `Content-Disposition: ${disposition}`, ...Object.entries(p.headers ?? {}).map(([k, v]) => `${k}: ${v}`), '', ''];
    chunks.push(Buffer.from(lines.join('\r\n')), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
