// The mailbox capability: MailboxService for the capabilities that store messages (SaveSent, DSN mails,
// incoming mail) and the webapi's message methods. Global, so any module can inject MailboxService.
import { Global, Module } from '@nestjs/common';
import { EventMailboxService } from './event-mailbox-service';
import { MailboxService } from './mailbox-service';
import { MessageDeleteMethod } from './message-delete';
import { MessageFlagsAddMethod, MessageFlagsRemoveMethod } from './message-flags';
import { MessageGetMethod } from './message-get';
import { MessageMoveMethod } from './message-move';
import { MessagePartGetMethod } from './message-part-get';
import { MessageRawGetMethod } from './message-raw-get';

@Global()
@Module({
  providers: [
    EventMailboxService,
    { provide: MailboxService, useExisting: EventMailboxService },
    MessageGetMethod,
    MessageRawGetMethod,
    MessagePartGetMethod,
    MessageDeleteMethod,
    MessageFlagsAddMethod,
    MessageFlagsRemoveMethod,
    MessageMoveMethod,
  ],
  exports: [MailboxService],
})
export class MailboxModule {}
