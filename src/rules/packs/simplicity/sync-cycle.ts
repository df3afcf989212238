import { cycleThrough } from '../../graph.js';
import { defineRule } from '../../types.js';
import { subjectOf, syncCalls } from './sync-calls.js';

export default defineRule({
  id: 'simplicity/sync-cycle',
  severity: 'error',
  summary: 'Synchronous calls that go round in a cycle.',
  rationale:
    'When A waits for B and B (directly or through others) waits for A, a slow call anywhere in the loop holds threads at every step, timeouts and retries multiply around it, and one overloaded service can stall all of them. Cycles also make components impossible to deploy, test or scale on their own. Each cycle is reported once, on the member with the smallest id.',
  citations: ['Guide §3 Keep It Simple', 'Guide §3 Plan for Growth (isolate components)'],
  fix: 'Break the cycle: make one direction asynchronous (an event or queue), move the shared logic into one of the services, or have the caller pass what the callee would call back for.',
  check(ctx) {
    const { graph, scc } = syncCalls(ctx);
    scc.components.forEach((members, comp) => {
      if (!scc.cyclic[comp]) return;
      let first = members[0];
      for (const m of members) if (graph.ids[m] < graph.ids[first]) first = m;
      const cycle = cycleThrough(graph, scc, first).map((i) => graph.ids[i]);
      const shown = [...cycle, cycle[0]].join(' → ');
      const others = members.length > cycle.length ? ` (${members.length} components are caught in cycles together)` : '';
      ctx.report({
        subject: subjectOf(ctx.design, graph.ids[first]),
        message: `Synchronous calls go round in a cycle: ${shown}${others}.`,
        evidence: { cycle: shown, components: members.length },
      });
    });
  },
});
