/** A view as Graphviz DOT, with zones as clusters. */
import { caption, DEFAULT_STROKE, fillOf, PLAINTEXT_STROKE, SEVERITY_STROKE } from './style.js';
import type { View, ViewNode } from './view.js';

export function toDot(view: View): string {
  const lines = [
    'digraph archwright {',
    `  graph [label=${q(view.title)}, labelloc=t, fontname="Helvetica", fontsize=16, rankdir=LR, nodesep=0.4, ranksep=0.7];`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.15,0.08"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#5b6472"];',
  ];
  const clustered = new Set<string>();
  view.clusters.forEach((c, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${q(c.label)}; style="dashed,rounded"; color="#8a94a3"; fontsize=11;`);
    for (const n of view.nodes) if (n.cluster === c.id) {
      lines.push(`    ${node(n)}`);
      clustered.add(n.id);
    }
    lines.push('  }');
  });
  for (const n of view.nodes) if (!clustered.has(n.id)) lines.push(`  ${node(n)}`);
  for (const e of view.edges) {
    const attrs = [`label=${q(e.label + (e.encrypted === false ? '\nplaintext' : ''))}`];
    if (e.encrypted === false) attrs.push(`color="${PLAINTEXT_STROKE}"`, 'fontcolor="#c62828"', 'style=dashed');
    else if (e.async) attrs.push('style=dotted');
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function node(n: ViewNode): string {
  const shape = n.kind === 'datastore' ? 'cylinder' : n.kind === 'queue' ? 'cds' : n.kind === 'user' ? 'ellipse' : 'box';
  const stroke = n.severity ? SEVERITY_STROKE[n.severity] : DEFAULT_STROKE;
  return `${q(n.id)} [label=${q(`${n.label}\n${caption(n.kind, n.findings)}`)}, shape=${shape}, fillcolor="${fillOf(n.kind)}", color="${stroke}", penwidth=${n.severity ? 2.5 : 1}, tooltip=${q(`${n.kind} ${n.id}`)}];`;
}

/** A DOT quoted string: backslashes and quotes escaped, newlines as centred line breaks. */
export function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
