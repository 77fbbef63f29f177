// Message content storage lives in the runtime (runtime.content); this module adds its cleanup, the
// ContentCollector node service.
import { Module } from '@nestjs/common';
import { ContentCollector } from './content-collector';

@Module({
  providers: [ContentCollector],
  exports: [ContentCollector],
})
export class ContentModule {}
