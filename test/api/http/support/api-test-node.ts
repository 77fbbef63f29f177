// A test node whose application holds the API module and the given test modules only, so the HTTP layer
// is tested against the test methods and logins above and not against the capabilities' own providers
// (which have their own tests). Everything else is the real node: real listener, real Fastify, real
// store in a temporary directory.
import type { Type } from '@nestjs/common';
import { ApiModule } from '../../../../src/api/api.module';
import { capabilityModules } from '../../../../src/capabilities';
import { startTestNode, type TestNode, type TestNodeOptions } from '../../../support/test-node';
import { TestApiModule } from './test-methods';

export async function startApiTestNode(options: TestNodeOptions & { modules?: Type<unknown>[] } = {}): Promise<TestNode> {
  const { modules = [TestApiModule], ...nodeOptions } = options;
  const own = capabilityModules.splice(0, capabilityModules.length, ApiModule, ...modules);
  try {
    // No reactors: they belong to the capability modules left out here.
    return await startTestNode({ listen: true, reactors: false, ...nodeOptions });
  } finally {
    capabilityModules.splice(0, capabilityModules.length, ...own);
  }
}

/** An Authorization header for HTTP Basic (RFC 7617). */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
