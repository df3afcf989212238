import type { Design } from '../../../model/design.js';
import { parseDuration } from '../../../model/units.js';
import { defineComplianceRule } from '../compliance/control.js';
import { ONE_MONTH_SECONDS } from '../compliance/data-map.js';
import { componentRef } from '../compliance/refs.js';
import { listOf, reportGap, SYSTEM } from '../compliance/report.js';
import { personalScope, scopeOf } from './scope.js';

type Right = 'access' | 'erasure' | 'export';
const RIGHTS: Right[] = ['access', 'erasure', 'export'];
/** Art. 20(1)(a): portability covers data processed on consent or contract. */
const PORTABLE_BASES = new Set(['consent', 'contract']);

/** Components reachable over links from any component serving the right (multi-source BFS, linear). */
function reachedBy(design: Design, right: Right): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const c of design.components) {
    if (c.subjectRights?.includes(right)) {
      seen.add(c.id);
      queue.push(c.id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const link of design.linksFrom.get(queue[i]) ?? []) {
      if (!seen.has(link.to)) {
        seen.add(link.to);
        queue.push(link.to);
      }
    }
  }
  return seen;
}

export default defineComplianceRule({
  id: 'gdpr/subject-rights',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'A store of personal data that no access, erasure or export path reaches.',
  rationale:
    'Data subjects have the right of access (Art. 15), to erasure (Art. 17) and to data portability (Art. 20), to be answered within one month (Art. 12(3)). A request can only be honoured for data the request path can find: a store that no component serving those requests reaches over links is where a subject\'s data is silently left behind.',
  citations: ['GDPR Art. 15(1)', 'GDPR Art. 17(1)', 'GDPR Art. 20(1)', 'GDPR Art. 12(3)'],
  fix: 'Declare `subjectRights: [access, erasure, export]` on the component that serves data-subject requests and link it to every store of personal data (or declare them on the store itself).',
  options: {
    expiryCountsAsErasure: { default: '30d', description: 'A store whose retention is at most this long erases data by expiry within the Art. 12(3) response time.' },
  },
  control: {
    id: 'Art. 15, 17, 20',
    title: 'Access, erasure and export reach every store of personal data',
    appliesTo: (scope) => scopeOf(scope).records.map((s) => componentRef(s.component)),
  },
  check(ctx) {
    const { records, map } = personalScope(ctx.design, ctx.shared);
    if (records.length === 0) return;
    const servers = ctx.design.components.filter((c) => c.subjectRights && c.subjectRights.length > 0);
    if (servers.length === 0) {
      reportGap(ctx, {
        subject: SYSTEM,
        field: 'subjectRights',
        why: `on the component that serves data-subject requests: no component does, so none of the ${records.length} stores of personal data (${listOf(records.map((r) => r.component.id))}) has an access, erasure or export path`,
        evidence: { stores: records.map((r) => r.component.id).join(', ') },
      });
      return;
    }
    const reach = new Map(RIGHTS.map((r) => [r, reachedBy(ctx.design, r)]));
    const expiry = parseDuration(String(ctx.options.expiryCountsAsErasure)) ?? ONE_MONTH_SECONDS;
    for (const { component: c, assets } of records) {
      const portable = assets.some((id) => {
        const a = map.assets.get(id);
        const bases = [a?.lawfulBasis, ...(a?.purposes ?? []).map((p) => p.lawfulBasis)].filter(Boolean);
        return bases.length === 0 || bases.some((b) => PORTABLE_BASES.has(b!));
      });
      const missing = RIGHTS.filter((right) => {
        if (reach.get(right)!.has(c.id)) return false;
        if (right === 'export' && !portable) return false;
        if (right === 'erasure' && c.retentionSeconds !== undefined && c.retentionSeconds <= expiry) return false;
        return true;
      });
      if (missing.length === 0) continue;
      ctx.report({
        subject: componentRef(c),
        message: `No ${listOf(missing, 'or')} path reaches ${c.id}, which holds personal data (${assets.join(', ')}): requests served by ${listOf(servers.map((s) => s.id))} would miss it.`,
        evidence: { rightsWithoutPath: missing.join(', '), data: assets.join(', '), servedBy: servers.map((s) => s.id).join(', ') },
      });
    }
  },
});
