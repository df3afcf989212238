import { defineComplianceRule } from '../compliance/control.js';
import { linkRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { transportOf } from '../compliance/transport.js';
import { phiScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'hipaa/transmission-security',
  severity: 'error',
  regime: 'hipaa',
  summary: 'ePHI sent over a link without encryption, internal links included.',
  rationale:
    '45 CFR 164.312(e)(1) requires technical security measures "to guard against unauthorized access to electronic protected health information that is being transmitted over an electronic communications network", and (e)(2)(ii) a mechanism to encrypt it "whenever deemed appropriate". Under HHS guidance (74 FR 19006) only encrypted ePHI is "secured": a breach of plaintext traffic is a notifiable breach.',
  citations: ['HIPAA 45 CFR 164.312(e)(1)', 'HIPAA 45 CFR 164.312(e)(2)(ii)', 'HHS breach guidance, 74 FR 19006 (2009)'],
  fix: 'Set `tls: tls` (or mtls) on the link.',
  control: {
    id: '164.312(e)(1)',
    title: 'Transmission security',
    appliesTo: (scope) => scopeOf(scope).links.map((l) => linkRef(l.link)),
  },
  check(ctx) {
    for (const { link, assets } of phiScope(ctx.design, ctx.shared).links) {
      const transport = transportOf(link);
      if (transport === 'unknown') {
        reportGap(ctx, { subject: linkRef(link), field: 'tls', why: `so it is clear the ePHI it carries (${assets.join(', ')}) is encrypted in transit`, evidence: { protocol: link.protocol, data: assets.join(', ') } });
      } else if (transport === 'plaintext') {
        ctx.report({
          subject: linkRef(link), field: ['tls'],
          message: `${link.id} carries ePHI (${assets.join(', ')}) over ${link.protocol} without encryption.`,
          evidence: { protocol: link.protocol, tls: link.tls ?? 'not stated', data: assets.join(', ') },
        });
      }
    }
  },
});
