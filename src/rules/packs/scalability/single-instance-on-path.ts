import type { Design, Element } from '../../../model/design.js';
import { defineRule } from '../../types.js';

interface Dependency {
  /** The first workload whose path (or a synchronous dependency of it) reaches the component. */
  workload: string;
  /** The component that calls it synchronously, when it is not on the path itself. */
  via?: string;
  /** What the id names, kept so that the check needs no second lookup. */
  element?: Element;
}

/**
 * Components each workload depends on: its path, plus everything reached from
 * the path over synchronous links (a caller waits for them, so their failure
 * fails the request). One breadth-first pass over components and links.
 */
function pathDependencies(design: Design): Map<string, Dependency> {
  const out = new Map<string, Dependency>();
  const queue: string[] = [];
  for (const w of design.workloads) {
    for (const node of w.nodes) {
      if (out.has(node.component)) continue;
      out.set(node.component, { workload: w.id, element: design.byId.get(node.component) });
      queue.push(node.component);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    const from = out.get(id)!;
    for (const link of design.linksFrom.get(id) ?? []) {
      if (link.mode !== 'sync' || out.has(link.to)) continue;
      out.set(link.to, { workload: from.workload, via: id, element: link.toEnd });
      queue.push(link.to);
    }
  }
  return out;
}

export default defineRule({
  id: 'scalability/single-instance-on-path',
  severity: 'warning',
  summary: 'A component that a workload depends on runs as a single instance.',
  rationale:
    'One instance is one deploy, one crash or one node drain away from an outage of every request that passes through it, and it cannot absorb a peak. Components on a workload\'s path — or called synchronously from it — need at least two instances (or a managed failover) unless the design accepts the downtime. When `instances` is not stated the count is unknown, which is reported once as a gap.',
  citations: [
    'Guide §3 Scalability Considerations: Plan for Growth',
    'NIST SP 800-53 Rev. 5 CP-2 Contingency Plan; SC-36 Distributed Processing and Storage',
    'AWS Well-Architected Framework, Reliability Pillar REL10-BP01 Deploy the workload to multiple locations',
  ],
  fix: 'Run at least two instances (`instances: { min: 2, max: … }`), or record the accepted downtime as a risk.',
  check(ctx) {
    const { design } = ctx;
    const deps = ctx.shared('scalability/path-dependencies', () => pathDependencies(design));
    for (const [id, dep] of deps) {
      const e = dep.element;
      if (e?.kind !== 'component' || e.element.kind === 'external') continue;
      const c = e.element;
      if (c.instances !== undefined && c.instancesMax !== 1) continue;
      const how = dep.via ? `${dep.via} calls it synchronously on the path of workload ${dep.workload}` : `it is on the path of workload ${dep.workload}`;
      if (c.instances === undefined) {
        ctx.report({
          subject: { kind: 'component', id },
          field: ['id'],
          detail: 'instances',
          message: `${id} does not say how many instances it runs, and ${how}: not stated: add \`instances\`.`,
          evidence: { component: id, workload: dep.workload, via: dep.via ?? 'path' },
        });
      } else {
        ctx.report({
          subject: { kind: 'component', id },
          field: ['instances'],
          message: `${id} runs a single instance, and ${how}: a single point of failure.`,
          evidence: { component: id, instancesMax: 1, workload: dep.workload, via: dep.via ?? 'path' },
        });
      }
    }
  },
});
