// GET /metrics in Prometheus' text format, on listeners that enable it.
import { Controller, Get, Header, NotFoundException } from '@nestjs/common';
import { ListenerContext } from '../server/listener-context';
import { Runtime } from '../runtime/runtime';

@Controller()
export class MetricsController {
  constructor(
    private readonly runtime: Runtime,
    private readonly listener: ListenerContext,
  ) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    if (!this.listener.services.metrics) throw new NotFoundException();
    return this.runtime.metrics.registry.metrics();
  }
}
