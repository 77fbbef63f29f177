// One Nest application on Fastify per HTTP listener; all of them share the node's runtime.
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import type { Runtime } from '../runtime/runtime';
import type { ListenerContext } from './listener-context';

export async function createHttpApp(runtime: Runtime, listener: ListenerContext): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: runtime.bootstrap.limits.maxRequestSize,
    trustProxy: listener.services.forwarded,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime, listener), adapter, {
    logger: false,
    abortOnError: false,
  });
  await app.init();
  return app;
}
