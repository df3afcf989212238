import type { Link } from '../../../model/design.js';
import { defineComplianceRule } from '../compliance/control.js';
import { linkRef } from '../compliance/refs.js';
import { reportGap } from '../compliance/report.js';
import { phiScope, scopeOf, type PhiScope } from './scope.js';

/** Links that reach ePHI: they carry it, or they lead into one of our components keeping it. */
function links(design: { links: Link[] }, scope: PhiScope): { link: Link; assets: readonly string[] }[] {
  const carrying = new Map(scope.links.map((l) => [l.link.id, l.assets]));
  const stores = new Map(scope.stores.map((s) => [s.component.id, s.assets]));
  const out: { link: Link; assets: readonly string[] }[] = [];
  for (const link of design.links) {
    const assets = carrying.get(link.id) ?? stores.get(link.to);
    if (assets && scope.map.components.get(link.to)?.kind !== 'external') out.push({ link, assets });
  }
  return out;
}

export default defineComplianceRule({
  id: 'hipaa/entity-authentication',
  severity: 'error',
  regime: 'hipaa',
  summary: 'A call that reaches ePHI without authenticating the caller.',
  rationale:
    '45 CFR 164.312(d) requires procedures "to verify that a person or entity seeking access to electronic protected health information is the one claimed". Between services the entity is the calling service: a link into a component holding ePHI, or carrying ePHI, must authenticate it.',
  citations: ['HIPAA 45 CFR 164.312(d)'],
  fix: 'State `auth:` on the link (mtls, oauth2 client credentials, iam, …).',
  control: {
    id: '164.312(d)',
    title: 'Person or entity authentication',
    appliesTo: (scope) => links(scope.design, scopeOf(scope)).map((l) => linkRef(l.link)),
  },
  check(ctx) {
    for (const { link, assets } of links(ctx.design, phiScope(ctx.design, ctx.shared))) {
      if (link.auth === undefined) {
        reportGap(ctx, { subject: linkRef(link), field: 'auth', why: `so ${link.to} can verify that ${link.from} is who it claims before ePHI (${assets.join(', ')}) changes hands`, evidence: { data: assets.join(', ') } });
      } else if (link.auth === 'none') {
        ctx.report({ subject: linkRef(link), field: ['auth'], message: `${link.from} reaches ePHI (${assets.join(', ')}) in ${link.to} without authenticating.`, evidence: { data: assets.join(', ') } });
      }
    }
  },
});
