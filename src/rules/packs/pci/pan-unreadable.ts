import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { pciScope, scopeOf } from './scope.js';

/** encryptedAtRest values that render PAN unreadable under Req. 3.5.1. */
const UNREADABLE = new Set(['field', 'tokenised', 'hashed']);

export default defineComplianceRule({
  id: 'pci/pan-unreadable',
  severity: 'error',
  regime: 'pci',
  summary: 'PAN stored readable, or protected only by disk-level encryption.',
  rationale:
    'PCI DSS v4.0.1 Req. 3.5.1: PAN is rendered unreadable anywhere it is stored, by a keyed hash of the entire PAN, truncation, index tokens or strong cryptography. Req. 3.5.1.2: disk- or partition-level encryption counts only on removable media; on other media "PAN is also rendered unreadable via another mechanism that meets Requirement 3.5.1", because disk encryption hands clear-text PAN to anyone the running system lets read it.',
  citations: ['PCI DSS v4.0.1 Req. 3.5.1', 'PCI DSS v4.0.1 Req. 3.5.1.1', 'PCI DSS v4.0.1 Req. 3.5.1.2'],
  fix: 'Set `encryptedAtRest:` to field (application or column encryption), tokenised, or hashed (a keyed hash of the whole PAN) on every store of PAN, logs and backups included.',
  control: {
    id: '3.5.1, 3.5.1.2',
    title: 'PAN unreadable wherever stored',
    appliesTo: (scope) => scopeOf(scope).panStores.map((h) => componentRef(h.component)),
  },
  check(ctx) {
    for (const { component: c, assets } of pciScope(ctx.design, ctx.shared).panStores) {
      const subject = componentRef(c);
      const at = c.encryptedAtRest;
      if (typeof at === 'string' && UNREADABLE.has(at)) continue;
      if (at === undefined) {
        reportGap(ctx, { subject, field: 'encryptedAtRest', why: `(field, tokenised or hashed) so the PAN it keeps (${assets.join(', ')}) is unreadable`, evidence: { data: assets.join(', ') }, severity: 'error' });
      } else if (at === true) {
        reportGap(ctx, {
          subject, field: 'encryptedAtRest',
          why: `as field, tokenised or hashed rather than true: the PAN it keeps (${assets.join(', ')}) must be unreadable by a Req. 3.5.1 mechanism, and disk-level encryption alone does not count (3.5.1.2)`,
          evidence: { data: assets.join(', '), encryptedAtRest: 'true' },
        });
      } else {
        ctx.report({
          subject, field: ['encryptedAtRest'],
          message: at === 'disk'
            ? `${c.id} protects the PAN it keeps (${assets.join(', ')}) only with disk-level encryption, which leaves it readable to the running system.`
            : `${c.id} keeps PAN (${assets.join(', ')}) readable, with no encryption at rest.`,
          evidence: { data: assets.join(', '), encryptedAtRest: String(at) },
        });
      }
    }
  },
});
