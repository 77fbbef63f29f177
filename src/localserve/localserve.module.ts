// localserve's wiring: the queue routed to the node's own SMTP port. Its fixed configuration is in
// localserve-config.ts, the simulated failures in special-localparts.ts (used by the SMTP services).
import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { InboundModule } from '../inbound/inbound.module';
import { LocalserveRouting } from './localserve-routing';

@Module({
  imports: [DeliveryModule, InboundModule],
  providers: [LocalserveRouting],
  exports: [LocalserveRouting],
})
export class LocalserveModule {}
