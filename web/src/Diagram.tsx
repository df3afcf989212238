import { memo, useMemo } from 'react';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import type { View, ViewNode } from '../../src/render/view.js';
import { fillOf, SEVERITY_STROKE } from '../../src/render/style.js';
import type { Placed } from './layout.js';

type ElementData = { node: ViewNode; selected: boolean };
type ZoneData = { label: string };

const ElementNode = memo(function ElementNode({ data }: NodeProps<Node<ElementData>>) {
  const { node, selected } = data;
  return (
    <div className={`element${selected ? ' selected' : ''}`} data-testid={`node-${node.id}`} data-id={node.id}
      style={{ background: fillOf(node.kind), borderColor: node.severity ? SEVERITY_STROKE[node.severity] : '#5b6472', borderWidth: node.severity ? 2.5 : 1 }}>
      <Handle type="target" position={Position.Top} />
      <div className="label">{node.label}</div>
      <div className="kind">{node.kind}</div>
      {node.findings ? <span className={`badge badge-${node.severity}`} title={`${node.findings} open findings`}>{node.findings}</span> : null}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

function ZoneNode({ data }: NodeProps<Node<ZoneData>>) {
  return <div className="zone"><span>{data.label}</span></div>;
}

const nodeTypes = { element: ElementNode, zone: ZoneNode };

export function Diagram({ view, placed, selected, onSelect }: { view: View; placed: Placed; selected?: string; onSelect(id: string | undefined): void }) {
  const nodes = useMemo(() => {
    const out: Node[] = [];
    for (const c of view.clusters) {
      const box = placed.clusters.get(c.id);
      if (box) out.push({ id: `zone:${c.id}`, type: 'zone', position: { x: box.x, y: box.y }, data: { label: c.label }, style: { width: box.width, height: box.height }, selectable: false, draggable: false, zIndex: -1 });
    }
    for (const n of view.nodes) {
      const p = placed.nodes.get(n.id);
      if (p) out.push({ id: n.id, type: 'element', position: { x: p.x, y: p.y }, data: { node: n, selected: n.id === selected } });
    }
    return out;
  }, [view, placed, selected]);
  const edges = useMemo<Edge[]>(() => view.edges.map((e, i) => ({
    id: `e${i}`, source: e.from, target: e.to, label: e.label,
    markerEnd: { type: MarkerType.ArrowClosed },
    animated: e.async,
    style: e.encrypted === false ? { stroke: '#c62828', strokeDasharray: '5 4' } : undefined,
    labelStyle: { fontSize: 10 },
  })), [view]);
  return (
    <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.04 }} minZoom={0.05} maxZoom={2}
      onNodeClick={(_, n) => { if (!n.id.startsWith('zone:')) onSelect(n.id); }} onPaneClick={() => onSelect(undefined)}
      nodesConnectable={false} proOptions={{ hideAttribution: true }}>
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
