import { defineComplianceRule } from '../compliance/control.js';
import { reportGap, SYSTEM } from '../compliance/report.js';
import { phiScope } from './scope.js';

export default defineComplianceRule({
  id: 'hipaa/emergency-mode',
  severity: 'warning',
  regime: 'hipaa',
  summary: 'A system keeping ePHI with no emergency mode operation plan.',
  rationale:
    '45 CFR 164.308(a)(7)(ii)(C) (Required): "Establish (and implement as needed) procedures to enable continuation of critical business processes for protection of the security of electronic protected health information while operating in emergency mode." When the design degrades, access control and audit must keep working.',
  citations: ['HIPAA 45 CFR 164.308(a)(7)(ii)(C)'],
  fix: 'Describe the emergency mode in `system.contingency.emergencyMode` (what keeps running, how access control and audit stay on).',
  control: {
    id: '164.308(a)(7)(ii)(C)',
    title: 'Emergency mode operation plan',
    appliesTo: ({ design, shared }) => (phiScope(design, shared).stores.length > 0 ? [SYSTEM] : []),
  },
  check(ctx) {
    const { stores } = phiScope(ctx.design, ctx.shared);
    if (stores.length === 0 || ctx.design.system.contingency?.emergencyMode) return;
    reportGap(ctx, {
      subject: SYSTEM,
      field: 'contingency.emergencyMode',
      shown: 'system.contingency.emergencyMode',
      why: `so critical processes keep protecting ePHI (kept in ${stores.map((s) => s.component.id).join(', ')}) while operating in emergency mode`,
      evidence: { stores: stores.map((s) => s.component.id).join(', ') },
    });
  },
});
