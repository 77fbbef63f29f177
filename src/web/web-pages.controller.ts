// /admin/ and /account/: the web pages, each on the listeners that switch it on (adminPages,
// accountPages); elsewhere everything under the path is 404, as for a switched-off API. The pages are
// one HTML document each plus static files under `assets/`; they need no login to load, since every
// piece of data comes from the adminapi or webapi, which check the credentials on each call.
//
//   GET /admin            303 to /admin/ (the document's relative URLs need the slash)
//   GET /admin/           the document
//   GET /admin/assets/... the built browser files (src/web/web-assets.ts)
//   other paths 404; verbs other than GET and HEAD 405
import { All, Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Runtime } from '../runtime/runtime';
import { listenerOf } from '../server/listener-context';
import { renderShell, type PageSet, type ShellReply } from './page-shell';
import { WebAssets } from './web-assets';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const text = (status: number, body: string, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body: `${body}\n`,
});

@Controller()
export class WebPagesController {
  private readonly shells = new Map<PageSet, ShellReply>();

  constructor(
    private readonly assets: WebAssets,
    runtime: Runtime,
  ) {
    if (!assets.built) runtime.logger.warn({ directory: assets.directory }, 'the web pages are not built (npm run build); /admin/ and /account/ will not work');
  }

  @All(['admin', 'admin/*'])
  admin(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serve('admin', request, reply);
  }

  @All(['account', 'account/*'])
  account(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serve('account', request, reply);
  }

  private async serve(set: PageSet, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const answer = await this.answer(set, request);
    reply.code(answer.status).headers(answer.headers).send(answer.body);
  }

  private async answer(set: PageSet, request: FastifyRequest): Promise<Answer> {
    const services = listenerOf(request).services;
    if (!(set === 'admin' ? services.adminPages : services.accountPages)) return text(404, '404 page not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return text(405, '405 - method not allowed - use get', { allow: 'GET, HEAD' });
    }
    const path = request.url.split('?', 1)[0].slice(set.length + 1);
    if (path === '') return text(303, `See /${set}/`, { location: `/${set}/` });
    if (path === '/') return { status: 200, ...this.shell(set) };
    if (path.startsWith('/assets/')) {
      const asset = await this.assets.read(decodeURIComponentSafe(path.slice('/assets/'.length)));
      if (!asset) return text(404, '404 page not found');
      const headers = { 'content-type': asset.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache', etag: asset.etag };
      // RFC 9110 §13.1.2: a matching If-None-Match gets 304 without the content.
      if (request.headers['if-none-match'] === asset.etag) return { status: 304, headers, body: '' };
      return { status: 200, headers, body: asset.body };
    }
    return text(404, '404 page not found');
  }

  private shell(set: PageSet): ShellReply {
    let shell = this.shells.get(set);
    if (!shell) {
      shell = renderShell(set);
      this.shells.set(set, shell);
    }
    return shell;
  }
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}
