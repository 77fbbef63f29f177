// Deletes message content nothing refers to any more (the content-refs read model counts the references)
// once it has been unreferenced for a grace period, then records the deletion as ContentDeleted.
//
// Deleting must never take content from under a writer that is about to refer to it. A writer stores
// content before it appends the event referring to it, and storing content that exists appends
// ContentReused, which moves the content stream's revision. So the collector reads the stream's last
// revision, waits until the read model has seen that event, checks the row once more, and deletes only at
// that revision: a reuse in between makes the event store refuse the delete. Several nodes may collect at
// once; the loser's delete is refused the same way.
import { Injectable } from '@nestjs/common';
import { CONTENT_REFS_TABLE } from '../../projections/content-refs';
import type { NodeService } from '../capabilities';
import { Runtime } from '../runtime/runtime';
import { contentStream } from './content-events';
import { CONTENT_GC_STREAM, type ContentDeletedData } from './content-gc-events';

export interface ContentCollectorOptions {
  /** How long content stays after its last reference went (and after it was last written). */
  graceMs: number;
  /** Time between two collection passes. */
  intervalMs: number;
  /** Content examined per pass at most. */
  batchSize: number;
}

export const DEFAULT_CONTENT_COLLECTOR_OPTIONS: Readonly<ContentCollectorOptions> = Object.freeze({
  graceMs: 60 * 60_000,
  intervalMs: 5 * 60_000,
  batchSize: 1_000,
});

/** A content found deletable: to be deleted at exactly this revision of its stream (null: already gone). */
export interface ContentDeletion {
  sha256: string;
  revision: number | null;
  /** For ContentDeleted.Position. */
  position: number;
}

export interface CollectResult {
  deleted: string[];
  /** Candidates that turned out to be in use again, or that another node deleted first. */
  kept: string[];
}

interface RefsRow {
  Sha256: string;
  Refs: number;
  ContentPosition: number;
  LastChange: string;
}

const READ_MODEL = 'content-refs';

@Injectable()
export class ContentCollector implements NodeService {
  readonly name = 'content-collector';
  private options: ContentCollectorOptions = { ...DEFAULT_CONTENT_COLLECTOR_OPTIONS };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly runtime: Runtime) {}

  configure(options: Partial<ContentCollectorOptions>): void {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isSafeInteger(value) || (value as number) < (name === 'graceMs' ? 0 : 1)) {
        throw new RangeError(`content collector: ${name} must be a whole number of ${name === 'batchSize' ? 'items' : 'milliseconds'}, got ${String(value)}`);
      }
    }
    this.options = { ...this.options, ...options };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass: every content unreferenced for longer than the grace period is deleted. */
  async collectOnce(): Promise<CollectResult> {
    const cutoff = this.cutoff();
    const result: CollectResult = { deleted: [], kept: [] };
    for (const sha256 of this.candidates(cutoff)) {
      const deletion = await this.examine(sha256, cutoff);
      if (deletion && (await this.execute(deletion))) result.deleted.push(sha256);
      else result.kept.push(sha256);
    }
    if (result.deleted.length > 0) this.runtime.logger.info({ deleted: result.deleted.length, kept: result.kept.length }, 'deleted unreferenced message content');
    return result;
  }

  /** The oldest unreferenced content whose last change is before `cutoff`, by the read model. */
  candidates(cutoff: string): string[] {
    const rows = this.runtime.readDb
      .prepare(`SELECT Sha256 FROM ${CONTENT_REFS_TABLE} WHERE Refs <= 0 AND LastChange < ? ORDER BY LastChange LIMIT +?`)
      .all(cutoff, this.options.batchSize) as { Sha256: string }[];
    return rows.map((r) => r.Sha256);
  }

  /** Whether the content is still deletable once the read model has seen its stream's last event. */
  async examine(sha256: string, cutoff: string = this.cutoff()): Promise<ContentDeletion | null> {
    const [last] = await this.runtime.store.readStream(contentStream(sha256), { direction: 'backwards', maxCount: 1 });
    if (last) await this.runtime.projections.waitFor(last.position, { names: [READ_MODEL] });
    const row = this.row(sha256);
    if (!row || row.Refs > 0 || row.LastChange >= cutoff) return null;
    return { sha256, revision: last ? last.revision : null, position: last ? last.position : row.ContentPosition };
  }

  /** Deletes at the examined revision and records it; false when the content changed in between. */
  async execute(deletion: ContentDeletion): Promise<boolean> {
    if (deletion.revision !== null && !(await this.runtime.content.delete(deletion.sha256, deletion.revision))) return false;
    const data: ContentDeletedData = { Sha256: deletion.sha256, Position: deletion.position };
    const appended = await this.runtime.store.appendToStream(
      CONTENT_GC_STREAM,
      // One id per deletion: a pass repeated after a crash, or by another node, records it once.
      [{ id: `contentgc-${deletion.sha256}-${deletion.position}`, type: 'ContentDeleted', data, metadata: { now: this.runtime.clock.now().toISOString() } }],
      { expectedRevision: 'any' },
    );
    await this.runtime.projections.waitFor(appended.position, { names: [READ_MODEL] });
    return true;
  }

  private row(sha256: string): RefsRow | null {
    return (this.runtime.readDb.prepare(`SELECT Sha256, Refs, ContentPosition, LastChange FROM ${CONTENT_REFS_TABLE} WHERE Sha256 = ?`).get(sha256) as RefsRow | undefined) ?? null;
  }

  private cutoff(): string {
    return new Date(this.runtime.clock.now().getTime() - this.options.graceMs).toISOString();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.collectOnce()
        .catch((err) => this.runtime.logger.error({ err }, 'content collection failed; retrying at the next pass'))
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.intervalMs);
    this.timer.unref?.();
  }
}
