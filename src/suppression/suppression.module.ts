// Suppression lists: the service other capabilities use, the webapi and adminapi methods, and the
// reactor that lists recipients after failures.
import { Module } from '@nestjs/common';
import { AdminapiSuppressionAdd, AdminapiSuppressionList, AdminapiSuppressionRemove } from './adminapi-suppression-methods';
import { SuppressAfterFailure } from './suppress-after-failure';
import { SuppressionService } from './suppression-service';
import { WebapiSuppressionAdd, WebapiSuppressionList, WebapiSuppressionPresent, WebapiSuppressionRemove } from './webapi-suppression-methods';

@Module({
  providers: [
    SuppressionService,
    SuppressAfterFailure,
    WebapiSuppressionList,
    WebapiSuppressionAdd,
    WebapiSuppressionRemove,
    WebapiSuppressionPresent,
    AdminapiSuppressionList,
    AdminapiSuppressionAdd,
    AdminapiSuppressionRemove,
  ],
  exports: [SuppressionService],
})
export class SuppressionModule {}
