import type { Component, Design } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { isCredential } from '../../sensitivity.js';

/** Data a component passes on over its own links. */
function passedOn(design: Design, c: Component): Set<string> {
  const out = new Set<string>();
  for (const link of design.linksFrom.get(c.id) ?? []) for (const d of link.carries) out.add(d);
  return out;
}

export default defineRule({
  id: 'security/unnecessary-data-transfer',
  severity: 'warning',
  summary: 'A link carries data its receiver neither stores, uses nor passes on.',
  rationale:
    'Every copy of data is another place it can leak from and another system in scope for audits, access requests and erasure. Data sent to a component that does nothing with it widens exposure for no benefit — usually a payload that grew by habit ("send the whole record"). Send only what the receiver needs. A receiver that declares no `stores`, `uses` or onward links is reported once, as a gap.',
  citations: [
    'NIST SP 800-53 Rev. 5 SI-12(1) Limit Personally Identifiable Information Elements; AC-4 Information Flow Enforcement',
    'OWASP ASVS 4.0.3 V1.8.2 (protection requirements for each protection level are applied in the architecture)',
    'GDPR Art. 5(1)(c) data minimisation ("adequate, relevant and limited to what is necessary")',
    'Guide §2 Determine Functionality ("avoid adding unnecessary features"); Guide §4 Protect Data',
  ],
  fix: 'Drop the data from the link (`carries:`) or, if the receiver does need it, add it to the receiver\'s `uses:` or `stores:`.',
  check(ctx) {
    const { design } = ctx;
    // Built only for receivers of data they do not declare: most carried data is in the receiver's `uses` or `stores`.
    const onwardOf = new Map<Component, Set<string>>();
    const undeclared = new Set<Component>();
    for (const link of design.links) {
      if (link.carries.length === 0) continue;
      // External parties and existing systems do not declare what they use.
      if (link.toEnd.kind !== 'component' || link.toEnd.element.kind === 'external') continue;
      const receiver = link.toEnd.element;
      for (let i = 0; i < link.carries.length; i++) {
        const id = link.carries[i];
        if (receiver.uses.includes(id) || receiver.stores.includes(id)) continue;
        let onward = onwardOf.get(receiver);
        if (!onward) onwardOf.set(receiver, (onward = passedOn(design, receiver)));
        if (onward.has(id)) continue;
        const asset = design.byId.get(id);
        // A secrets store holds the credentials sent to it by definition.
        if (asset?.kind !== 'data' || (receiver.kind === 'secrets' && isCredential(asset.element))) continue;
        if (onward.size === 0 && receiver.uses.length === 0 && receiver.stores.length === 0) {
          if (undeclared.has(receiver)) continue;
          undeclared.add(receiver);
          ctx.report({
            subject: { kind: 'component', id: receiver.id },
            field: ['id'],
            detail: 'uses',
            message: `${receiver.id} receives ${id} (over ${link.id}) but declares no data it stores, uses or passes on: not stated: add \`uses\` or \`stores\`.`,
            evidence: { component: receiver.id, firstLink: link.id },
          });
          continue;
        }
        ctx.report({
          subject: { kind: 'link', id: link.id },
          field: ['carries', i],
          detail: id,
          message: `Link ${link.id} sends ${id} to ${receiver.id}, which neither stores, uses nor passes it on.`,
          evidence: { link: link.id, data: id, receiver: receiver.id },
        });
      }
    }
  },
});
