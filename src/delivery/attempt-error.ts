// What went wrong in a delivery attempt, in the terms the queue records (mox's smtpclient.Error and
// MsgResult): permanent or not, the SMTP reply code and short enhanced code when the remote answered,
// and mox's error text. Only an SMTP reply carries a code; connection, DNS and TLS problems have code 0,
// which keeps them out of the suppression rules.

export interface AttemptError {
  permanent: boolean;
  /** SMTP reply code, 0 when the failure was not a reply from the remote. */
  code: number;
  /** Enhanced status code without the class digit (RFC 3463 §2), e.g. "1.1"; "" when absent. */
  secode: string;
  /** mox's text: "<cause>, permanent: <reply line>" or "<cause>, transient: <reply line>", or a plain cause. */
  text: string;
  /** The SMTP reply, one entry per line, for the DSN's Diagnostic-Code; empty when there was none. */
  lines: string[];
}

/** mox smtpclient: what a reply-status failure says before ", permanent: <line>". */
export const UNEXPECTED_STATUS = 'remote smtp server sent unexpected response status code';

export interface ParsedReply {
  code: number;
  /** Short enhanced code, "" when the reply has none. */
  secode: string;
  lines: string[];
}

/** Reads "550-5.1.1 first\n550 5.1.1 last" (nodemailer joins a multi-line reply with newlines). */
export function parseReply(reply: string): ParsedReply | null {
  const lines = reply.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l !== '');
  const m = /^([2-5]\d\d)[ -]?(?:([245])\.(\d{1,3}\.\d{1,3})\b)?/.exec(lines[0] ?? '');
  if (!m) return null;
  const code = Number(m[1]);
  // RFC 3463 §2: the class digit of the enhanced code matches the reply's first digit; a mismatch is
  // ignored as mox does (no enhanced code).
  const secode = m[2] && m[2] === m[1][0] ? m[3] : '';
  return { code, secode, lines };
}

/** A failure that is an SMTP reply from the remote. 5xx is permanent (RFC 5321 §4.2.1). */
export function replyError(context: string, cause: string, reply: ParsedReply): AttemptError {
  const permanent = Math.floor(reply.code / 100) === 5;
  return {
    permanent,
    code: reply.code,
    secode: reply.secode,
    text: `${context}${cause}, ${permanent ? 'permanent' : 'transient'}: ${reply.lines[0]}`,
    lines: reply.lines,
  };
}

/** A failure without a reply code: decided by us, or a network, DNS or TLS problem. */
export function plainError(text: string, permanent = false, code = 0, secode = ''): AttemptError {
  return { permanent, code, secode, text, lines: [] };
}
