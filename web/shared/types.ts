// The API's records and clients, from the types generated from openapi/ (never written by hand here).
// Records with the same name are identical in both specs (a test checks it), so pages share them.
import type { paths as AdminPaths } from '../../src/api/generated/adminapi.js';
import type { paths as WebPaths } from '../../src/api/generated/webapi.js';
import type { Api, RequestOf } from './api.js';

export type {
  Account,
  DeliveryEvent,
  Domain,
  HoldRule,
  Hook,
  HookResult,
  HookRetired,
  Msg,
  MsgResult,
  MsgRetired,
  OutgoingEvent,
  Projection,
} from '../../src/api/generated/adminapi.js';
export type { AccountSettings, Incoming, Outgoing, Suppression, WebhookTestResult } from '../../src/api/generated/webapi.js';

export type AdminApi = Api<AdminPaths, '/adminapi/v0/'>;
export type AccountApi = Api<WebPaths, '/webapi/v0/'>;
export type AdminRequest<M extends string> = RequestOf<AdminPaths, '/adminapi/v0/', M>;
export type AccountRequest<M extends string> = RequestOf<WebPaths, '/webapi/v0/', M>;

/** The eight outgoing webhook events (reference 2.2), in the order the pages list them. */
export const OUTGOING_EVENTS = ['delivered', 'suppressed', 'delayed', 'failed', 'relayed', 'expanded', 'canceled', 'unrecognized'] as const;
