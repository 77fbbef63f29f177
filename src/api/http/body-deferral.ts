// Keeps Fastify from reading API request bodies: they are read after authentication, by the call itself
// (decode-request.ts), as mox does. Otherwise an anonymous client could make the server buffer a body
// of up to the size limit, and a malformed body would be answered before a missing login.
//
// Fastify parses a body by its Content-Type before any handler runs, with parsers shared by the whole
// application. So for requests under /webapi and /adminapi an onRequest hook moves the Content-Type
// aside and names a private type whose parser reads nothing; the call gets the original back from
// `originalContentType`. Other routes keep Fastify's parsers unchanged.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { apiOfUrl } from './routing';

const UNPARSED = 'application/x-postwire-unparsed';
const original = new WeakMap<IncomingMessage, string | undefined>();

/** The Content-Type the client sent with an API request. */
export function originalContentType(raw: IncomingMessage): string | undefined {
  return original.has(raw) ? original.get(raw) : (raw.headers['content-type'] as string | undefined);
}

export function deferApiBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(UNPARSED, (_request, _payload, done) => done(null, undefined));
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (apiOfUrl(request.url) !== null) {
      original.set(request.raw, request.raw.headers['content-type']);
      request.raw.headers['content-type'] = UNPARSED;
    }
    done();
  });
}

@Injectable()
export class ApiBodyDeferral implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // An application context without HTTP (a CLI command) has no adapter and no bodies to defer.
    const instance = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (instance && typeof instance.addContentTypeParser === 'function') deferApiBodies(instance);
  }
}
