// Which services one HTTP listener offers: the bootstrap file switches each on per listener, and a file
// that does not mention a service keeps it off. One Nest application serves every HTTP listener of a
// node; each listener's server tags its connections, so a handler can tell where a request came in.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpServices {
  webapi: boolean;
  adminapi: boolean;
  adminPages: boolean;
  accountPages: boolean;
  metrics: boolean;
  /** Take the client IP from X-Forwarded-For. */
  forwarded: boolean;
}

export interface ListenerContext {
  name: string;
  services: HttpServices;
}

const listenerKey = Symbol('postwire.listener');

export function tagConnection(socket: Socket, listener: ListenerContext): void {
  (socket as Socket & { [listenerKey]?: ListenerContext })[listenerKey] = listener;
}

const nothing: ListenerContext = {
  name: '(none)',
  services: { webapi: false, adminapi: false, adminPages: false, accountPages: false, metrics: false, forwarded: false },
};

/** The listener a request came in on; a request from an untagged connection may use nothing. */
export function listenerOf(request: IncomingMessage | { raw: IncomingMessage }): ListenerContext {
  const raw = 'raw' in request ? request.raw : request;
  return (raw.socket as Socket & { [listenerKey]?: ListenerContext })[listenerKey] ?? nothing;
}

/** Every service on: for tests that drive the app without real listeners. */
export const allServices: HttpServices = { webapi: true, adminapi: true, adminPages: true, accountPages: true, metrics: true, forwarded: false };
