import type { Component } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { pciScope, scopeOf, type PciScope } from './scope.js';

/** Users who are personnel: they work on the system rather than pay through it. */
const PERSONNEL = new Set(['operator', 'admin', 'developer']);

interface Entry {
  component: Component;
  /** Indexes of the interfaces personnel use. */
  interfaces: number[];
  who: string;
}

/** Where personnel enter the CDE: CDE components they use or administer, and consoles of theirs that call into the CDE. */
function entries(design: { links: { from: string; to: string }[] }, scope: PciScope): Entry[] {
  const cde = new Set(scope.cde.map((c) => c.id));
  const callsIntoCde = new Set(design.links.filter((l) => cde.has(l.to) && !cde.has(l.from)).map((l) => l.from));
  const out: Entry[] = [];
  for (const c of scope.map.components.values()) {
    if (c.kind === 'external') continue;
    const staff = (scope.map.usersOf.get(c.id) ?? []).filter((u) => PERSONNEL.has(u.kind)).map((u) => u.id);
    const admin = c.exposes.map((iface, i) => (iface.admin ? i : -1)).filter((i) => i >= 0);
    if (cde.has(c.id) && (staff.length > 0 || admin.length > 0)) {
      out.push({ component: c, interfaces: staff.length > 0 ? c.exposes.map((_, i) => i) : admin, who: staff.join(', ') || 'administrators' });
    } else if (!cde.has(c.id) && staff.length > 0 && callsIntoCde.has(c.id)) {
      out.push({ component: c, interfaces: c.exposes.map((_, i) => i), who: staff.join(', ') });
    }
  }
  return out;
}

export default defineComplianceRule({
  id: 'pci/mfa-into-cde',
  severity: 'error',
  regime: 'pci',
  summary: 'Personnel reach the cardholder data environment without multi-factor authentication.',
  rationale:
    'PCI DSS v4.0.1 Req. 8.4.2: "MFA is implemented for all non-console access into the CDE" (application and system accounts performing automated functions excepted). An admin interface of a CDE component, or a staff console that calls into the CDE, is such access.',
  citations: ['PCI DSS v4.0.1 Req. 8.4.2', 'PCI DSS v4.0.1 Req. 8.4.1'],
  fix: 'Set `mfa: true` on the interfaces personnel use to reach the CDE.',
  control: {
    id: '8.4.2',
    title: 'MFA for all access into the CDE',
    appliesTo: (scope) => entries(scope.design, scopeOf(scope)).map((e) => componentRef(e.component)),
  },
  check(ctx) {
    for (const { component: c, interfaces, who } of entries(ctx.design, pciScope(ctx.design, ctx.shared))) {
      const subject = componentRef(c);
      for (const i of interfaces) {
        const iface = c.exposes[i];
        if (iface.mfa === undefined) {
          reportGap(ctx, { subject, field: `exposes.${i}.mfa`, why: `to the ${iface.protocol} interface ${who} use to reach the cardholder data environment`, evidence: { users: who }, severity: 'error' });
        } else if (!iface.mfa) {
          ctx.report({
            subject, field: ['exposes', i, 'mfa'], detail: `exposes-${i}`,
            message: `${who} reach the cardholder data environment through ${c.id} (${iface.protocol}) without multi-factor authentication.`,
            evidence: { users: who, protocol: iface.protocol, auth: iface.auth ?? 'not stated' },
          });
        }
      }
    }
  },
});
