import { parseDuration } from '../../../model/units.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { personalScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'gdpr/storage-limitation',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'A store of personal data (database, log, cache, queue or backup) with no retention, or one longer than the data\'s own.',
  rationale:
    'Personal data must be "kept in a form which permits identification of data subjects for no longer than is necessary" (Art. 5(1)(e)). Every copy counts: logs, caches, queues and backups keep data long after the main table deletes it unless each states and enforces its own limit. The record of processing must also give "the envisaged time limits for erasure" (Art. 30(1)(f)).',
  citations: ['GDPR Art. 5(1)(e)', 'GDPR Art. 30(1)(f)'],
  fix: 'Add `retention:` to the store (and `backup.retention:` to its backups), no longer than the `retention:` of the data it holds.',
  control: {
    id: 'Art. 5(1)(e)',
    title: 'Storage limitation on every store of personal data',
    appliesTo: (scope) => scopeOf(scope).stores.map((s) => componentRef(s.component)),
  },
  check(ctx) {
    const { stores, map } = personalScope(ctx.design, ctx.shared);
    const policiesOf = (assets: readonly string[]) =>
      assets.map((id) => ({ id, seconds: map.assets.get(id)?.retentionSeconds, text: map.assets.get(id)?.retention }));
    // Stores holding the same data share one list of it (see holdersOf), so the longest policy is found once per list.
    const longestOf = new Map<readonly string[], ReturnType<typeof policiesOf>[number] | undefined>();
    for (const { component: c, assets } of stores) {
      const subject = componentRef(c);
      if (!longestOf.has(assets)) {
        const policies = policiesOf(assets);
        // A store has one retention for everything it holds, so it can only be judged against the longest
        // policy among its data, and only when every asset states one.
        longestOf.set(assets, policies.every((p) => p.seconds !== undefined)
          ? policies.reduce((a, b) => (b.seconds! > a.seconds! ? b : a))
          : undefined);
      }
      const longest = longestOf.get(assets);
      if (c.retention === undefined) {
        const stated = policiesOf(assets).filter((p) => p.text !== undefined);
        const policyNote = stated.length > 0 ? ` (${stated.map((p) => `${p.id} is to be kept ${p.text}`).join(', ')})` : '';
        reportGap(ctx, {
          subject,
          field: 'retention',
          why: `so the personal data it holds (${assets.join(', ')}) is kept no longer than necessary${policyNote}`,
          evidence: { kind: c.kind, data: assets.join(', ') },
        });
      } else if (longest && c.retentionSeconds! > longest.seconds!) {
        ctx.report({
          subject,
          field: ['retention'],
          message: `${c.id} keeps data for ${c.retention}, longer than any of the data it holds may be kept (${longest.id}: ${longest.text}).`,
          evidence: { retention: c.retention, data: longest.id, dataRetention: longest.text! },
          detail: 'longer-than-data',
        });
      }
      if (!c.backup) continue;
      if (c.backup.retention === undefined) {
        reportGap(ctx, {
          subject,
          field: 'backup.retention',
          why: `so backups of ${assets.join(', ')} expire too (erased data otherwise lives on in them)`,
          evidence: { data: assets.join(', ') },
        });
      } else if (longest && (parseDuration(c.backup.retention) ?? 0) > longest.seconds!) {
        ctx.report({
          subject,
          field: ['backup', 'retention'],
          message: `Backups of ${c.id} are kept ${c.backup.retention}, longer than any of the data they hold may be kept (${longest.id}: ${longest.text}).`,
          evidence: { backupRetention: c.backup.retention, data: longest.id, dataRetention: longest.text! },
          detail: 'backup-longer-than-data',
        });
      }
    }
  },
});
