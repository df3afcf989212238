import { defineRule } from '../../types.js';
import { impliedRegimeReasons } from '../../regimes.js';
import { SYSTEM } from './report.js';

const NAMES = { gdpr: 'GDPR', hipaa: 'HIPAA', pci: 'PCI DSS', soc2: 'SOC 2', ccpa: 'CCPA' } as const;

export default defineRule({
  id: 'compliance/regime-not-declared',
  severity: 'warning',
  summary: 'The data implies a compliance regime that `system.compliance` does not declare.',
  rationale:
    'Regimes are cheapest to meet when they are known at design time: a design holding PHI is under HIPAA, one holding card numbers under PCI DSS, one holding personal data of people in the EEA under GDPR, whether or not anyone wrote it down. archwright applies the regime\'s rules either way; declaring it makes the obligation visible to everyone who reads the design.',
  citations: ['Guide §4 Security and Compliance: consider legal requirements like HIPAA or GDPR early', 'GDPR Art. 3', 'HIPAA 45 CFR 160.103', 'PCI DSS v4.0.1 Scope of PCI DSS Requirements'],
  fix: 'Add the regime to `system.compliance`, or reclassify the data if it does not hold what the classification says.',
  check(ctx) {
    const declared = new Set<string>(ctx.design.system.compliance);
    for (const implied of impliedRegimeReasons(ctx.design)) {
      if (declared.has(implied.regime)) continue;
      ctx.report({
        subject: SYSTEM,
        field: ['compliance'],
        detail: implied.regime,
        message: `${implied.data} ${implied.because}, so ${NAMES[implied.regime]} applies, but system.compliance does not list ${implied.regime}.`,
        evidence: { regime: implied.regime, data: implied.data, declared: [...declared].join(', ') || 'none' },
      });
    }
  },
});
