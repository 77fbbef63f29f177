// Which services one HTTP listener offers: the bootstrap file switches each on per listener, and a file
// that does not mention a service keeps it off.
export interface HttpServices {
  webapi: boolean;
  adminapi: boolean;
  adminPages: boolean;
  accountPages: boolean;
  metrics: boolean;
  /** Take the client IP from X-Forwarded-For. */
  forwarded: boolean;
}

export abstract class ListenerContext {
  abstract readonly name: string;
  abstract readonly services: HttpServices;
}

export function listenerContext(name: string, services: HttpServices): ListenerContext {
  return { name, services };
}
