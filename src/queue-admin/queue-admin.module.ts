// Queue administration: the admin's listing of and operations on queued and retired messages, the
// accounts' own listings and message histories, DueNow's queue part, and retention of retired messages.
import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { deliveryHistoryMethods } from './delivery-history.methods';
import './due-now-messages';
import { QueueAdmin } from './queue-admin';
import { queueListMethods } from './queue-list.methods';
import { queueOperationMethods } from './queue-operation.methods';
import { RetiredMessageCleaner } from './retired-message-cleaner';

@Module({
  imports: [DeliveryModule],
  providers: [QueueAdmin, RetiredMessageCleaner, ...queueListMethods, ...queueOperationMethods, ...deliveryHistoryMethods],
  exports: [QueueAdmin, RetiredMessageCleaner],
})
export class QueueAdminModule {}
