// Messages the inbound tests send: a plain one, one DKIM-signed for a remote domain (with the DNS records
// that make SPF, DKIM and DMARC pass for it), and DSNs built like mox's dsn.Message.Compose, with any
// action and recipient blocks.
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import type { MailauthDnsEntries } from './mailauth-dns';

export function plainMessage(o: { from: string; to: string; subject?: string; body?: string; headers?: string[]; messageId?: string }): string {
  return [
    `From: <${o.from}>`,
    `To: <${o.to}>`,
    `Subject: ${o.subject ?? 'test'}`,
    `Message-Id: ${o.messageId ?? `<${Math.random().toString(36).slice(2)}@remote.example>`}`,
    'Date: Mon, 06 Jan 2025 10:00:00 +0000',
    ...(o.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? 'test email',
    '',
  ].join('\r\n');
}

export interface SigningDomain {
  domain: string;
  selector: string;
  privateKey: string;
  dns: MailauthDnsEntries;
}

/** An RSA key for `domain` with the SPF (allowing 127.0.0.1), DKIM and DMARC records that go with it. */
export function signingDomain(domain: string, selector = 'test'): SigningDomain {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    domain,
    selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    dns: {
      txt: {
        [domain]: ['v=spf1 ip4:127.0.0.1 -all'],
        [`${selector}._domainkey.${domain}`]: [`v=DKIM1; k=rsa; p=${p}`],
        [`_dmarc.${domain}`]: ['v=DMARC1; p=reject'],
      },
    },
  };
}

export async function signed(message: string, d: SigningDomain): Promise<string> {
  const key = { signingDomain: d.domain, selector: d.selector, privateKey: d.privateKey };
  // The signer signs with the keys listed in signatureData.
  const result = await dkimSign(Buffer.from(message), { ...key, canonicalization: 'relaxed/relaxed', signatureData: [key] });
  if (result.errors.length > 0 || result.signatures.trim() === '') throw new Error(`test DKIM signing failed: ${JSON.stringify(result.errors)}`);
  return result.signatures + message;
}

export interface DsnBlock {
  finalRecipient: string;
  action: string;
  status?: string;
  diagnostic?: string;
}

/** A DSN as mox composes one (RFC 3464): explanation, delivery-status, and the returned header. */
export function dsnMessage(o: { from: string; to: string; blocks: DsnBlock[]; messageId?: string }): string {
  const boundary = 'dsn-boundary-1';
  const blocks = o.blocks
    .map((b) =>
      [`Final-Recipient: rfc822; ${b.finalRecipient}`, `Action: ${b.action}`, `Status: ${b.status ?? '5.0.0'}`, ...(b.diagnostic ? [`Diagnostic-Code: smtp; ${b.diagnostic}`] : [])].join('\r\n'),
    )
    .join('\r\n\r\n');
  return [
    `From: <${o.from}>`,
    `To: <${o.to}>`,
    'Subject: mail delivery report',
    `Message-Id: ${o.messageId ?? '<dsnmsgid@localhost>'}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type="delivery-status"; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'explanation',
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; remote.example',
    '',
    blocks,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
