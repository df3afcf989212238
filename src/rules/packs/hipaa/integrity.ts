import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf, type PhiHolding } from './scope.js';

/** Systems of record: caches and queues carry copies whose loss the record repairs. */
const ofRecord = (h: PhiHolding) => h.component.kind !== 'cache' && h.component.kind !== 'queue';

export default defineComplianceRule({
  id: 'hipaa/integrity',
  severity: 'warning',
  regime: 'hipaa',
  summary: 'A store of ePHI with no stated protection against improper alteration or destruction.',
  rationale:
    '45 CFR 164.312(c)(1) requires policies and procedures "to protect electronic protected health information from improper alteration or destruction", and (c)(2) (Addressable) electronic mechanisms to corroborate that it "has not been altered or destroyed in an unauthorized manner": versioning, immutable storage, checksums or signatures, or an audit trail of changes.',
  citations: ['HIPAA 45 CFR 164.312(c)(1)', 'HIPAA 45 CFR 164.312(c)(2)'],
  fix: 'State `integrity: [versioning, checksums, …]` on the store.',
  control: {
    id: '164.312(c)(1)',
    title: 'Integrity of stored ePHI',
    appliesTo: (scope) => scopeOf(scope).records.filter(ofRecord).map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const h of phiScope(ctx.design, ctx.shared).records) {
      if (!ofRecord(h)) continue;
      const { component: c, assets } = h;
      if (c.integrity === undefined) {
        reportGap(ctx, { subject: componentRef(c), field: 'integrity', why: `so improper alteration or destruction of the ePHI it keeps (${assets.join(', ')}) is prevented or detected`, evidence: { data: assets.join(', ') } });
      } else if (c.integrity.length === 0) {
        ctx.report({ subject: componentRef(c), field: ['integrity'], message: `${c.id} keeps ePHI (${assets.join(', ')}) with no integrity mechanism.`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
