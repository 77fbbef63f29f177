// The HTTP face of the API: /webapi/ and /adminapi/ (methods, pages, specs) on every listener that
// switches them on. Capabilities offer methods as @ApiMethod providers in their own modules; this module
// finds them at start and serves them (src/api/http/).
//
// Global, to share the failed-login limiter: SMTP submission counts its failed logins in the same one,
// as mox's LimiterFailedAuth is shared by all protocols.
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { ApiController } from './http/api.controller';
import { ApiRegistry } from './http/api-registry';
import { ApiBodyDeferral } from './http/body-deferral';
import { MethodCaller } from './http/call-method';
import { ApiPages } from './http/pages/api-pages';

@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [ApiController],
  providers: [ApiRegistry, ApiPages, MethodCaller, ApiBodyDeferral, { provide: LoginRateLimiter, useFactory: () => new LoginRateLimiter() }],
  exports: [LoginRateLimiter],
})
export class ApiModule {}
