// Events of an account's suppression list. The whole list of one account is one stream,
// `suppressions-<account>`: appends carry the expected revision, which is what keeps a base address
// listed at most once per account even when a person and a delivery failure add it at the same moment.
// Field names are mox's webapi.Suppression, so the read model maps straight onto the wire type.

export const suppressionStream = (account: string) => `suppressions-${account}`;

export interface Suppression {
  ID: number;
  /** RFC 3339. */
  Created: string;
  Account: string;
  /** Unicode; what is compared (see base-address.ts). */
  BaseAddress: string;
  /** Unicode; the address as it was given or failed. */
  OriginalAddress: string;
  /** Added by a person or a program through the API (true) or by a delivery failure (false). */
  Manual: boolean;
  Reason: string;
}

export type SuppressionEvent =
  | { type: 'AddressSuppressed'; data: Suppression }
  | { type: 'SuppressionRemoved'; data: { ID: number; Account: string; BaseAddress: string } };

export const suppressionEventTypes = ['AddressSuppressed', 'SuppressionRemoved'] as const;
