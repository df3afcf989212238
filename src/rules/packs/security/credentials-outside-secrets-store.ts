import { defineRule } from '../../types.js';
import { isCredential } from '../../sensitivity.js';
import { assets } from './trust.js';

export default defineRule({
  id: 'security/credentials-outside-secrets-store',
  severity: 'error',
  summary: 'Credentials or keys are stored somewhere other than a secrets store.',
  rationale:
    'Tokens, keys and passwords kept in an ordinary database or service share that store\'s access paths, backups and logs, so whoever reads the data also gets the keys to everything the credentials open. A secrets store (kind: secrets) issues, rotates, audits and revokes them. One-way hashed credentials (`encryptedAtRest: hashed`), such as user password hashes, are not reported.',
  citations: [
    'OWASP ASVS 4.0.3 V6.4.1 (a secrets management solution such as a key vault is used to securely create, store, control access to and destroy secrets) and V1.6.2 (protect key material and other secrets by using key vaults)',
    'OWASP ASVS 4.0.3 V2.10.4 (passwords, integrations with databases and third-party systems, seeds and internal secrets, and API keys are managed securely)',
    'NIST SP 800-53 Rev. 5 SC-12 Cryptographic Key Establishment and Management; IA-5(7) No Embedded Unprotected Authenticators',
    'OWASP Top 10 2021 A02 Cryptographic Failures',
  ],
  fix: 'Move the credentials into the secrets store, keep only a reference in the component, and set `secretsFrom:` to the store.',
  check(ctx) {
    const { design } = ctx;
    for (const c of design.components) {
      if (c.kind === 'secrets' || c.kind === 'external' || c.encryptedAtRest === 'hashed' || c.stores.length === 0) continue;
      const held = assets(design, c.stores).filter(isCredential);
      if (held.length === 0) continue;
      const stores = ctx.shared('security/secrets-stores', () => design.components.filter((s) => s.kind === 'secrets').map((s) => s.id));
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: ['stores'],
        message: `${c.id} (${c.kind}) stores ${held.map((d) => d.id).join(', ')}, classified as credentials, outside a secrets store${stores.length > 0 ? ` such as ${stores[0]}` : ''}.`,
        evidence: { component: c.id, data: held.map((d) => d.id).join(', '), secretsStores: stores.length },
      });
    }
  },
});
