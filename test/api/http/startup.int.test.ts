// Start-up checks of the API module: every @ApiMethod provider must name a method of the spec, once, and
// be able to handle calls; otherwise the node does not start, and says which provider is wrong.
import { Global, Injectable, Module, type Type } from '@nestjs/common';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ApiModule } from '../../../src/api/api.module';
import { ApiMethod } from '../../../src/api/api-method';
import { capabilityModules } from '../../../src/capabilities';
import { DEFAULT_MAX_MESSAGE_SIZE } from '../../../src/config/bootstrap';
import { ManualClock } from '../../../src/core/clock';
import { silentLogger } from '../../../src/observability/logger';
import { Metrics } from '../../../src/observability/metrics';
import { openRuntime } from '../../../src/runtime/open-runtime';
import { createHttpApp } from '../../../src/server/http-app';
import { startTestNode } from '../../support/test-node';

@Injectable()
@ApiMethod('webapi', 'Sned')
class MisspelledMethod {
  async handle() {
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'suppressionlist')
class WrongCaseMethod {
  async handle() {
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'Send')
class WrongApiMethod {
  async handle() {
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionList')
class FirstSuppressionList {
  async handle() {
    return { Suppressions: [] };
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionList')
class SecondSuppressionList {
  async handle() {
    return { Suppressions: [] };
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionPresent')
class NoHandleMethod {}

function moduleOf(...providers: Type<unknown>[]): Type<unknown> {
  @Global()
  @Module({ providers })
  class ProvidersModule {}
  return ProvidersModule;
}

/** Builds the application with the API module and `modules`; returns the start-up error, if any. */
async function startError(modules: Type<unknown>[]): Promise<Error | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'postwire-api-start-'));
  const runtime = await openRuntime({
    mode: 'test',
    bootstrap: { file: null, hostname: 'mail.test.example', dataDir: dir, listeners: {}, webhooks: { allowPrivateTargets: true }, limits: { maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE, maxRequestSize: 1 << 20 } },
    clock: new ManualClock(),
    logger: silentLogger(),
    metrics: new Metrics({ defaultMetrics: false }),
    eventStoreUrl: null,
  });
  const own = capabilityModules.splice(0, capabilityModules.length, ApiModule, ...modules);
  try {
    const http = await createHttpApp(runtime);
    await http.close();
    return undefined;
  } catch (err) {
    return err as Error;
  } finally {
    capabilityModules.splice(0, capabilityModules.length, ...own);
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const refused: [string, { providers: Type<unknown>[]; says: string[] }][] = [
  ['a method the spec does not have', { providers: [MisspelledMethod], says: ["@ApiMethod('webapi', 'Sned') on MisspelledMethod: webapi.yaml has no method Sned"] }],
  ['a method name in the wrong case', { providers: [WrongCaseMethod], says: ['webapi.yaml has no method suppressionlist (did you mean SuppressionList?)'] }],
  ['a method of the other API', { providers: [WrongApiMethod], says: ['adminapi.yaml has no method Send'] }],
  ['two providers for one method', { providers: [FirstSuppressionList, SecondSuppressionList], says: ['on SecondSuppressionList: webapi SuppressionList is already offered by FirstSuppressionList'] }],
  ['a provider without handle()', { providers: [NoHandleMethod], says: ['on NoHandleMethod: the provider has no handle(request, caller, files) method'] }],
  ['several problems, all listed', { providers: [MisspelledMethod, WrongApiMethod], says: ['no method Sned', 'no method Send'] }],
];
for (const [name, { providers, says }] of refused) {
  test(`start-up fails for ${name}`, async () => {
    const err = await startError([moduleOf(...providers)]);
    assert.ok(err, 'the node started');
    assert.match(err.message, /^API methods do not match openapi\/:/);
    for (const text of says) assert.ok(err.message.includes(text), `${err.message}\nlacks: ${text}`);
  });
}

test('start-up succeeds with correct providers', async () => {
  assert.equal(await startError([moduleOf(FirstSuppressionList)]), undefined);
});

test("the node's own capability modules start with the API module: their methods all name spec methods", async () => {
  assert.ok(capabilityModules.includes(ApiModule), 'ApiModule is a capability module');
  const node = await startTestNode({ listen: true });
  try {
    const res = await fetch(`${node.url}/webapi/v0/`);
    assert.equal(res.status, 200);
  } finally {
    await node.stop();
  }
});
