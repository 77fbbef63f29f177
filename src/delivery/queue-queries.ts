// What delivery reads from the queue read model (projections/queue): due messages, the recipients that
// can share an SMTP transaction, when the next message falls due, and the retired history behind the
// three-consecutive-failures rule.
import type Database from 'better-sqlite3';
import { QUEUE_TABLE, queueProjection } from '../../projections/queue';
import { decodeRow } from '../projecting/table-sql';
import type { MsgResult } from '../queue/message-events';

/** A queue row, as the projection writes it (mox's Msg / MsgRetired field names). */
export interface QueueRow {
  ID: number;
  BaseID: number;
  Queued: string;
  Hold: boolean;
  SenderAccount: string;
  SenderLocalpart: string;
  SenderDomain: string;
  SenderDomainStr: string;
  SenderAddress: string;
  FromID: string;
  RecipientLocalpart: string;
  RecipientDomain: string;
  RecipientDomainStr: string;
  RecipientAddress: string;
  Attempts: number;
  MaxAttempts: number;
  NextAttempt: string;
  LastAttempt: string | null;
  Results: MsgResult[];
  Has8bit: boolean;
  SMTPUTF8: boolean;
  Size: number;
  MessageID: string;
  Subject: string;
  Transport: string;
  RequireTLS: boolean | null;
  Extra: Record<string, string>;
  ContentSha256: string;
  MsgPrefix: string;
  /** Revision of message-<ID>; -1 before its first event. */
  Revision: number;
  InFlight: boolean;
  Retired: boolean;
  Success: boolean;
  LastActivity: string;
}

const table = queueProjection.tables.find((t) => t.name === QUEUE_TABLE)!;
const decode = (raw: unknown) => decodeRow(table, raw as Record<string, unknown>) as unknown as QueueRow;

/** What the worker needs to decide whether to start a due message, before reading the whole row. */
export interface DueCandidate {
  ID: number;
  Revision: number;
  RecipientDomain: string;
}

// `LIMIT +?` rather than `LIMIT ?`: SQLite plans with the value bound to a bare LIMIT parameter, so it
// compiles the statement again every time that parameter is bound, which is every run.
const STATEMENTS = {
  byId: `SELECT * FROM ${QUEUE_TABLE} WHERE ID = ?`,
  due: `SELECT ID, Revision, RecipientDomain FROM ${QUEUE_TABLE} WHERE Retired = 0 AND Hold = 0 AND NextAttempt <= ? ORDER BY NextAttempt, ID LIMIT +?`,
  earliestDue: `SELECT MIN(NextAttempt) AS next FROM ${QUEUE_TABLE} WHERE Retired = 0 AND Hold = 0`,
} as const;

export class QueueQueries {
  // Prepared on first use and kept: the worker runs these many times a second under load.
  private readonly statements = new Map<keyof typeof STATEMENTS, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(name: keyof typeof STATEMENTS): Database.Statement {
    let statement = this.statements.get(name);
    if (!statement) this.statements.set(name, (statement = this.db.prepare(STATEMENTS[name])));
    return statement;
  }

  get(id: number): QueueRow | null {
    const raw = this.statement('byId').get(id);
    return raw ? decode(raw) : null;
  }

  /**
   * Due messages (not retired, not held, NextAttempt <= now) in the order mox delivers them, read lazily
   * and only the columns that decide whether to start one: with a long queue the worker stops after the
   * few it has room for, instead of reading and decoding whole rows it cannot start. Leaving the loop
   * early ends the read. The connection runs no other statement until then (better-sqlite3), so callers
   * collect what they pick and read the rows after the loop.
   */
  *due(now: Date, limit: number): Generator<DueCandidate> {
    yield* this.statement('due').iterate(now.toISOString(), limit) as IterableIterator<DueCandidate>;
  }

  /** The earliest NextAttempt of a message waiting to be attempted, or null. */
  nextDue(): string | null {
    const row = this.statement('earliestDue').get() as { next: string | null };
    return row.next;
  }

  /**
   * Recipients that can join m0's SMTP transaction (mox queue.go gather, RFC 5321 §3.3 several RCPT
   * per transaction): same BaseID and recipient domain, as many attempts so far, due no later than m0,
   * not held, the same RequireTLS and the same transport.
   */
  partners(m0: QueueRow): QueueRow[] {
    if (m0.BaseID === 0) return [];
    return this.db
      .prepare(
        `SELECT * FROM ${QUEUE_TABLE} WHERE BaseID = ? AND RecipientDomain = ? AND Attempts = ? AND ID != ? AND Retired = 0 AND Hold = 0
         AND NextAttempt <= ? AND Transport = ? ORDER BY ID`,
      )
      .all(m0.BaseID, m0.RecipientDomain, m0.Attempts, m0.ID, m0.NextAttempt, m0.Transport)
      .map(decode)
      .filter((m) => m.RequireTLS === m0.RequireTLS);
  }

  /**
   * The two most recent other retired messages of this account to exactly this recipient address
   * (mox suppressionProcess, scoped to the account as DESIGN section 5 decides).
   */
  recentRetired(account: string, recipientAddress: string, exceptId: number): QueueRow[] {
    return this.db
      .prepare(
        `SELECT * FROM ${QUEUE_TABLE} WHERE RecipientAddress = ? AND Retired = 1 AND SenderAccount = ? AND ID != ? ORDER BY LastActivity DESC, ID DESC LIMIT 2`,
      )
      .all(recipientAddress, account, exceptId)
      .map(decode);
  }
}
