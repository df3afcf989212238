import { isSpecialCategory } from '../compliance/classify.js';
import { defineComplianceRule } from '../compliance/control.js';
import { componentRef, linkRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { transportOf } from '../compliance/transport.js';
import { personalScope, scopeOf } from './scope.js';

export default defineComplianceRule({
  id: 'gdpr/encryption',
  severity: 'warning',
  regime: 'gdpr',
  summary: 'Personal data stored, backed up or sent without encryption.',
  rationale:
    'Art. 32(1)(a) names "the pseudonymisation and encryption of personal data" as a measure to ensure security appropriate to the risk; Art. 34(3)(a) spares the controller from telling every data subject about a breach when the data were unintelligible to the attacker, "such as encryption". Special-category data raises the risk, so those findings are errors.',
  citations: ['GDPR Art. 32(1)(a)', 'GDPR Art. 5(1)(f)', 'GDPR Art. 34(3)(a)'],
  fix: 'Set `encryptedAtRest:` on the store, `backup.encrypted: true` on its backups, and `tls:` on links carrying personal data.',
  control: {
    id: 'Art. 32(1)(a)',
    title: 'Encryption of personal data at rest and in transit',
    appliesTo: (scope) => {
      const s = scopeOf(scope);
      return [...s.stores.map((h) => componentRef(h.component)), ...s.links.map((l) => linkRef(l.link))];
    },
  },
  check(ctx) {
    const { stores, links, map } = personalScope(ctx.design, ctx.shared);
    const special = (ids: readonly string[]) => ids.some((id) => isSpecialCategory(map.assets.get(id)!));
    for (const { component: c, assets } of stores) {
      const subject = componentRef(c);
      const severity = special(assets) ? 'error' : 'warning';
      if (c.encryptedAtRest === undefined) {
        reportGap(ctx, { subject, field: 'encryptedAtRest', why: `so it is clear whether the personal data it holds (${assets.join(', ')}) is encrypted at rest`, evidence: { data: assets.join(', ') } });
      } else if (c.encryptedAtRest === false) {
        ctx.report({ subject, field: ['encryptedAtRest'], severity, message: `${c.id} stores personal data (${assets.join(', ')}) unencrypted at rest.`, evidence: { data: assets.join(', ') }, detail: 'at-rest' });
      }
      if (!c.backup) continue;
      if (c.backup.encrypted === undefined) {
        reportGap(ctx, { subject, field: 'backup.encrypted', why: `so it is clear whether backups of ${assets.join(', ')} are encrypted`, evidence: { data: assets.join(', ') } });
      } else if (!c.backup.encrypted) {
        ctx.report({ subject, field: ['backup', 'encrypted'], severity, message: `Backups of ${c.id} hold personal data (${assets.join(', ')}) unencrypted.`, evidence: { data: assets.join(', ') }, detail: 'backup' });
      }
    }
    for (const { link, assets } of links) {
      const transport = transportOf(link);
      if (transport === 'encrypted') continue;
      const subject = linkRef(link);
      if (transport === 'unknown') {
        reportGap(ctx, { subject, field: 'tls', why: `so it is clear whether the personal data it carries (${assets.join(', ')}) is encrypted in transit`, evidence: { protocol: link.protocol, data: assets.join(', ') } });
      } else {
        ctx.report({
          subject, field: ['tls'], severity: special(assets) ? 'error' : 'warning',
          message: `${link.id} carries personal data (${assets.join(', ')}) over ${link.protocol} without encryption.`,
          evidence: { protocol: link.protocol, tls: link.tls ?? 'not stated', data: assets.join(', ') },
        });
      }
    }
  },
});
