// What parsing a bounce gives: the `postwire dsn parse` JSON line without its File field (DESIGN §3).

/** RFC 3464 §2.3.3 Action values. */
export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export interface BounceRecipient {
  Address: string;
  Action: DsnAction;
  /** Enhanced status code (RFC 3463) such as "5.1.1"; derived from the diagnostic when the bounce has none. */
  Status: string;
  /** The remote SMTP reply code, or null when the bounce quotes none. */
  SMTPCode: number | null;
  Diagnostic: string;
  /** Mail to this address should stop: the address or its domain does not exist or has moved (not merely 5.x.x). */
  Permanent: boolean;
}

export interface BounceReport {
  /** True when at least one recipient failed or was delayed. */
  Bounce: boolean;
  Recipients: BounceRecipient[];
}

export type SmtpCommand = 'CONN' | 'HELO' | 'EHLO' | 'STARTTLS' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'QUIT' | '';
