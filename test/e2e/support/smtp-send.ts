// Mail handed to localserve's SMTP ports the way another server or a mail client would: nodemailer's SMTP
// client, plain SMTP on loopback (localserve offers no TLS there), the message bytes unchanged.
import nodemailer from 'nodemailer';

export interface SmtpResult {
  accepted: string[];
  rejected: string[];
  response: string;
}

/** Delivers `raw` to the incoming port with this envelope (as a remote MTA does: no AUTH). */
export async function deliverOverSmtp(port: number, envelope: { from: string; to: string[] }, raw: Buffer | string): Promise<SmtpResult> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, name: 'mx.sender.test', connectionTimeout: 10_000, socketTimeout: 30_000 });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { accepted: info.accepted.map(String), rejected: info.rejected.map(String), response: info.response };
  } finally {
    transport.close();
  }
}
