/**
 * Directed graphs over design elements: building a call graph from links,
 * strongly connected components, longest chains and reachability.
 * Every function is linear in nodes + edges, so rules built on them stay
 * linear on designs of tens of thousands of components. Written here rather
 * than taken from a graph library because the rules need the indices Tarjan's
 * algorithm produces (reverse topological order) and nothing else.
 */
import type { Component, Design, Existing, Link } from '../model/design.js';

export interface Digraph {
  /** Node index → element id. */
  ids: string[];
  index: Map<string, number>;
  /** Successors of each node, by index. */
  out: number[][];
}

export function buildDigraph(ids: Iterable<string>, edges: Iterable<readonly [string, string]>): Digraph {
  const list = [...ids];
  const index = new Map<string, number>();
  list.forEach((id, i) => index.set(id, i));
  const out: number[][] = list.map(() => []);
  for (const [from, to] of edges) {
    const a = index.get(from);
    const b = index.get(to);
    if (a !== undefined && b !== undefined) out[a].push(b);
  }
  return { ids: list, index, out };
}

export interface CallGraphOptions {
  /** Which links become edges: sync only (the default), async only, or every link. */
  mode?: 'sync' | 'async' | 'any';
  /** A further filter on links. */
  includeLink?: (link: Link) => boolean;
  /** Whether a node's outgoing links count at all (asked once per node). */
  includeCaller?: (node: CallNode) => boolean;
}

export type CallNode = { kind: 'component'; element: Component } | { kind: 'existing'; element: Existing };

/** Components and existing systems as nodes, links as edges (caller → callee). */
export function callGraph(design: Design, options: CallGraphOptions = {}): Digraph {
  const mode = options.mode ?? 'sync';
  const nodes: CallNode[] = [
    ...design.components.map((element) => ({ kind: 'component' as const, element })),
    ...design.existing.map((element) => ({ kind: 'existing' as const, element })),
  ];
  const ids = nodes.map((n) => n.element.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  // Walking each node's outgoing links needs one lookup per link (its target), not two.
  const out = nodes.map((node) => {
    const targets: number[] = [];
    if (options.includeCaller && !options.includeCaller(node)) return targets;
    for (const link of design.linksFrom.get(node.element.id) ?? []) {
      if (mode !== 'any' && link.mode !== mode) continue;
      if (options.includeLink && !options.includeLink(link)) continue;
      const to = index.get(link.to);
      if (to !== undefined) targets.push(to);
    }
    return targets;
  });
  return { ids, index, out };
}

export interface Condensation {
  /** The strongly connected component of each node. */
  componentOf: Int32Array;
  /** Node indices of each component, numbered in reverse topological order (sinks first). */
  components: number[][];
  /** Whether a component holds a cycle: more than one node, or a node calling itself. */
  cyclic: boolean[];
}

/** Tarjan's algorithm, iterative so that long chains cannot overflow the call stack. */
export function stronglyConnected(g: Digraph): Condensation {
  const n = g.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  const cyclic: boolean[] = [];
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;

  const enter = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };

  for (let start = 0; start < n; start++) {
    if (order[start] !== -1) continue;
    enter(start);
    while (calls.length > 0) {
      const v = calls[calls.length - 1];
      const outs = g.out[v];
      if (nextEdge[v] < outs.length) {
        const w = outs[nextEdge[v]++];
        if (order[w] === -1) enter(w);
        else if (onStack[w] && order[w] < low[v]) low[v] = order[w];
        continue;
      }
      calls.pop();
      if (low[v] === order[v]) {
        const members: number[] = [];
        const id = components.length;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = id;
          members.push(w);
        } while (w !== v);
        components.push(members);
        cyclic.push(members.length > 1 || g.out[v].includes(v));
      }
      if (calls.length > 0) {
        const u = calls[calls.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { componentOf, components, cyclic };
}

export interface LongestChains {
  /** Edges on the longest chain leaving each component (a component counts as one step). */
  length: Int32Array;
  /** The node the longest chain enters next, per component; -1 at the end of a chain. */
  next: Int32Array;
}

/** Longest paths over the condensation (a DAG), by dynamic programming in Tarjan's sink-first order. */
export function longestChains(g: Digraph, c: Condensation): LongestChains {
  const k = c.components.length;
  const length = new Int32Array(k);
  const next = new Int32Array(k).fill(-1);
  for (let comp = 0; comp < k; comp++) {
    for (const v of c.components[comp]) {
      for (const w of g.out[v]) {
        const target = c.componentOf[w];
        if (target === comp) continue;
        // Targets were numbered earlier, so their lengths are final.
        const candidate = length[target] + 1;
        if (candidate > length[comp]) {
          length[comp] = candidate;
          next[comp] = w;
        }
      }
    }
  }
  return { length, next };
}

/** The longest chain from a node, as node indices (one node per component it passes through), at most `limit` long. */
export function chainFrom(c: Condensation, chains: LongestChains, start: number, limit = Infinity): number[] {
  const path = [start];
  let node = chains.next[c.componentOf[start]];
  while (node !== -1 && path.length < limit) {
    path.push(node);
    node = chains.next[c.componentOf[node]];
  }
  return path;
}

/** A shortest cycle through `start` inside its component (breadth first), as node indices, start first. */
export function cycleThrough(g: Digraph, c: Condensation, start: number): number[] {
  const comp = c.componentOf[start];
  if (g.out[start].includes(start)) return [start];
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of g.out[v]) {
      if (c.componentOf[w] !== comp) continue;
      if (w === start) {
        const path: number[] = [];
        for (let u = v; u !== -1; u = parent.get(u)!) path.push(u);
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** Nodes reachable from any of `starts` (including them). */
export function reachableFrom(g: Digraph, starts: Iterable<number>): Uint8Array {
  const seen = new Uint8Array(g.ids.length);
  const stack: number[] = [];
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const w of g.out[v]) {
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}
