/**
 * The diagram a view shows, independent of the output language: nodes,
 * edges and clusters (trust zones). Emitters (mermaid, dot, d2) only print it.
 */
import type { Design, Workload, WorkloadNode } from '../model/design.js';
import type { Finding, Severity } from '../rules/types.js';
import { SEVERITY_RANK } from '../rules/types.js';

export type ViewName = 'context' | 'containers' | 'dataflow' | 'workload';
export const VIEW_NAMES: ViewName[] = ['context', 'containers', 'dataflow', 'workload'];

export interface ViewNode {
  id: string;
  label: string;
  /** component kind, 'user', 'existing' or 'system' */
  kind: string;
  cluster?: string;
  severity?: Severity;
  findings?: number;
}

export interface ViewEdge {
  from: string;
  to: string;
  label: string;
  /** false: plaintext; undefined: not a network link (a user's use, a call count) */
  encrypted?: boolean;
  async?: boolean;
  sensitive?: boolean;
}

export interface ViewCluster {
  id: string;
  label: string;
  trust?: string;
}

export interface View {
  name: ViewName;
  title: string;
  nodes: ViewNode[];
  edges: ViewEdge[];
  clusters: ViewCluster[];
}

export interface ViewOptions {
  view?: ViewName;
  workload?: string;
  findings?: readonly Finding[];
  /** Keep only the neighbourhood of this element, `depth` links away. */
  focus?: string;
  depth?: number;
  /** Group nodes by trust zone (default true for containers and dataflow). */
  groupByZone?: boolean;
}

const SENSITIVE = new Set(['personal', 'special', 'phi', 'pan', 'sad', 'credentials', 'secret', 'criminal', 'children', 'confidential', 'restricted']);

export class ViewError extends Error {}

export function buildView(design: Design, options: ViewOptions = {}): View {
  const name = options.view ?? 'containers';
  let view: View;
  if (name === 'context') view = contextView(design);
  else if (name === 'workload') view = workloadView(design, options.workload);
  else view = containerView(design, name === 'dataflow', options.groupByZone ?? true);
  markFindings(view, options.findings ?? []);
  if (options.focus !== undefined) view = focusView(view, options.focus, options.depth ?? 1);
  return view;
}

function containerView(design: Design, dataflow: boolean, group: boolean): View {
  const nodes: ViewNode[] = [];
  for (const u of design.users) nodes.push({ id: u.id, label: u.name ?? u.id, kind: 'user' });
  for (const c of design.components) nodes.push({ id: c.id, label: c.name ?? c.id, kind: c.kind, cluster: group ? c.zone : undefined });
  for (const e of design.existing) nodes.push({ id: e.id, label: e.name ?? e.id, kind: 'existing', cluster: group ? e.zone : undefined });
  const classOf = new Map(design.data.map((d) => [d.id, d.classification]));
  const edges: ViewEdge[] = [];
  for (const u of design.users) for (const target of u.uses) edges.push({ from: u.id, to: target, label: 'uses' });
  for (const l of design.links) {
    const data = l.carries.map((id) => {
      const cls = classOf.get(id) ?? [];
      return dataflow && cls.length ? `${id} (${cls.join(', ')})` : id;
    });
    const label = dataflow ? [l.protocol, ...data].join('\n') : l.protocol;
    edges.push({
      from: l.from, to: l.to, label,
      encrypted: l.tls !== undefined && l.tls !== 'none',
      async: l.mode === 'async',
      sensitive: l.carries.some((id) => (classOf.get(id) ?? []).some((c) => SENSITIVE.has(c))),
    });
  }
  const used = new Set(nodes.map((n) => n.cluster).filter(Boolean));
  const clusters = design.zones.filter((z) => used.has(z.id)).map((z) => ({ id: z.id, label: `${z.name ?? z.id} (trust: ${z.trust})`, trust: z.trust }));
  return {
    name: dataflow ? 'dataflow' : 'containers',
    title: `${design.system.name}: ${dataflow ? 'data flow' : 'containers'}`,
    nodes, edges, clusters,
  };
}

function contextView(design: Design): View {
  const system = { id: '__system', label: design.system.name, kind: 'system' };
  const outside = new Set<string>();
  for (const c of design.components) if (c.kind === 'external') outside.add(c.id);
  for (const e of design.existing) outside.add(e.id);
  const nodes: ViewNode[] = [system];
  for (const u of design.users) nodes.push({ id: u.id, label: u.name ?? u.id, kind: 'user' });
  for (const c of design.components) if (outside.has(c.id)) nodes.push({ id: c.id, label: c.name ?? c.id, kind: 'external' });
  for (const e of design.existing) nodes.push({ id: e.id, label: e.name ?? e.id, kind: 'existing' });
  const edges = new Map<string, ViewEdge>();
  const add = (from: string, to: string, label: string) => {
    const key = `${from}\u0000${to}`;
    const earlier = edges.get(key);
    if (earlier) {
      if (!earlier.label.split(', ').includes(label)) earlier.label += `, ${label}`;
    } else edges.set(key, { from, to, label });
  };
  for (const u of design.users) for (const target of u.uses) add(u.id, outside.has(target) ? target : system.id, 'uses');
  for (const l of design.links) {
    const from = outside.has(l.from) ? l.from : system.id;
    const to = outside.has(l.to) ? l.to : system.id;
    if (from !== to) add(from, to, l.protocol);
  }
  return { name: 'context', title: `${design.system.name}: system context`, nodes, edges: [...edges.values()], clusters: [] };
}

function workloadView(design: Design, id: string | undefined): View {
  const workload: Workload | undefined = id ? design.workloads.find((w) => w.id === id) : design.workloads[0];
  if (!workload) {
    throw new ViewError(id ? `unknown workload "${id}"` : 'the design has no workloads: the workload view needs one');
  }
  const nodes = new Map<string, ViewNode>();
  const edges: ViewEdge[] = [];
  const kindOf = (cid: string) => {
    const e = design.byId.get(cid);
    return e?.kind === 'component' ? e.element.kind : 'existing';
  };
  const visit = (node: WorkloadNode, parent?: WorkloadNode) => {
    if (!nodes.has(node.component)) nodes.set(node.component, { id: node.component, label: node.component, kind: kindOf(node.component) });
    if (parent) edges.push({ from: parent.component, to: node.component, label: `${node.calls}× per call (${round(node.visits)} per request)`, async: node.async });
    for (const child of node.children) visit(child, node);
  };
  visit(workload.root);
  const rate = workload.ratePerSecond !== undefined ? `${round(workload.ratePerSecond)}/s` : `${workload.users} users`;
  return { name: 'workload', title: `${design.system.name}: workload ${workload.id} (${rate})`, nodes: [...nodes.values()], edges, clusters: [] };
}

function markFindings(view: View, findings: readonly Finding[]) {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  for (const f of findings) {
    if (f.status !== 'open') continue;
    const node = byId.get(f.subject.id);
    if (!node) continue;
    node.findings = (node.findings ?? 0) + 1;
    if (!node.severity || SEVERITY_RANK[f.severity] > SEVERITY_RANK[node.severity]) node.severity = f.severity;
  }
}

/** The elements within `depth` links of `focus` (in either direction). */
export function focusView(view: View, focus: string, depth: number): View {
  if (!view.nodes.some((n) => n.id === focus)) throw new ViewError(`--focus ${focus}: no such element in the ${view.name} view`);
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let list = neighbours.get(a);
    if (!list) neighbours.set(a, (list = []));
    list.push(b);
  };
  for (const e of view.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const keep = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) for (const n of neighbours.get(id) ?? []) if (!keep.has(n)) {
      keep.add(n);
      next.push(n);
    }
    frontier = next;
  }
  const nodes = view.nodes.filter((n) => keep.has(n.id));
  const clusters = new Set(nodes.map((n) => n.cluster));
  return {
    ...view,
    title: `${view.title} — around ${focus} (depth ${depth})`,
    nodes,
    edges: view.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    clusters: view.clusters.filter((c) => clusters.has(c.id)),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
