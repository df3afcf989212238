/** Whether a link's traffic is encrypted, from its `tls` field or, when that is absent, its protocol. */
import type { Link } from '../../../model/design.js';

const ENCRYPTED_PROTOCOLS = new Set(['https', 'wss', 'grpcs', 'sftp', 'ftps', 'ssh', 'tls', 'smtps', 'amqps', 'mqtts']);
const PLAINTEXT_PROTOCOLS = new Set(['http', 'ws', 'ftp', 'telnet']);

export type Transport = 'encrypted' | 'plaintext' | 'unknown';

export function transportOf(link: Link): Transport {
  if (link.tls === 'tls' || link.tls === 'mtls') return 'encrypted';
  if (link.tls === 'none') return 'plaintext';
  const protocol = link.protocol.toLowerCase();
  if (ENCRYPTED_PROTOCOLS.has(protocol)) return 'encrypted';
  if (PLAINTEXT_PROTOCOLS.has(protocol)) return 'plaintext';
  return 'unknown';
}
