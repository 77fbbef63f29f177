// The pages and files served without authentication under /<api>/, rendered once from the spec and kept.
import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiName } from '../../api-method';
import { ApiRegistry } from '../api-registry';
import { docsPage } from './docs-page';
import { pageHeaders, renderPage, type Page } from './html';
import { indexPage } from './index-page';
import { methodPage } from './method-page';

export interface StaticReply {
  headers: Record<string, string>;
  body: string;
}

@Injectable()
export class ApiPages {
  private readonly cache = new Map<string, StaticReply>();

  constructor(private readonly registry: ApiRegistry) {}

  index(api: ApiName): StaticReply {
    const specs = this.registry.specs;
    return this.page(`${api} index`, () => indexPage(api, specs.documents[api], specs.operations.filter((op) => op.api === api)));
  }

  method(api: ApiName, name: string): StaticReply {
    const op = this.registry.method(api, name)?.operation;
    if (!op) throw new Error(`${api} has no method ${name}`);
    return this.page(`${api} method ${name}`, () => methodPage(this.registry.specs.documents[api].info.title, op));
  }

  docs(api: ApiName): StaticReply {
    return this.page(`${api} docs`, () => docsPage(api, this.registry.specs));
  }

  /** The spec file itself (RFC 9512: application/yaml). */
  openapi(api: ApiName): StaticReply {
    return this.cached(`${api} openapi`, () => ({
      headers: { 'content-type': 'application/yaml; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: readFileSync(join(this.registry.specs.directory, `${api}.yaml`), 'utf8'),
    }));
  }

  private page(key: string, make: () => Page): StaticReply {
    return this.cached(key, () => {
      const page = make();
      return { headers: pageHeaders(page), body: renderPage(page) };
    });
  }

  private cached(key: string, make: () => StaticReply): StaticReply {
    let reply = this.cache.get(key);
    if (!reply) {
      reply = make();
      this.cache.set(key, reply);
    }
    return reply;
  }
}
