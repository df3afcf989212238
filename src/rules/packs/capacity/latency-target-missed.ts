import { defineRule } from '../../types.js';
import { capacityOf, percent, seconds, whenMonth } from './shared.js';

const FIELD = { mean: 'latencyMean', p50: 'latencyP50', p95: 'latencyP95', p99: 'latencyP99' } as const;

export default defineRule({
  id: 'capacity/latency-target-missed',
  severity: 'warning',
  summary: 'The predicted latency of a workload misses the target its quality requirement states, now or within the horizon.',
  rationale:
    'A latency target that the design cannot meet on paper will not be met in production. The capacity model sums the time each synchronous step of the workload spends queueing and being served (Erlang C per component, percentiles from the path\'s distribution) at each month\'s peak load, and compares it with the requirement. A miss today is a design error; a miss later is the month by which something on the path must change.',
  citations: [
    'Guide §2 Best Practices for Research and Planning: Set Requirements; Understand User Needs',
    'Guide §3 Scalability Considerations: Plan for Growth',
  ],
  fix: 'Shorten the path or the service time of its bottleneck, add instances or concurrency where the queueing delay is, or make steps the caller does not need asynchronous.',
  check(ctx) {
    const report = capacityOf(ctx);
    for (const t of report.targets) {
      if (t.firstMissedMonth === undefined) continue;
      const now = !t.met;
      const where = t.bottleneck ? ` (busiest on the path: ${t.bottleneck.component} at ${percent(t.bottleneck.utilisation)})` : '';
      const predicted = now ? t.predicted : (t.predictedAtMiss ?? t.predicted);
      const saturated = !Number.isFinite(predicted) && t.bottleneck
        ? `, when ${t.bottleneck.component} saturates (${percent(t.bottleneck.utilisation)})`
        : ` (${seconds(predicted)})${where}`;
      const message = now
        ? `${t.requirement} asks ${t.metric} ≤ ${seconds(t.target)} for ${t.workload}; the model predicts ${seconds(t.predicted)} at ${whenMonth(report.month)}${Number.isFinite(t.predicted) ? where : saturated}.`
        : `${t.requirement} asks ${t.metric} ≤ ${seconds(t.target)} for ${t.workload}; met at ${whenMonth(report.month)} (${seconds(t.predicted)}) but missed from month ${t.firstMissedMonth}${saturated}.`;
      ctx.report({
        subject: { kind: 'requirement', id: t.requirement },
        field: ['target', FIELD[t.metric]],
        detail: t.metric,
        severity: now ? 'error' : 'warning',
        message,
        evidence: {
          workload: t.workload,
          metric: t.metric,
          target: seconds(t.target),
          predicted: seconds(predicted),
          month: now ? report.month : t.firstMissedMonth,
          ...(t.bottleneck ? { bottleneck: t.bottleneck.component, bottleneckUtilisation: percent(t.bottleneck.utilisation) } : {}),
        },
      });
    }
  },
});
