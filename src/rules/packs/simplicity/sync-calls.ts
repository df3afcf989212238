/** The synchronous call graph the simplicity rules share, condensed once per review. */
import type { Design } from '../../../model/design.js';
import { callGraph, stronglyConnected, type Condensation, type Digraph } from '../../graph.js';
import type { RuleContext } from '../../types.js';

export interface SyncCalls {
  graph: Digraph;
  scc: Condensation;
}

/**
 * Sync links between the parts we build. Calls made by clients and third parties
 * (frontends, external and existing systems) start a chain but are not part of one:
 * a chat platform's webhook into us and our call to its API are separate interfaces,
 * not a cycle through the platform.
 */
export function syncCalls(ctx: RuleContext): SyncCalls {
  return ctx.shared('simplicity/sync-calls', () => {
    const graph = callGraph(ctx.design, {
      mode: 'sync',
      includeCaller: (node) => node.kind === 'component' && node.element.kind !== 'external' && node.element.kind !== 'frontend',
    });
    return { graph, scc: stronglyConnected(graph) };
  });
}

/** The element kind of a node, for a finding's subject. */
export function subjectOf(design: Design, id: string): { kind: 'component' | 'existing'; id: string } {
  return { kind: design.byId.get(id)?.kind === 'existing' ? 'existing' : 'component', id };
}
