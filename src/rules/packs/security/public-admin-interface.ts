import { defineRule } from '../../types.js';
import { adminInterface, operatorEntryPoints } from './trust.js';

export default defineRule({
  id: 'security/public-admin-interface',
  severity: 'error',
  summary: 'An administrative or operator interface is exposed to the internet.',
  rationale:
    'An admin console can read every user\'s data and change how the system behaves; it is the first thing attackers look for. Exposed publicly, it is guarded only by its login, so a phished or reused password is a full compromise. Keep operator interfaces on a private network (VPN, zero-trust access proxy) and require multi-factor authentication. A public admin interface with MFA is still reported, as a warning.',
  citations: [
    'OWASP ASVS 4.0.3 V4.3.1 (administrative interfaces use appropriate multi-factor authentication to prevent unauthorized use)',
    'NIST SP 800-53 Rev. 5 IA-2(1) Multi-factor Authentication to Privileged Accounts; SC-2 Separation of System and User Functionality; AC-17 Remote Access',
    'CIS Controls v8 Safeguard 6.5 Require MFA for Administrative Access',
    'OWASP Top 10 2021 A01 Broken Access Control; A07 Identification and Authentication Failures',
  ],
  fix: 'Make the interface private (`public: false`) and reach it through a VPN or access proxy; set `mfa: true` with an MFA-capable `auth` (oidc, saml).',
  check(ctx) {
    const { design } = ctx;
    const operators = ctx.shared('security/operator-entry-points', () => operatorEntryPoints(design));
    for (const c of design.components) {
      if (c.kind === 'external') continue;
      const users = operators.get(c.id);
      const found = adminInterface(c, users);
      if (!found) continue;
      const { iface, i } = found;
      const why = iface.admin ? 'an administrative interface' : `an interface used by ${users!.join(', ')}`;
      const mfa = iface.mfa === true;
      ctx.report({
        subject: { kind: 'component', id: c.id },
        field: ['exposes', i],
        severity: mfa ? 'warning' : 'error',
        message: `${c.id} exposes ${why} publicly over ${iface.protocol} with ${iface.auth ? `\`auth: ${iface.auth}\`` : 'no stated auth'}${mfa ? ' and MFA' : ' and no MFA'}.`,
        evidence: { component: c.id, protocol: iface.protocol, auth: iface.auth ?? 'not stated', mfa: mfa ? 'yes' : 'no', operators: users?.join(', ') ?? 'none' },
      });
    }
  },
});
