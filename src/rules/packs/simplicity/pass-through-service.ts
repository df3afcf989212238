import { component } from '../../../model/design.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'simplicity/pass-through-service',
  severity: 'info',
  summary: 'A service that only forwards: one synchronous call in, one out, nothing of its own.',
  rationale:
    'A service with one caller and one callee, no requirement its neighbours do not already serve and no data of its own adds a network hop, a deployment and an on-call surface while doing nothing the design can name. Adapters (`adapterFor`) are not judged: translating is their job.',
  citations: ['Guide §3 Keep It Simple (avoid overengineering)'],
  fix: 'Let the caller call the target directly and remove the service, or write down what it does: the requirement it serves (`serves:`) or the data it holds (`stores:`, `uses:`).',
  check(ctx) {
    const { design } = ctx;
    for (const c of design.components) {
      if (c.kind !== 'service' || c.adapterFor || c.stores.length > 0 || c.uses.length > 0) continue;
      const ins = design.linksTo.get(c.id) ?? [];
      const outs = design.linksFrom.get(c.id) ?? [];
      if (ins.length !== 1 || outs.length !== 1 || ins[0] === outs[0] || ins[0].mode !== 'sync' || outs[0].mode !== 'sync') continue;
      const neighbourServes = new Set([...(component(design, ins[0].from)?.serves ?? []), ...(component(design, outs[0].to)?.serves ?? [])]);
      if (c.serves.some((r) => !neighbourServes.has(r))) continue;
      ctx.report({
        subject: { kind: 'component', id: c.id },
        message: `Service ${c.id} only forwards calls from ${ins[0].from} to ${outs[0].to}, with no requirement or data of its own.`,
        evidence: { from: ins[0].from, to: outs[0].to, serves: c.serves.length },
      });
    }
  },
});
