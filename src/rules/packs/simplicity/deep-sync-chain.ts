import { chainFrom, longestChains } from '../../graph.js';
import { defineRule } from '../../types.js';
import { subjectOf, syncCalls } from './sync-calls.js';

/** Ids shown in a finding's chain; longer chains are elided in the middle of the text. */
const SHOWN = 12;

export default defineRule({
  id: 'simplicity/deep-sync-chain',
  severity: 'warning',
  summary: 'A synchronous call chain deeper than the limit (option maxDepth, default 5).',
  rationale:
    'Every synchronous hop adds its latency, its failure rate and its timeout to the request. A deep chain makes the slowest, least available service set the pace for all, and a request fails if any link fails. Depth is counted in calls between the parts we build, from the first of them (a frontend\'s or a chat platform\'s call in is where a chain starts, not a hop of it); a cycle counts as one step.',
  citations: ['Guide §3 Keep It Simple', 'Guide §3 Plan for Growth'],
  fix: 'Flatten the chain: let the caller call the services it needs in parallel, make calls whose answer is not needed asynchronous, or merge services that always run together.',
  options: {
    maxDepth: { default: 5, description: 'The most synchronous calls one chain may make in a row.' },
  },
  check(ctx) {
    const maxDepth = Number(ctx.options.maxDepth);
    const { graph, scc } = syncCalls(ctx);
    const chains = longestChains(graph, scc);
    const entered = new Uint8Array(scc.components.length);
    graph.out.forEach((outs, v) => {
      for (const w of outs) if (scc.componentOf[w] !== scc.componentOf[v]) entered[scc.componentOf[w]] = 1;
    });
    scc.components.forEach((members, comp) => {
      const depth = chains.length[comp];
      if (entered[comp] || depth <= maxDepth) return;
      let start = members[0];
      for (const m of members) if (graph.ids[m] < graph.ids[start]) start = m;
      const ids = chainFrom(scc, chains, start, SHOWN).map((i) => graph.ids[i]);
      const chain = ids.join(' → ') + (depth + 1 > ids.length ? ` → … (${depth + 1 - ids.length} more)` : '');
      ctx.report({
        subject: subjectOf(ctx.design, graph.ids[start]),
        message: `A chain of ${depth} synchronous calls starts at ${graph.ids[start]}, deeper than the limit of ${maxDepth}: ${chain}.`,
        evidence: { depth, maxDepth, chain },
      });
    });
  },
});
