// Trace fields the SMTP servers put in front of a message (RFC 5321 §4.4): Received with the clauses in
// the order the RFC's Stamp grammar gives them (from, by, via, with, id, for), Return-Path when a
// message is delivered into a mailbox, and Authentication-Results (RFC 8601) with what was verified.
import { isIP } from 'node:net';
import { FoldingHeaderWriter } from '../sending/received-header';
import { rfc5322Date, utc } from '../sending/time-text';

export interface ReceivedStamp {
  /** The client's EHLO name ("" when it sent none) and its IP address; null hides the client (submission). */
  client: { helo: string; ip: string } | null;
  /** This server's host name. */
  by: string;
  /** RFC 3848 protocol: SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA, UTF8SMTP... */
  protocol: string;
  id: string;
  /** Only with a single recipient: several then share identical bytes (mox). */
  forRecipient?: string;
  now: Date;
}

/** RFC 5321 §4.1.3 address literal: [192.0.2.1] or [IPv6:2001:db8::1]. */
export function addressLiteral(ip: string): string {
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(plain) === 6 ? `[IPv6:${plain}]` : `[${plain}]`;
}

export function receivedHeader(s: ReceivedStamp): string {
  const from = s.client ? `${s.client.helo || addressLiteral(s.client.ip)} (${addressLiteral(s.client.ip)})` : s.by;
  const parts = ['Received:', 'from', from, 'by', s.by, 'via', 'tcp', 'with', s.protocol, 'id', s.id];
  if (s.forRecipient) parts.push('for', `<${s.forRecipient}>`);
  parts[parts.length - 1] += ';';
  return new FoldingHeaderWriter().add(' ', ...parts, rfc5322Date(utc(s.now))).toString();
}

/** RFC 3848 §1: ESMTP, with S after TLS and A after AUTH; UTF8SMTP for SMTPUTF8 (RFC 6531 §3.7.4). */
export function protocolName(ehlo: boolean, utf8: boolean, tls: boolean, authenticated: boolean): string {
  return `${utf8 ? 'UTF8SMTP' : ehlo ? 'ESMTP' : 'SMTP'}${tls ? 'S' : ''}${authenticated ? 'A' : ''}`;
}

/** RFC 5321 §4.4: the final delivery records the reverse path; "<>" for the null sender. */
export function returnPathHeader(mailFrom: string): string {
  return `Return-Path: <${mailFrom}>\r\n`;
}

export function authenticationResultsHeader(value: string): string {
  return `Authentication-Results: ${value.replace(/\r?\n/g, '\r\n')}\r\n`;
}
