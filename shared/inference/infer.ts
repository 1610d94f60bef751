import type { Diagnostic } from '../diagnostics';
import { blockLabel, formatCount, formatShape } from '../format';
import { uniqueName } from '../graph/naming';
import { adjacency, findCycle } from '../graph/topology';
import type { Graph, GraphEdge, GraphNode, Shape } from '../graph/types';
import { getLayerDef } from '../layers/registry';
import type { LayerDef, LayerIssue, WeightSpec } from '../layers/types';
import { paramIssues } from '../layers/validateParam';
import type { Inference, NodeInfo, ParamCounts } from './types';
import { learnerWarnings } from './warnings';

export type { Inference, NodeInfo, ParamCounts } from './types';

export interface InferOptions {
  /** Where layer definitions come from (tests inject small fakes). */
  readonly getDef?: (className: string) => LayerDef | undefined;
}

const noParams: ParamCounts = { trainable: 0, nonTrainable: 0 };

/**
 * Output shape and parameter count of every block, plus diagnostics: errors wherever Keras
 * would refuse the model, warnings where it accepts it but a learner probably erred. A block
 * downstream of an error gets no shape and no diagnostic of its own, so one mistake gives one message.
 * Runs on every edit: linear in the graph, no allocation-heavy passes.
 */
export function inferGraph(graph: Graph, opts: InferOptions = {}): Inference {
  const getDef = opts.getDef ?? getLayerDef;
  const diagnostics: Diagnostic[] = [];
  const adj = adjacency(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const infos = new Map<string, NodeInfo>();

  structuralChecks(graph, byId, diagnostics);

  // Kahn's order; what it cannot reach sits on or behind a cycle.
  const pending = new Map<string, number>();
  const ready: GraphNode[] = [];
  for (const n of graph.nodes) {
    const count = (adj.incoming.get(n.id) ?? []).length;
    pending.set(n.id, count);
    if (count === 0) ready.push(n);
  }
  for (let i = 0; i < ready.length; i++) {
    const node = ready[i];
    if (!node) continue;
    infos.set(node.id, inferNode(node, adj.incoming.get(node.id) ?? [], infos, getDef, diagnostics));
    for (const e of adj.outgoing.get(node.id) ?? []) {
      const left = (pending.get(e.target) ?? 0) - 1;
      pending.set(e.target, left);
      const target = byId.get(e.target);
      if (left === 0 && target) ready.push(target);
    }
  }
  if (infos.size < graph.nodes.length) {
    reportCycle(graph, byId, diagnostics);
    for (const n of graph.nodes) {
      if (!infos.has(n.id))
        infos.set(
          n.id,
          blank(
            n,
            (adj.incoming.get(n.id) ?? []).map(() => null),
          ),
        );
    }
  }

  diagnostics.push(...learnerWarnings(graph, adj, infos, diagnostics));

  let trainable = 0;
  let nonTrainable = 0;
  let biggest: NodeInfo | null = null;
  for (const info of infos.values()) {
    trainable += info.params.trainable;
    nonTrainable += info.params.nonTrainable;
    if (biggest === null || info.params.trainable + info.params.nonTrainable > biggest.params.trainable + biggest.params.nonTrainable) biggest = info;
  }
  // Past 2^53 a count is no longer exact (and no machine holds the weights): an error, not a total.
  if (!Number.isSafeInteger(trainable + nonTrainable) && biggest !== null) {
    const node = byId.get(biggest.id);
    const own = biggest.params.trainable + biggest.params.nonTrainable;
    diagnostics.push({
      severity: 'error',
      code: 'too-many-params',
      nodeId: biggest.id,
      message: `The model has about ${formatCount(trainable + nonTrainable)} parameters, past 2^53 where counts stop being exact and far beyond any machine's memory; ${node ? blockLabel(node) : 'its biggest layer'} alone has ${formatCount(own)} — make it smaller.`,
    });
  }
  // Node order, so the list reads top to bottom like the canvas.
  const ordered = new Map<string, NodeInfo>();
  for (const n of graph.nodes) {
    const info = infos.get(n.id);
    if (info) ordered.set(n.id, info);
  }
  return { nodes: ordered, diagnostics, totals: { total: trainable + nonTrainable, trainable, nonTrainable } };
}

function blank(node: GraphNode, inputShapes: readonly (Shape | null)[]): NodeInfo {
  return { id: node.id, name: node.name, kind: node.kind, inputShapes, outputShape: null, params: noParams, weights: [] };
}

function structuralChecks(graph: Graph, byId: Map<string, GraphNode>, out: Diagnostic[]): void {
  if (graph.nodes.length === 0) {
    out.push({ severity: 'error', code: 'empty-model', message: 'The model is empty; add an Input block and at least one layer.' });
  } else if (!graph.nodes.some((n) => n.kind === 'InputLayer')) {
    out.push({
      severity: 'error',
      code: 'no-input-layer',
      message: 'The model has no InputLayer; add an Input block, set its shape and wire it into the first layer.',
    });
  }
  const byName = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const list = byName.get(n.name);
    if (list) list.push(n);
    else byName.set(n.name, [n]);
    if (n.name.trim() === '' || n.name.includes('/')) {
      out.push({
        severity: 'error',
        code: 'invalid-name',
        nodeId: n.id,
        message: `${n.kind} block has the name '${n.name}'; Keras layer names must be non-empty and cannot contain '/' — rename it.`,
      });
    }
  }
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const taken = graph.nodes.map((x) => x.name);
    for (const n of list.slice(1)) {
      const suggestion = uniqueName(taken, name);
      taken.push(suggestion);
      out.push({
        severity: 'error',
        code: 'duplicate-name',
        nodeId: n.id,
        message: `${blockLabel(n)} has the same name as another block; Keras needs every layer name to be unique — rename it (e.g. '${suggestion}').`,
      });
    }
  }
  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) {
      out.push({
        severity: 'error',
        code: 'dangling-edge',
        message: `A wire connects to a block that no longer exists (${e.source} -> ${e.target}); delete the wire.`,
      });
    }
  }
}

function reportCycle(graph: Graph, byId: Map<string, GraphNode>, out: Diagnostic[]): void {
  const cycle = findCycle(graph) ?? [];
  const path = cycle.map((id) => byId.get(id)?.name ?? id);
  const loop = [...path, path[0] ?? ''].join(' → ');
  for (const id of cycle) {
    const n = byId.get(id);
    if (!n) continue;
    out.push({
      severity: 'error',
      code: 'cycle',
      nodeId: id,
      message: `${blockLabel(n)} is part of a cycle (${loop}); data must flow one way — remove one of these wires.`,
    });
  }
}

function inputProblem(node: GraphNode, def: LayerDef, incoming: readonly GraphEdge[]): Diagnostic | null {
  const make = (code: string, message: string): Diagnostic => ({ severity: 'error', code, nodeId: node.id, message: `${blockLabel(node)} ${message}` });
  const { min, max } = def.inputs;
  if (max === 0 && incoming.length > 0) return make('extra-input', 'takes no input, it starts the model; remove the wire into it.');
  const seen = new Set<number>();
  for (const e of incoming) {
    if (seen.has(e.targetIndex)) return make('extra-input', `has two wires into input ${e.targetIndex}; remove one of them.`);
    seen.add(e.targetIndex);
  }
  if (incoming.length > max) {
    return max === 1
      ? make('extra-input', `takes one input but ${incoming.length} are wired; combine them first with a merge block (Add, Concatenate) or remove a wire.`)
      : make('extra-input', `takes at most ${max} inputs but ${incoming.length} are wired; remove a wire.`);
  }
  if (incoming.length < min) {
    if (min === 1) return make('missing-input', 'has no input; wire a block into it (every layer must be fed, starting from an InputLayer).');
    return make('missing-input', `needs at least ${min} inputs but has ${incoming.length}; wire another branch into it.`);
  }
  for (let i = 0; i < incoming.length; i++) {
    if (!seen.has(i)) return make('missing-input', `has nothing wired into input ${i}; wire a block into it.`);
  }
  return null;
}

/** Layer issues are clauses ("has …; use …"); diagnostics are sentences. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function issueDiagnostic(node: GraphNode, issue: LayerIssue): Diagnostic {
  return {
    severity: issue.severity ?? 'error',
    code: issue.code,
    nodeId: node.id,
    message: `${blockLabel(node)} ${sentence(issue.message)}`,
    ...(issue.param !== undefined ? { param: issue.param } : {}),
  };
}

export function countParams(weights: readonly WeightSpec[], layerTrainable: boolean): ParamCounts {
  let trainable = 0;
  let nonTrainable = 0;
  for (const w of weights) {
    let size = 1;
    for (const d of w.shape) size *= d;
    if (w.trainable && layerTrainable) trainable += size;
    else nonTrainable += size;
  }
  return { trainable, nonTrainable };
}

function inferNode(
  node: GraphNode,
  incoming: readonly GraphEdge[],
  infos: ReadonlyMap<string, NodeInfo>,
  getDef: (className: string) => LayerDef | undefined,
  out: Diagnostic[],
): NodeInfo {
  const inputShapes = incoming.map((e) => infos.get(e.source)?.outputShape ?? null);
  const def = getDef(node.kind);
  if (!def) {
    out.push({
      severity: 'error',
      code: 'unknown-layer',
      nodeId: node.id,
      message: `${blockLabel(node)} is a layer class Blockprop does not know; replace it with a supported block.`,
    });
    return blank(node, inputShapes);
  }
  const inputs = inputProblem(node, def, incoming);
  if (inputs) {
    out.push(inputs);
    return blank(node, inputShapes);
  }
  // The catalog's own per-parameter validation; a bad value stops here so check() and
  // outputShape() only ever see valid parameters (and the issue is reported once).
  const invalid = paramIssues(def.params, node.params);
  for (const issue of invalid) out.push(issueDiagnostic(node, issue));
  const paramsOk = invalid.length === 0;
  if (!paramsOk) return blank(node, inputShapes);
  const known: Shape[] = [];
  for (const s of inputShapes) {
    if (s === null) return blank(node, inputShapes); // upstream already reported
    known.push(s);
  }
  try {
    const issues = def.check?.(known, node.params) ?? [];
    let blocked = false;
    for (const issue of issues) {
      out.push(issueDiagnostic(node, issue));
      if ((issue.severity ?? 'error') === 'error') blocked = true;
    }
    if (blocked) return blank(node, inputShapes);
    const outcome = def.outputShape(known, node.params);
    if (!outcome.ok) {
      out.push(issueDiagnostic(node, outcome.error));
      return blank(node, inputShapes);
    }
    const weights = def.weights(known, node.params);
    const params = countParams(weights, node.params['trainable'] !== false);
    return { id: node.id, name: node.name, kind: node.kind, inputShapes, outputShape: outcome.value, params, weights };
  } catch (err) {
    // A layer rule that throws is a bug in Blockprop; keep the editor alive and say so.
    const detail = err instanceof Error ? err.message : String(err);
    const shapes = known.map(formatShape).join(', ');
    out.push({
      severity: 'error',
      code: 'internal',
      nodeId: node.id,
      message: `${blockLabel(node)} could not be computed for input ${shapes} (${detail}); this is a Blockprop bug — please report it.`,
    });
    return blank(node, inputShapes);
  }
}
