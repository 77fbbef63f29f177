// The mailboxes every account has. Postwire keeps mox's default set and no others, so looking one up needs
// no storage.
import { MAILBOX_NAMES } from './mailbox-service';

export type KnownMailbox = (typeof MAILBOX_NAMES)[number];

/**
 * The mailbox with this name, or null. Names are exact, except that INBOX is case-insensitive
 * (RFC 9051 §5.1: "the case-insensitive mailbox name INBOX is a special name").
 */
export function findMailbox(name: string): KnownMailbox | null {
  if (name.toLowerCase() === 'inbox') return 'Inbox';
  return (MAILBOX_NAMES as readonly string[]).includes(name) ? (name as KnownMailbox) : null;
}

/** mox marks a message \seen when it is moved to the Trash mailbox. */
export const isTrash = (mailbox: string): boolean => mailbox === 'Trash';
