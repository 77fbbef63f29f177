// The admin pages (/admin/) and account pages (/account/): static browser code that works through the
// adminapi and webapi only (docs/WEB.md). The browser side lives in web/ and is built by
// scripts/build-web.mjs; this module serves it.
import { Module } from '@nestjs/common';
import { WebAssets } from './web-assets';
import { WebPagesController } from './web-pages.controller';

@Module({
  controllers: [WebPagesController],
  providers: [{ provide: WebAssets, useFactory: () => new WebAssets() }],
})
export class WebPagesModule {}
