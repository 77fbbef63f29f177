// Everything under /webapi and /adminapi. One handler per prefix takes the whole subtree, so routing
// follows mox exactly (routing.ts) instead of the framework's rules: which paths exist, which verbs are
// refused, and that pages need no login. A listener with the API switched off answers 404 for all of it.
// Every answer carries X-Request-ID, the correlation id the call's logs and events are tagged with.
import { All, Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Runtime } from '../../runtime/runtime';
import { listenerOf } from '../../server/listener-context';
import type { ApiName } from '../api-method';
import { ApiRegistry } from './api-registry';
import { MethodCaller } from './call-method';
import { errorReply, notFound } from './error-response';
import { ApiPages } from './pages/api-pages';
import { routeApiRequest } from './routing';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | Readable;
}

@Controller()
export class ApiController {
  constructor(
    private readonly registry: ApiRegistry,
    private readonly pages: ApiPages,
    private readonly caller: MethodCaller,
    private readonly runtime: Runtime,
  ) {}

  @All(['webapi', 'webapi/*'])
  webapi(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serve('webapi', request, reply);
  }

  @All(['adminapi', 'adminapi/*'])
  adminapi(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serve('adminapi', request, reply);
  }

  private async serve(api: ApiName, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const correlationId = randomUUID();
    const started = performance.now();
    let method: string | undefined;
    let answer: Answer;
    try {
      answer = await this.answer(api, request, correlationId, (name) => (method = name));
    } catch (err) {
      answer = errorReply(err, { logger: this.runtime.logger, correlationId, api, method });
    }
    if (method) {
      this.runtime.logger.debug({ correlationId, api, method, status: answer.status, ms: Math.round(performance.now() - started) }, 'api call');
    }
    reply
      .code(answer.status)
      .headers({ ...answer.headers, 'x-request-id': correlationId })
      .send(answer.body);
  }

  private async answer(api: ApiName, request: FastifyRequest, correlationId: string, calling: (method: string) => void): Promise<Answer> {
    if (!listenerOf(request).services[api]) throw notFound();
    const route = routeApiRequest(api, request.method, request.url, (name) => this.registry.method(api, name) !== undefined);
    switch (route.kind) {
      case 'problem':
        throw route.problem;
      case 'redirect':
        return { status: 303, headers: { location: route.location, 'content-type': 'text/plain; charset=utf-8' }, body: `See ${route.location}\n` };
      case 'index':
        return { status: 200, ...this.pages.index(api) };
      case 'methodPage':
        return { status: 200, ...this.pages.method(api, route.method) };
      case 'docs':
        return { status: 200, ...this.pages.docs(api) };
      case 'openapi':
        return { status: 200, ...this.pages.openapi(api) };
      case 'call': {
        calling(route.method);
        return { status: 200, ...(await this.caller.call(api, route.method, request, correlationId)) };
      }
    }
  }
}
