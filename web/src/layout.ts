/** Layered auto-layout (ELK) of a view's nodes, grouped by zone. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { View } from '../../src/render/view.js';

export interface Placed {
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  clusters: Map<string, { x: number; y: number; width: number; height: number }>;
}

const elk = new ELK();
export const NODE_W = 170;
export const NODE_H = 54;

export async function layout(view: View): Promise<Placed> {
  const inCluster = new Map<string, string[]>();
  const loose: string[] = [];
  for (const n of view.nodes) {
    if (n.cluster) inCluster.set(n.cluster, [...(inCluster.get(n.cluster) ?? []), n.id]);
    else loose.push(n.id);
  }
  const leaf = (id: string) => ({ id, width: NODE_W, height: NODE_H });
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '24', 'elk.layered.spacing.nodeNodeBetweenLayers': '48', 'elk.padding': '[top=30,left=12,bottom=12,right=12]',
    },
    children: [
      ...[...inCluster].map(([cluster, ids]) => ({ id: `cluster:${cluster}`, layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]' }, children: ids.map(leaf) })),
      ...loose.map(leaf),
    ],
    edges: view.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
  const out = await elk.layout(graph);
  const nodes: Placed['nodes'] = new Map();
  const clusters: Placed['clusters'] = new Map();
  for (const child of out.children ?? []) {
    if (child.id.startsWith('cluster:')) {
      clusters.set(child.id.slice(8), { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      for (const inner of child.children ?? []) nodes.set(inner.id, { x: (child.x ?? 0) + (inner.x ?? 0), y: (child.y ?? 0) + (inner.y ?? 0), width: NODE_W, height: NODE_H });
    } else {
      nodes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: NODE_W, height: NODE_H });
    }
  }
  return { nodes, clusters };
}
