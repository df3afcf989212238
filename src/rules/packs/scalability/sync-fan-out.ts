import type { WorkloadNode } from '../../../model/design.js';
import { defineRule } from '../../types.js';
import { hotComponents } from './load-share.js';
import { describeLoad, HOT_SHARE_OPTION, sharePercent, sharesOf } from './shared.js';

export default defineRule({
  id: 'scalability/sync-fan-out',
  severity: 'warning',
  summary: 'On the hot path, a step fans out synchronously: it calls one component several times, or several components, per request.',
  rationale:
    'Synchronous fan-out multiplies: a caller that waits for k calls per request adds their latencies (or waits for the slowest), sends k times its own load downstream, and fails when any of them fails. On the hot path this is where latency targets and capacity go first. Batch repeated calls, cache, or make the calls asynchronous.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth; Keep It Simple',
    'Microsoft Azure Architecture Center, Chatty I/O antipattern',
    'Dean & Barroso, "The Tail at Scale", Communications of the ACM 56(2), 2013',
  ],
  fix: 'Batch the repeated calls into one (`calls: 1`), cache the answer, or mark the step `async: true` if the caller need not wait.',
  options: {
    hotShare: { ...HOT_SHARE_OPTION, description: `${HOT_SHARE_OPTION.description} Steps of hot components count as the hot path on every workload; every step of the busiest workload counts too.` },
    maxSyncChildren: { default: 2, description: 'Distinct synchronous calls one step may make per request before it counts as fan-out.' },
  },
  check(ctx) {
    const { design } = ctx;
    const shares = sharesOf(ctx);
    const hot = hotComponents(shares, ctx.options.hotShare as number);
    const maxChildren = ctx.options.maxSyncChildren as number;
    let busiest = 0;
    for (const rate of shares.workloadRates.values()) busiest = Math.max(busiest, rate);
    for (const w of design.workloads) {
      // The hot path: every step of the busiest workload, and hot components on any workload.
      const onBusiest = busiest > 0 && shares.workloadRates.get(w.id) === busiest;
      for (const node of w.nodes) {
        if (!onBusiest && !hot.has(node.component)) continue;
        const sync = node.children.filter((child: WorkloadNode) => !child.async);
        const repeated = sync.filter((child) => child.calls > 1);
        if (repeated.length === 0 && sync.length <= maxChildren) continue;
        const load = shares.byComponent.get(node.component);
        const share = sharePercent(load);
        const busy = describeLoad(load);
        for (const child of repeated) {
          ctx.report({
            subject: { kind: 'workload', id: w.id },
            source: child.source,
            detail: `${node.component}->${child.component}`,
            message: `On workload ${w.id}, ${node.component} (${busy}) waits for ${child.calls} calls to ${child.component} per request.`,
            evidence: { workload: w.id, caller: node.component, callee: child.component, calls: child.calls, share },
          });
        }
        if (sync.length > maxChildren) {
          ctx.report({
            subject: { kind: 'workload', id: w.id },
            source: node.source,
            detail: node.component,
            message: `On workload ${w.id}, ${node.component} (${busy}) waits for ${sync.length} different components per request (${sync.map((c) => c.component).join(', ')}).`,
            evidence: { workload: w.id, caller: node.component, syncCalls: sync.length, share },
          });
        }
      }
    }
  },
});
