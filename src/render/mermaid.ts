/** A view as a Mermaid flowchart. Ids are replaced by safe ones; text is entity-escaped. */
import { caption, DEFAULT_STROKE, fillOf, PLAINTEXT_STROKE, SEVERITY_STROKE } from './style.js';
import type { View } from './view.js';

export function toMermaid(view: View): string {
  const ids = new Map(view.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [`---`, `title: ${text(view.title)}`, `---`, 'flowchart LR'];
  const shape = (kind: string, label: string) =>
    kind === 'datastore' ? `[("${label}")]` : kind === 'queue' ? `[["${label}"]]` : kind === 'user' ? `(["${label}"])` : `["${label}"]`;
  const nodeLine = (id: string) => {
    const n = view.nodes.find((x) => x.id === id)!;
    return `${ids.get(n.id)}${shape(n.kind, `${text(n.label)}<br/><small>${text(caption(n.kind, n.findings))}</small>`)}`;
  };
  const clustered = new Set<string>();
  view.clusters.forEach((c, i) => {
    lines.push(`  subgraph z${i}["${text(c.label)}"]`);
    for (const n of view.nodes) if (n.cluster === c.id) {
      lines.push(`    ${nodeLine(n.id)}`);
      clustered.add(n.id);
    }
    lines.push('  end');
  });
  for (const n of view.nodes) if (!clustered.has(n.id)) lines.push(`  ${nodeLine(n.id)}`);
  view.edges.forEach((e) => {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) return;
    const arrow = e.async ? '-.->' : '-->';
    const label = e.label ? `|"${text(e.label.replace(/\n/g, ' · '))}${e.encrypted === false ? ' (plaintext)' : ''}"|` : '';
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  });
  view.nodes.forEach((n) => {
    const stroke = n.severity ? SEVERITY_STROKE[n.severity] : DEFAULT_STROKE;
    lines.push(`  style ${ids.get(n.id)} fill:${fillOf(n.kind)},stroke:${stroke},stroke-width:${n.severity ? 3 : 1}px`);
  });
  view.edges.forEach((e, i) => {
    if (e.encrypted === false) lines.push(`  linkStyle ${i} stroke:${PLAINTEXT_STROKE},stroke-dasharray:4 3`);
  });
  return lines.join('\n') + '\n';
}

/** Mermaid reads labels as markdown/HTML: write every special character as an entity. */
function text(s: string): string {
  return s.replace(/[&<>"#|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`);
}
