// GET /metrics in Prometheus' text format, on listeners that enable it.
import { Controller, Get, Header, NotFoundException, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Runtime } from '../runtime/runtime';
import { listenerOf } from '../server/listener-context';

@Controller()
export class MetricsController {
  constructor(private readonly runtime: Runtime) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Req() request: FastifyRequest): Promise<string> {
    if (!listenerOf(request).services.metrics) throw new NotFoundException();
    return this.runtime.metrics.registry.metrics();
  }
}
