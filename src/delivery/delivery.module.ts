// Outgoing delivery: the worker (a node service), the transports it picks from, and the reactor that
// mails DSNs to senders.
import { Module } from '@nestjs/common';
import { SuppressionModule } from '../suppression/suppression.module';
import { DeliveryWorker } from './delivery-worker';
import { DsnMailReactor } from './dsn-mail-reactor';
import { TransportResolver } from './transport-resolver';

@Module({
  imports: [SuppressionModule],
  providers: [TransportResolver, DeliveryWorker, DsnMailReactor],
  exports: [TransportResolver, DeliveryWorker],
})
export class DeliveryModule {}
