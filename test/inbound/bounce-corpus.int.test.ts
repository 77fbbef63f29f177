// Every real bounce of the corpus (BOUNCE_CORPUS, see its README) end to end: a message is sent with a
// fromid through Send to the recipient the bounce is about and delivered by the delivery worker to an
// SMTP peer; then the corpus file, unchanged, is delivered over SMTP to the fromid address (only the
// envelope recipient is ours) and the outgoing webhook must say what expected.json says: the action as
// the event, the SMTP code when the bounce quotes one, the status (or its class when the bounce does
// not write it out); non-bounces are `unrecognized` without DSN codes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { eventually } from '../support/delivery-node';
import { inject, outgoingCall, sendAndDeliver, SENDER, startDsnFixture, type DsnFixture } from './support/dsn-fixture';

interface ExpectedRecipient {
  address: string;
  action: string;
  status: string;
  status_in_message: boolean;
  smtp_code: number | null;
  smtp_code_in_message: boolean;
}
interface ExpectedFile {
  file: string;
  kind: string;
  is_bounce: boolean;
  recipients: ExpectedRecipient[];
}

const corpus = process.env.BOUNCE_CORPUS;

async function liftSuppression(f: DsnFixture, address: string): Promise<void> {
  const suppressions = f.node.get(SuppressionService);
  await eventually(() => suppressions.present(SENDER.account, address), `the suppression of ${address}`);
  await suppressions.remove(SENDER.account, address);
}

function problems(payload: Record<string, any>, want: ExpectedRecipient | undefined): string[] {
  const out: string[] = [];
  if (!want) {
    if (payload.Event !== 'unrecognized') out.push(`event ${payload.Event}, want unrecognized`);
    if (payload.SMTPCode !== 0) out.push(`SMTPCode ${payload.SMTPCode}, want 0`);
    return out;
  }
  if (payload.Event !== want.action) out.push(`event ${payload.Event}, want ${want.action}`);
  if (payload.DSN !== true) out.push('DSN false');
  if (want.smtp_code_in_message && payload.SMTPCode !== want.smtp_code) out.push(`SMTPCode ${payload.SMTPCode}, want ${want.smtp_code}`);
  const enhanced = payload.SMTPEnhancedCode as string;
  if (want.status_in_message ? enhanced !== want.status : enhanced[0] !== want.status[0]) {
    out.push(`SMTPEnhancedCode ${JSON.stringify(enhanced)}, want ${want.status_in_message ? want.status : `class ${want.status[0]}`}`);
  }
  return out;
}

describe('real bounces over SMTP to a fromid address', () => {
  if (!corpus) {
    it.skip('skipped: BOUNCE_CORPUS is unset (a folder of real bounces with expected.json)', () => {});
    return;
  }
  let f: DsnFixture;
  before(async () => {
    f = await startDsnFixture();
  });
  after(async () => f?.stop());

  it('turns every corpus bounce into the outgoing webhook expected.json describes', async (t) => {
    const manifest = join(corpus, 'expected.json');
    assert.ok(existsSync(manifest), `${manifest} does not exist`);
    const expected = JSON.parse(readFileSync(manifest, 'utf8')) as ExpectedFile[];
    const table: string[] = [];
    for (const file of expected) {
      const want = file.recipients[0];
      const sent = await sendAndDeliver(f, want?.address ?? 'someone@example.org', `about ${file.file}`);
      const reply = await inject(f, sent.replyAddress, readFileSync(join(corpus, file.file)));
      if (reply.code !== 250) {
        table.push(`  ${file.file.padEnd(28)} SMTP ${reply.code} ${reply.text}`);
        continue;
      }
      const payload = await outgoingCall(f, sent.queueMsgId, want?.action ?? 'unrecognized').catch(async () => outgoingCall(f, sent.queueMsgId, 'unrecognized', 500).catch(() => null));
      const found = payload ? problems(payload, want) : [`no webhook for the expected event ${want?.action ?? 'unrecognized'}`];
      if (payload && payload.FromID !== sent.fromID) found.push(`FromID ${payload.FromID}`);
      if (found.length > 0) table.push(`  ${file.file.padEnd(28)} ${found.join('; ')}`);
      // Several bounces name the same address: lift a suppression this one caused before the next send.
      if (payload?.Suppressing) await liftSuppression(f, want!.address);
    }
    t.diagnostic(`${expected.length - table.length}/${expected.length} bounces gave the expected webhook`);
    assert.equal(table.length, 0, `mismatches:\n${table.join('\n')}`);
  });
});
