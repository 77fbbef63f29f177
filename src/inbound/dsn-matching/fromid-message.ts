// The sent message a fromid names (reference 5, DESIGN section 5): looked up in the queue read model's
// FromID index among the messages of the account that received the reply, queued as well as retired
// (mox looks only at retired messages, and in every account). A FromID is unique over queued and retired
// messages (queue-submission.ts checks it), so at most one row matches.
import type Database from 'better-sqlite3';
import { QUEUE_TABLE } from '../../../projections/queue';
import { QueueQueries, type QueueRow } from '../../delivery/queue-queries';

export function findFromIDMessage(readDb: Database.Database, account: string, fromID: string): QueueRow | null {
  if (fromID === '') return null;
  const row = readDb.prepare(`SELECT ID FROM ${QUEUE_TABLE} WHERE FromID = ? AND SenderAccount = ? ORDER BY ID DESC LIMIT 1`).get(fromID, account) as
    | { ID: number }
    | undefined;
  return row ? new QueueQueries(readDb).get(row.ID) : null;
}
