// Hold rules in config export and import: exported without their IDs and in the order they were added, a
// round trip reproduces them, an import adds and removes rules by their fields (adding holds matching
// queued messages, removing releases nothing), and bad rules are refused with their paths.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { QUEUE_TABLE } from '../../../projections/queue';
import { SqlConfigView } from '../../../src/config/sql-config-view';
import type { ConfigDocument } from '../../../src/config/transfer/config-document';
import { exportConfig, renderConfigYaml } from '../../../src/config/transfer/export-config';
import { AddHoldRuleCommand, RemoveHoldRuleCommand } from '../../../src/config/transfer/holdrule-import-commands';
import { importConfig } from '../../../src/config/transfer/import-config';
import { readConfigDocument } from '../../../src/config/transfer/read-config-document';
import { queueMessage } from '../../support/queued-message';
import { startTestNode, type TestNode } from '../../support/test-node';

const options = { prune: false, allowPrivateTargets: true };

function read(text: string): ConfigDocument {
  const result = readConfigDocument(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.document;
}

const importInto = (node: TestNode, document: ConfigDocument, more: { prune?: boolean; dryRun?: boolean } = {}) =>
  importConfig(document, node.get(SqlConfigView), node.get(CommandBus), { ...options, ...more });

const yamlOf = (node: TestNode) => renderConfigYaml(exportConfig(node.get(SqlConfigView)));
const rulesOf = (node: TestNode) => node.get(SqlConfigView).holdRules();

function holdOf(node: TestNode, queueMsgId: number): { Hold: number } {
  return node.runtime.readDb.prepare(`SELECT Hold FROM ${QUEUE_TABLE} WHERE ID = ?`).get(queueMsgId) as { Hold: number };
}

describe('hold rules in config export and import', () => {
  let source: TestNode;
  let target: TestNode;
  let exported: string;

  before(async () => {
    source = await startTestNode();
    target = await startTestNode();
    const bus = source.get(CommandBus);
    // A rule removed first, so the source's IDs differ from those a fresh store gives.
    await bus.execute(new AddHoldRuleCommand('gone', '', ''));
    await bus.execute(new RemoveHoldRuleCommand(rulesOf(source)[0].ID));
    await bus.execute(new AddHoldRuleCommand('shop', '', ''));
    await bus.execute(new AddHoldRuleCommand('', 'xn--bcher-kva.example', 'Example.ORG'));
    await bus.execute(new AddHoldRuleCommand('', '', ''));
    exported = yamlOf(source);
  });
  after(async () => {
    await source?.stop();
    await target?.stop();
  });

  it('exports the rules in the order they were added, without IDs, fields that match any left out', () => {
    assert.deepEqual(exportConfig(source.get(SqlConfigView)).holdRules, [
      { account: 'shop' },
      { senderDomain: 'bücher.example', recipientDomain: 'example.org' },
      {},
    ]);
    assert.match(exported, /\nholdRules:\n {2}- account: shop\n {2}- senderDomain: bücher\.example\n {4}recipientDomain: example\.org\n {2}- \{\}\n$/);
  });

  it('importing an export into an empty store and exporting again gives the same YAML; a second import changes nothing', async () => {
    const outcome = await importInto(target, read(exported));
    assert.ok(outcome.ok && !outcome.failure, JSON.stringify(outcome));
    assert.deepEqual(
      outcome.steps.map((s) => s.description),
      ['hold rule (account shop): add', 'hold rule (sender domain bücher.example, recipient domain example.org): add', 'hold rule (every message): add'],
    );
    assert.equal(yamlOf(target), exported);
    const again = await importInto(target, read(exported));
    assert.ok(again.ok);
    assert.deepEqual(again.steps, []);
  });

  it('adds and removes rules by their fields: a new rule holds matching queued messages, a removed one releases nothing', async () => {
    // Without the hold-everything rule, so the new rule is the one that holds.
    const withoutAll = read(exported);
    withoutAll.holdRules = withoutAll.holdRules!.slice(0, 2);
    const removed = await importInto(target, withoutAll);
    assert.ok(removed.ok && !removed.failure && removed.applied === 1, JSON.stringify(removed));
    const { ids } = await queueMessage(target, { account: 'other', from: 'other@other.example', to: ['someone@new.example'] });
    assert.equal(holdOf(target, ids[0]).Hold, 0);

    const doc = read(yamlOf(target));
    doc.holdRules = [doc.holdRules![1], { recipientDomain: 'NEW.example' }];
    const [shopRule] = rulesOf(target);
    const dry = await importInto(target, doc, { dryRun: true });
    assert.ok(dry.ok);
    assert.deepEqual(
      dry.steps.map((s) => s.description),
      ['hold rule (recipient domain new.example): add', `hold rule ${shopRule.ID} (account shop): remove (not in the file; messages it held stay held)`],
    );
    const outcome = await importInto(target, doc);
    assert.ok(outcome.ok && !outcome.failure && outcome.applied === 2, JSON.stringify(outcome));
    assert.deepEqual(exportConfig(target.get(SqlConfigView)).holdRules, [{ senderDomain: 'bücher.example', recipientDomain: 'example.org' }, { recipientDomain: 'new.example' }]);
    assert.equal(holdOf(target, ids[0]).Hold, 1, 'the new rule held the queued message');

    doc.holdRules = [doc.holdRules[0]];
    const removal = await importInto(target, doc);
    assert.ok(removal.ok && !removal.failure && removal.applied === 1, JSON.stringify(removal));
    assert.equal(rulesOf(target).length, 1);
    assert.equal(holdOf(target, ids[0]).Hold, 1, 'removing the rule released nothing');
  });

  it('a file without holdRules leaves the rules alone; with prune it removes them', async () => {
    const doc = read(yamlOf(target));
    delete doc.holdRules;
    const kept = await importInto(target, doc);
    assert.ok(kept.ok && kept.steps.length === 0);
    const pruned = await importInto(target, doc, { prune: true });
    assert.ok(pruned.ok && !pruned.failure, JSON.stringify(pruned));
    assert.equal(pruned.steps.length, 1);
    assert.match(pruned.steps[0].description, /^hold rule \d+ \(sender domain bücher\.example, recipient domain example\.org\): remove/);
    assert.deepEqual(rulesOf(target), []);
  });

  it('refuses bad hold rules, naming each by its path, and changes nothing', async () => {
    assert.deepEqual(readConfigDocument('holdRules:\n  - acount: shop\n  - senderDomain: 5\n'), {
      ok: false,
      problems: ['holdRules[0]: unknown field "acount"', 'holdRules[1].senderDomain: must be string'],
    });
    assert.deepEqual(readConfigDocument('holdRules: {account: shop}\n'), { ok: false, problems: ['holdRules: must be array or null'] });
    // An empty list, unlike no list at all, removes every rule.
    assert.deepEqual(readConfigDocument('holdRules:\n'), { ok: true, document: { domains: {}, accounts: {}, holdRules: [] } });

    const head = await target.runtime.store.headPosition();
    const doc = read('holdRules:\n  - {account: shop}\n  - {senderDomain: "bad domain", recipientDomain: "[192.0.2.1]"}\n  - {recipientDomain: "example.org."}\n');
    const outcome = await importInto(target, doc);
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.problems, [
      'holdRules[1].senderDomain: "bad domain" is not a valid domain name',
      'holdRules[1].recipientDomain: "[192.0.2.1]" is an address literal, not a domain name',
      'holdRules[2].recipientDomain: "example.org.": write the domain without the trailing dot',
    ]);
    assert.equal(await target.runtime.store.headPosition(), head);
  });
});
