// Where a request under /webapi/ or /adminapi/ goes, decided from the HTTP method and path alone, before
// any authentication (mox webapisrv/server.go ServeHTTP; reference 1.1):
//   /            GET: 303 to v0/; other methods 405
//   /v0/         any method: the index of methods
//   /v0/<Method> GET: the method's page; POST: the call; other methods 405; unknown method 404
//   anything else 404
// Ours: /openapi.yaml (the spec) and /docs (the spec as a reference page), GET only.
import type { ApiName } from '../api-method';
import { HttpProblem, methodNotAllowed, notFound } from './error-response';

export type ApiRoute =
  | { kind: 'redirect'; location: string }
  | { kind: 'index' }
  | { kind: 'openapi' }
  | { kind: 'docs' }
  | { kind: 'methodPage'; method: string }
  | { kind: 'call'; method: string }
  | { kind: 'problem'; problem: HttpProblem };

/** Whether a URL is under one of the API prefixes (`/webapi`, `/webapi/...`, `/adminapi...`). */
export function apiOfUrl(url: string): ApiName | null {
  const match = /^\/(webapi|adminapi)(?=[/?]|$)/.exec(url);
  return match ? (match[1] as ApiName) : null;
}

export function routeApiRequest(api: ApiName, httpMethod: string, url: string, isMethod: (name: string) => boolean): ApiRoute {
  const path = url.split('?', 1)[0].slice(api.length + 1);
  const getOnly = (route: ApiRoute): ApiRoute => (httpMethod === 'GET' ? route : { kind: 'problem', problem: methodNotAllowed(['GET']) });
  if (path === '' || path === '/') return getOnly({ kind: 'redirect', location: `/${api}/v0/` });
  if (path === '/openapi.yaml') return getOnly({ kind: 'openapi' });
  if (path === '/docs') return getOnly({ kind: 'docs' });
  if (path === '/v0/') return { kind: 'index' };
  if (!path.startsWith('/v0/')) return { kind: 'problem', problem: notFound() };
  const method = path.slice('/v0/'.length);
  if (!isMethod(method)) {
    return { kind: 'problem', problem: notFound(`- unknown method ${JSON.stringify(method)}; /${api}/v0/ lists the methods`) };
  }
  if (httpMethod === 'GET') return { kind: 'methodPage', method };
  if (httpMethod === 'POST') return { kind: 'call', method };
  return { kind: 'problem', problem: methodNotAllowed(['GET', 'POST']) };
}
