// Puts queued messages on hold because of a rule: `MessageHeld {RuleID}` on each matching message's stream,
// appended with the revision the queue read model shows, so a hold never slips in between two events a
// worker decided on together. Used when a rule is added (for the messages already queued) and by a
// submission that finds a rule it did not see when it was queued.
import type Database from 'better-sqlite3';
import { QUEUE_TABLE } from '../../projections/queue';
import { ExpectedRevisionConflict, type EventMetadata } from '../event-store/event-store';
import { messageStream, type MessageEvent, type MessageQueuedData } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import type { HoldRule } from './holdrule-events';
import { firstMatchingRule, holdRuleMatches } from './holdrule-matching';
import { readHoldRules } from './holdrule-store';

const MAX_TRIES = 5;

interface QueueRowState {
  ID: number;
  Revision: number;
  Hold: number;
  Retired: number;
}

function rowState(db: Database.Database, queueMsgId: number): QueueRowState | undefined {
  return db.prepare(`SELECT ID, Revision, Hold, Retired FROM ${QUEUE_TABLE} WHERE ID = ?`).get(queueMsgId) as QueueRowState | undefined;
}

/**
 * Holds one message unless it is gone, retired or held already. The event id derives from the rule and
 * the message, so the same hold appended twice (a reactor and an API call racing) is stored once.
 */
export async function holdMessage(runtime: Runtime, queueMsgId: number, ruleId: number, metadata: EventMetadata): Promise<boolean> {
  const streamId = messageStream(queueMsgId);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const row = rowState(runtime.readDb, queueMsgId);
    if (!row || row.Hold || row.Retired) return false;
    const event: MessageEvent = { type: 'MessageHeld', data: { QueueMsgID: queueMsgId, RuleID: ruleId } };
    try {
      await runtime.store.appendToStream(streamId, [{ id: `holdrule-${ruleId}:${streamId}`, ...event, metadata }], {
        expectedRevision: row.Revision < 0 ? 'no_stream' : row.Revision,
      });
      return true;
    } catch (err) {
      if (!(err instanceof ExpectedRevisionConflict)) throw err;
      // Something happened to the message meanwhile: look again once the read model has it.
      await runtime.projections.waitFor(await runtime.store.headPosition());
    }
  }
  throw new Error(`could not hold message ${queueMsgId} for hold rule ${ruleId}: its stream kept changing`);
}

/** Holds every queued, unheld, unretired message the rule matches; returns how many were held. */
export async function holdMatchingMessages(runtime: Runtime, rule: HoldRule, metadata: EventMetadata): Promise<number> {
  const rows = runtime.readDb
    .prepare(`SELECT ID, SenderAccount, SenderDomain, RecipientDomain FROM ${QUEUE_TABLE} WHERE Retired = 0 AND Hold = 0 ORDER BY ID`)
    .all() as { ID: number; SenderAccount: string; SenderDomain: string; RecipientDomain: string }[];
  let held = 0;
  for (const row of rows) {
    if (holdRuleMatches(rule, row) && (await holdMessage(runtime, row.ID, rule.ID, metadata))) held++;
  }
  return held;
}

/**
 * A rule added after a submission read the rules (`before`), but before the rule's own sweep saw the
 * submission's messages, would let them through: the submission looks once more once the read models
 * include its append. Either the rule's sweep sees the messages or this look sees the rule, as both
 * wait for the read models to reach their own append. Returns per recipient whether it is held.
 */
export async function holdForRulesAddedSince(runtime: Runtime, data: MessageQueuedData, before: HoldRule[], metadata: EventMetadata): Promise<boolean[]> {
  const known = new Set(before.map((r) => r.ID));
  const added = readHoldRules(runtime.readDb).filter((r) => !known.has(r.ID));
  const held = data.Recipients.map((r) => r.Hold);
  if (added.length === 0) return held;
  for (const [i, r] of data.Recipients.entries()) {
    if (r.Hold) continue;
    const rule = firstMatchingRule(added, { SenderAccount: data.SenderAccount, SenderDomain: r.SenderDomain, RecipientDomain: r.RecipientDomain });
    if (!rule) continue;
    // Held now, by this call or by the rule's own sweep.
    await holdMessage(runtime, r.QueueMsgID, rule.ID, metadata);
    held[i] = true;
  }
  return held;
}
