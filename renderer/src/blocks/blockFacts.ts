import type { Diagnostic } from '../../../shared/diagnostics';
import type { GraphNode } from '../../../shared/graph/types';
import type { LayerDef } from '../../../shared/layers/types';

/* What a block's face says about it: shared by the canvas and the diagram export. */

/** The block's one-line description; empty while a half-typed parameter makes describe() fail. */
export function describeSafely(node: GraphNode, def: LayerDef): string {
  try {
    return def.describe(node.params);
  } catch {
    // A half-typed parameter must not take the canvas down; the inspector shows the real error.
    return '';
  }
}

/** The diagnostics that name a block, per block id (one pass, not one filter per block). */
export function diagnosticsByNode(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.nodeId === undefined) continue;
    const list = byNode.get(d.nodeId);
    if (list) list.push(d);
    else byNode.set(d.nodeId, [d]);
  }
  return byNode;
}

/** The colour a block's border takes: its worst problem, info ignored. */
export function worstSeverity(problems: readonly Diagnostic[]): 'error' | 'warning' | null {
  if (problems.some((d) => d.severity === 'error')) return 'error';
  return problems.some((d) => d.severity === 'warning') ? 'warning' : null;
}
