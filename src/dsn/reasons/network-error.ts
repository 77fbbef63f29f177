// networkerror: the destination could not be reached or looked up (DNS trouble, no route, loops).
import type { PhraseTable } from './phrase-table';

export const networkError: PhraseTable = {
  reason: 'networkerror',
  phrases: [
    'no route to host', 'host is unreachable', 'network is unreachable', 'host not found, try again',
    'host name lookup failure', 'dns query failed', 'dns lookup failed', 'dns failure', 'temporary dns',
    'malformed name server reply', 'malformed or unexpected name server reply', 'name server timeout',
    'unable to resolve', 'could not connect and send the mail', 'dns records for the destination computer could not be found',
    'mail forwarding loop', 'routing loop', 'message looping', 'loop detected', 'hop count exceeded',
    'maximum forwarding loop count exceeded', 'unrouteable mail domain', 'failed to connect',
    'too many "received" headers', 'dns lookup failed',
    'address family mismatch on destination mxs', 'all routes to destination blocked', 'bad dns lookup error code',
    'could not retrieve source address', 'network error on destination mxs', 'no valid route to remote mx',
    'no valid route to destination', 'temporary failure in mx lookup', 'smtpsend.dns.mxloopback',
  ],
};
