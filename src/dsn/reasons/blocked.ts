// blocked: the sending IP address or host is refused (block lists, dynamic IPs, policy on the client).
import type { PhraseTable } from './phrase-table';

export const blocked: PhraseTable = {
  reason: 'blocked',
  phrases: [
    'blacklisted', 'blocklisted', 'block list', 'blocklist', 'blacklist', 'dnsbl', ' rbl', 'spamhaus', 'spamcop',
    'barracudacentral', 'sorbs', 'blocked using', 'listed at', 'is listed on', 'ip is listed', 'ip address is listed',
    'client host rejected', 'sender ip address rejected', 'helo command rejected', 'refused to talk to me',
    'please use the smtp server of your isp', 'dynamic ip', 'dynamic/zombied', 'dial-up', 'dialup',
    'not allowed to send mail from', 'too many unwanted messages', 'your ip', 'connection refused',
    'connection reset by peer', 'connection dropped', 'go away', 'access denied', 'not currently accepting mail from your ip',
    'banned sending ip', 'esmtp not accepting connections', 'service not available, closing transmission channel',
    'blocked ip', 'ip blocked', 'was blocked by', 'mail from your ip', 'your server requires confirmation',
  ],
};
