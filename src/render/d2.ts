/** A view in D2 (terrastruct): zones as containers, plaintext links dashed red. */
import { caption, DEFAULT_STROKE, fillOf, PLAINTEXT_STROKE, SEVERITY_STROKE } from './style.js';
import type { View } from './view.js';

export function toD2(view: View): string {
  const path = new Map<string, string>();
  const clusterIndex = new Map(view.clusters.map((c, i) => [c.id, `zone${i}`]));
  for (const n of view.nodes) {
    const cluster = n.cluster ? clusterIndex.get(n.cluster) : undefined;
    path.set(n.id, cluster ? `${cluster}.${q(n.id)}` : q(n.id));
  }
  const lines = [`title: ${q(view.title)} { near: top-center; shape: text; style.font-size: 20 }`, 'direction: right', ''];
  view.clusters.forEach((c, i) => lines.push(`zone${i}: ${q(c.label)} { style.stroke-dash: 4 }`));
  for (const n of view.nodes) {
    const shape = n.kind === 'datastore' ? 'cylinder' : n.kind === 'queue' ? 'queue' : n.kind === 'user' ? 'person' : 'rectangle';
    const stroke = n.severity ? SEVERITY_STROKE[n.severity] : DEFAULT_STROKE;
    lines.push(`${path.get(n.id)}: ${q(`${n.label}\n${caption(n.kind, n.findings)}`)} {`, `  shape: ${shape}`, `  style.fill: "${fillOf(n.kind)}"`, `  style.stroke: "${stroke}"`);
    if (n.severity) lines.push('  style.stroke-width: 3');
    lines.push('}');
  }
  for (const e of view.edges) {
    const from = path.get(e.from);
    const to = path.get(e.to);
    if (!from || !to) continue;
    const style: string[] = [];
    if (e.encrypted === false) style.push(`style.stroke: "${PLAINTEXT_STROKE}"`, 'style.stroke-dash: 4');
    else if (e.async) style.push('style.stroke-dash: 2');
    const label = q(e.label.replace(/\n/g, ' · ') + (e.encrypted === false ? ' (plaintext)' : ''));
    lines.push(`${from} -> ${to}: ${label}${style.length ? ` { ${style.join('; ')} }` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** A D2 double-quoted string. */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
