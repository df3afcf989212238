/**
 * Turns validated documents into the Design graph: one id namespace, every
 * reference checked (with the nearest known id suggested), units parsed.
 */
import type {
  Component, DataAsset, Decision, Design, Element, ElementKind, Existing, Link, LinkEnd, Requirement, Risk, SourceRef, User, Workload, WorkloadNode, Zone,
} from './design.js';
import type { DesignError, SourceLocation } from './errors.js';
import { suggestNearest } from './errors.js';
import type { DesignDoc, PathStepDoc } from './schema.js';
import { parseDuration, parseGrowth, parseHorizon, parseCount, parseRate } from './units.js';

/** One value with the file and path it came from. */
export interface Sourced<T> {
  value: T;
  source: SourceRef;
}

/** A list item that carries the file and path it came from (set by the loader as it merges the files). */
export type Located<T> = T & { source: SourceRef };

export interface MergedDoc {
  file: string;
  files: string[];
  system: Sourced<DesignDoc['system']>;
  lists: { [K in keyof ListDocs]: Located<ListDocs[K][number]>[] };
  checks: DesignDoc['checks'];
  capacity: DesignDoc['capacity'];
}

type ListDocs = Pick<DesignDoc, 'users' | 'requirements' | 'data' | 'zones' | 'components' | 'links' | 'workloads' | 'existing' | 'decisions' | 'risks'>;

const ASYNC_PROTOCOLS = new Set(['amqp', 'kafka', 'mqtt', 'sqs', 'sns', 'nats', 'pubsub', 'eventbridge', 'jms', 'stomp', 'smtp']);

// What each kind of reference may name (made once: a large design has ~10^5 references).
const REACHABLE: ElementKind[] = ['component', 'existing'];
const REQUIREMENT: ElementKind[] = ['requirement'];
const DATA: ElementKind[] = ['data'];
const ZONE: ElementKind[] = ['zone'];
const COMPONENT: ElementKind[] = ['component'];
const WORKLOAD: ElementKind[] = ['workload'];

export function resolveDesign(
  merged: MergedDoc,
  locate: (source: SourceRef, field?: (string | number)[]) => SourceLocation,
): { design?: Design; errors: DesignError[] } {
  const errors: DesignError[] = [];
  const byId = new Map<string, Element>();
  const { lists } = merged;

  const fail = (source: SourceRef, field: (string | number)[], code: DesignError['code'], message: string, hint?: string) => {
    errors.push({ code, message, location: locate(source, field), path: [...source.path, ...field].join('.'), hint });
  };

  /** `implicitLinkId`: the id was made from `from->to`, so a duplicate is reported at `to`. */
  const register = (kind: ElementKind, id: string, element: Element['element'], source: SourceRef, implicitLinkId = false) => {
    const earlier = byId.get(id);
    if (earlier) {
      const where = locate(earlier.element.source, ['id']);
      fail(source, [implicitLinkId ? 'to' : 'id'], 'duplicate-id', `duplicate id "${id}": already used at ${where.file}:${where.line}:${where.column}`,
        kind === 'link' ? 'two links join the same pair: give each an explicit id' : 'ids are unique across the whole design');
      return;
    }
    byId.set(id, { kind, element } as Element);
  };

  const users: User[] = lists.users;
  const requirements: Requirement[] = lists.requirements;
  const data = lists.data.map((item) => {
    const d = item as DataAsset;
    d.retentionSeconds = d.retention ? parseDuration(d.retention) : undefined;
    return d;
  });
  const zones: Zone[] = lists.zones;
  const existing: Existing[] = lists.existing;
  const decisions: Decision[] = lists.decisions;
  const risks: Risk[] = lists.risks;

  const components: Component[] = lists.components.map((value) => {
    const { source } = value;
    const inst = value.instances;
    const instancesMin = inst === undefined ? 1 : typeof inst === 'number' ? inst : inst.min;
    const instancesMax = inst === undefined ? instancesMin : typeof inst === 'number' ? inst : (inst.max ?? inst.min);
    let serviceTimeSeconds = value.serviceTime ? parseDuration(value.serviceTime) : undefined;
    if (serviceTimeSeconds === undefined && value.capacity) {
      const perInstance = parseRate(value.capacity);
      if (perInstance && perInstance > 0) serviceTimeSeconds = (value.concurrency ?? 1) / perInstance;
    }
    if (instancesMax < instancesMin) {
      fail(source, ['instances', 'max'], 'schema', `instances.max (${instancesMax}) is below instances.min (${instancesMin})`);
    }
    const c = value as Component;
    c.instancesMin = instancesMin;
    c.instancesMax = instancesMax;
    c.serviceTimeSeconds = serviceTimeSeconds;
    c.timeoutSeconds = value.timeout ? parseDuration(value.timeout) : undefined;
    c.retentionSeconds = value.retention ? parseDuration(value.retention) : undefined;
    return c;
  });

  const explicitLinkId = lists.links.map((link) => link.id !== undefined);
  const links: Link[] = lists.links.map((item) => {
    const l = item as Link;
    l.id = l.id ?? `${l.from}->${l.to}`;
    l.mode = l.mode ?? (ASYNC_PROTOCOLS.has(l.protocol.toLowerCase()) ? 'async' : 'sync');
    return l;
  });

  for (const u of users) register('user', u.id, u, u.source);
  for (const r of requirements) register('requirement', r.id, r, r.source);
  for (const d of data) register('data', d.id, d, d.source);
  for (const z of zones) register('zone', z.id, z, z.source);
  for (const c of components) register('component', c.id, c, c.source);
  for (const e of existing) register('existing', e.id, e, e.source);
  for (const d of decisions) register('decision', d.id, d, d.source);
  links.forEach((l, i) => register('link', l.id, l, l.source, !explicitLinkId[i]));

  const idsOf = (kinds: ElementKind[]) => {
    const out: string[] = [];
    for (const [id, e] of byId) if (kinds.includes(e.kind)) out.push(id);
    return out;
  };
  const known = new Map<string, string[]>();
  const checkRef = (source: SourceRef, field: (string | number)[], id: string, kinds: ElementKind[], what: string) => {
    const e = byId.get(id);
    if (e && kinds.includes(e.kind)) return;
    const key = kinds.join('|');
    if (!known.has(key)) known.set(key, idsOf(kinds));
    const nearest = suggestNearest(id, known.get(key)!);
    const found = e ? ` ("${id}" is a ${e.kind})` : '';
    fail(source, field, 'unknown-id', `unknown ${what} "${id}"${found}`, nearest ? `did you mean "${nearest}"?` : undefined);
  };

  // Field paths are built only on failure: a large design has ~10^5 references.
  const checkList = (source: SourceRef, field: string, ids: readonly string[], kinds: ElementKind[], what: string) => {
    for (let i = 0; i < ids.length; i++) {
      const e = byId.get(ids[i]);
      if (!e || !kinds.includes(e.kind)) checkRef(source, [field, i], ids[i], kinds, what);
    }
  };
  const checkOne = (source: SourceRef, field: string[], id: string | undefined, kinds: ElementKind[], what: string) => {
    if (id === undefined) return;
    const e = byId.get(id);
    if (!e || !kinds.includes(e.kind)) checkRef(source, field, id, kinds, what);
  };
  for (const u of users) checkList(u.source, 'uses', u.uses, REACHABLE, 'component');
  for (const c of components) {
    checkList(c.source, 'serves', c.serves, REQUIREMENT, 'requirement');
    checkList(c.source, 'stores', c.stores, DATA, 'data asset');
    checkList(c.source, 'uses', c.uses, DATA, 'data asset');
    if (c.zone !== undefined) checkOne(c.source, ['zone'], c.zone, ZONE, 'zone');
    if (c.adapterFor !== undefined) checkOne(c.source, ['adapterFor'], c.adapterFor, COMPONENT, 'component');
    if (c.secretsFrom !== undefined) checkOne(c.source, ['secretsFrom'], c.secretsFrom, COMPONENT, 'component');
    if (c.audit?.sink !== undefined) checkOne(c.source, ['audit', 'sink'], c.audit.sink, REACHABLE, 'component');
  }
  for (const e of existing) checkOne(e.source, ['zone'], e.zone, ZONE, 'zone');
  // A link's ends are looked up once: to check them, and to keep them (fromEnd, toEnd).
  const endOf = (source: SourceRef, field: 'from' | 'to', id: string) => {
    const e = byId.get(id);
    if (!e || !REACHABLE.includes(e.kind)) checkRef(source, [field], id, REACHABLE, 'component');
    return e as LinkEnd;
  };
  for (const l of links) {
    l.fromEnd = endOf(l.source, 'from', l.from);
    l.toEnd = endOf(l.source, 'to', l.to);
    checkList(l.source, 'carries', l.carries, DATA, 'data asset');
  }

  const workloads: Workload[] = [];
  for (const value of lists.workloads) {
    const { source } = value;
    const nodes: WorkloadNode[] = [];
    const root = buildPath(value.path, source, ['path'], 1, nodes, (field, id) => checkRef(source, field, id, REACHABLE, 'component'));
    if (!root) continue;
    const w: Workload = {
      ...value, source, root, nodes,
      ratePerSecond: value.rate ? parseRate(value.rate) : undefined,
      users: value.users !== undefined ? parseCount(value.users) : undefined,
      thinkTimeSeconds: value.thinkTime ? parseDuration(value.thinkTime) : undefined,
      peakFactorValue: value.peakFactor ?? 1,
      growthPerMonth: value.growth ? (parseGrowth(value.growth) ?? 0) : 0,
      horizonMonths: value.horizon ? (parseHorizon(value.horizon) ?? 0) : 0,
    };
    if (w.ratePerSecond === undefined && w.users === undefined) {
      fail(source, ['id'], 'schema', `workload "${w.id}" needs a rate (open) or users (closed)`, 'add rate: 100/s, or users: 500 with thinkTime: 5s');
    }
    register('workload', w.id, w, source);
    workloads.push(w);
  }

  for (const r of requirements) {
    if (r.target?.workload) checkRef(r.source, ['target', 'workload'], r.target.workload, WORKLOAD, 'workload');
  }
  if (errors.length > 0) return { errors };

  const linksFrom = new Map<string, Link[]>();
  const linksTo = new Map<string, Link[]>();
  for (const l of links) {
    let a = linksFrom.get(l.from);
    if (!a) linksFrom.set(l.from, (a = []));
    a.push(l);
    let b = linksTo.get(l.to);
    if (!b) linksTo.set(l.to, (b = []));
    b.push(l);
  }

  const design: Design = {
    file: merged.file,
    files: merged.files,
    system: { ...merged.system.value, source: merged.system.source },
    users, requirements, data, zones, components, links, workloads, existing, decisions, risks,
    checks: merged.checks,
    capacity: merged.capacity,
    byId, linksFrom, linksTo,
    locate,
  };
  return { design, errors };
}


function buildPath(
  steps: PathStepDoc[],
  source: SourceRef,
  field: (string | number)[],
  parentVisits: number,
  nodes: WorkloadNode[],
  check: (field: (string | number)[], id: string) => void,
): WorkloadNode | undefined {
  let first: WorkloadNode | undefined;
  let previous: WorkloadNode | undefined;
  steps.forEach((step, i) => {
    const node = buildStep(step, source, [...field, i], previous ? previous.visits : parentVisits, nodes, check);
    if (previous) previous.children.push(node);
    else first = node;
    previous = node;
  });
  return first;
}

function buildStep(
  step: PathStepDoc,
  source: SourceRef,
  stepField: (string | number)[],
  callerVisits: number,
  nodes: WorkloadNode[],
  check: (field: (string | number)[], id: string) => void,
): WorkloadNode {
  let id = typeof step === 'string' ? step : '';
  let spec: { calls?: number; async?: boolean; then?: PathStepDoc[] } = {};
  if (typeof step !== 'string') {
    const entry = Object.entries(step)[0];
    if (entry) [id, spec] = entry;
    stepField = [...stepField, id];
  }
  check(stepField, id);
  const calls = spec.calls ?? 1;
  const node: WorkloadNode = {
    component: id, calls, visits: callerVisits * calls, async: spec.async ?? false, children: [],
    source: { file: source.file, path: [...source.path, ...stepField] },
  };
  nodes.push(node);
  (spec.then ?? []).forEach((branch, b) => {
    node.children.push(buildStep(branch, source, [...stepField, 'then', b], node.visits, nodes, check));
  });
  return node;
}
