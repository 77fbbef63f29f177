// Error identifiers that name their reason outright, whatever the SMTP command or status code around them.
// Microsoft's transport and resolver codes (Exchange, Microsoft 365) are the common case: 5.1.10
// "RESOLVER.ADR.RecipientNotFound" is an unknown user although X.1.10 otherwise means null MX (RFC 7505).
import type { Reason } from './phrase-table';

const CODES: ReadonlyArray<readonly [RegExp, Reason]> = [
  [/resolver\.adr\.(?:recipientnotfound|exrecipnotfound|recipnotfound|invalidsmtpaddress)/i, 'userunknown'],
  [/resolver\.adr\.recipientdisabled|resolver\.adr\.recipientdeleted/i, 'suspend'],
  [/resolver\.adr\.reciplimit/i, 'toomanyconn'],
  [/resolver\.adr\.recipsizelimit|resolver\.rst\.recipsizelimit/i, 'exceedlimit'],
  [/resolver\.rst\.authrequired/i, 'securityerror'],
  [/resolver\.rst\.(?:notauthorized|restrictedtorecipientspermission|dlgroupnotauthorized)/i, 'rejected'],
  [/resolver\.rst\.sendsizelimit/i, 'mesgtoobig'],
  [/\b5\.4\.1 recipient address rejected: access denied/i, 'userunknown'],
  [/\b5\.7\.50[45] (?:recipient address rejected: )?access denied/i, 'suspend'],
  [/\b5\.5\.0 requested action not taken: mailbox unavailable/i, 'userunknown'],
  [/\b5\.1\.351 remote server returned unknown recipient/i, 'userunknown'],
  [/storedrv\.submit; invalid recipient address/i, 'userunknown'],
  [/smtpsend\.dns\.nonexistentdomain/i, 'hostunknown'],
  [/smtpsend\.dns\.mxloopback/i, 'networkerror'],
  [/resolver\.adr\.(?:badprimary|invalidinsmtp|ambiguous)/i, 'systemerror'],
  [/queue\.expired/i, 'expired'],
  [/\b[45]\.7\.6(?:0[6-9]|[1-4]\d)\b/, 'blocked'],
  [/\b4\.7\.65[0-2]\b|\b5\.7\.708\b/, 'badreputation'],
  [/\bmailbox unavailable\. the mailbox has been disabled/i, 'suspend'],
  // Yahoo's "delivery error: dd ..." replies, refused at RCPT TO though the notice does not say so.
  [/delivery error: dd (?:this user doesn't have a \S+ account|requested mail action aborted, mailbox not found)/i, 'userunknown'],
  [/delivery error: dd .*\bthis mailbox is disabled\b/i, 'suspend'],
];

export function reasonOfProviderCode(text: string): Reason | '' {
  for (const [pattern, reason] of CODES) if (pattern.test(text)) return reason;
  return '';
}
