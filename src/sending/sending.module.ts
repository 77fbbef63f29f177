// Sending: the webapi Send method. The shared queueing step (queue-submission.ts) is a plain function
// that SMTP submission calls as well.
import { Module } from '@nestjs/common';
import { SendMethod } from './send.method';

@Module({ providers: [SendMethod] })
export class SendingModule {}
