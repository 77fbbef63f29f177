// Mail that comes in over SMTP: the incoming service (mail from other servers, DSNs and replies matched to
// sent messages by fromid) and submission (accounts sending through SMTP), plus the reactor that lists
// recipients after failed DSNs. AccountAuthenticator, ConfigView, MailboxService and LoginRateLimiter come
// from global modules.
import { Module } from '@nestjs/common';
import { SuppressionModule } from '../suppression/suppression.module';
import { SuppressAfterDsn } from './dsn-matching/suppress-after-dsn';
import { InboundSmtpService } from './inbound-smtp.service';
import { SubmissionService } from './submission/submission.service';

@Module({
  imports: [SuppressionModule],
  providers: [InboundSmtpService, SubmissionService, SuppressAfterDsn],
  exports: [InboundSmtpService, SubmissionService, SuppressAfterDsn],
})
export class InboundModule {}
