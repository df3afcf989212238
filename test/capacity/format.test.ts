import { describe, expect, it } from 'vitest';
import { analyseCapacity } from '../../src/capacity/analyse.js';
import { formatCapacityJson, formatCapacityMarkdown, formatCapacityText } from '../../src/capacity/format.js';
import { designOf } from '../helpers.js';

const design = (workloads: number) => designOf({
  system: { name: 'S', constraints: { budget: { monthly: 100, currency: 'EUR' } } },
  components: [
    { id: 'api', kind: 'service', serviceTime: '10ms', concurrency: 1, instances: { min: 1, max: 2 }, cost: { perInstanceMonthly: 40 } },
    { id: 'ext', kind: 'external' },
  ],
  workloads: Array.from({ length: workloads }, (_, i) => ({ id: `w${i}`, rate: `${100 / workloads}/s`, growth: '10%/month', horizon: '12 months', path: ['api'] })),
});

describe('capacity output', () => {
  it('marks saturation in colour and lists what the horizon brings', () => {
    const report = analyseCapacity(design(1));
    const red = (t: string) => `<red>${t}</red>`;
    const text = formatCapacityText(report, { bold: (t) => t, dim: (t) => t, yellow: (t) => t, red });
    const saturates = report.growth.components[0].saturatesMonth!;
    expect(text).toMatch(new RegExp(`^api .*<red>${saturates}</red>$`, 'm'));
    expect(text).toContain(`api saturates in month ${saturates}`);
    expect(text).toContain(`over the 100 budget`);
    expect(text).toMatch(/Not modelled \(no serviceTime or capacity\): ext/);
  });

  it('shows one load column per workload, or the total when there are many', () => {
    expect(formatCapacityText(analyseCapacity(design(2)))).toMatch(/^month\s+w0 req\/s\s+w1 req\/s/m);
    expect(formatCapacityText(analyseCapacity(design(6)))).toMatch(/^month\s+open req\/s\s+instances needed/m);
  });

  it('writes Markdown tables with a row per modelled component', () => {
    const report = analyseCapacity(design(1));
    const api = report.components.find((c) => c.id === 'api')!;
    const md = formatCapacityMarkdown(report);
    expect(md).toContain(`\n| api | ${api.instances}/${api.instancesMax} |`);
    expect(md).not.toMatch(/^\| ext \|/m);
  });

  it('writes unbounded values as null in JSON', () => {
    const report = analyseCapacity(design(1), { month: 12 });
    expect(report.workloads[0].latency.p99).toBe(Infinity);
    expect(JSON.parse(formatCapacityJson(report)).workloads[0].latency.p99).toBeNull();
  });
});
