/** SVG rendered offline: Graphviz compiled to WebAssembly, no binary and no network. */
import { toDot } from './dot.js';
import type { View } from './view.js';

type GraphvizInstance = { dot(source: string, format?: string): string };
let graphviz: Promise<GraphvizInstance> | undefined;

export async function toSvg(view: View): Promise<string> {
  graphviz ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load() as Promise<GraphvizInstance>);
  const svg = (await graphviz).dot(toDot(view), 'svg');
  // Graphviz writes an XML prolog and DOCTYPE; callers embedding the SVG in HTML want the element only.
  return svg.slice(svg.indexOf('<svg'));
}
