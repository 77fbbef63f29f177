// Events of content garbage collection (`contentgc`): the collector records each content it deleted, so
// the reference counts (a read model) forget it in the same way whether they are followed live or rebuilt.
export const CONTENT_GC_STREAM = 'contentgc';

export interface ContentDeletedData {
  Sha256: string;
  /**
   * Global position of the content stream's last event when it was deleted (-1: it was gone already).
   * Content stored again later has events past this position, and its count is kept.
   */
  Position: number;
}

export type ContentGcEvent = { type: 'ContentDeleted'; data: ContentDeletedData };
