import { own } from '../json';
import type { Diagnostic } from '../diagnostics';
import { blockLabel, formatShape } from '../format';
import type { Adjacency } from '../graph/topology';
import type { Graph, GraphNode } from '../graph/types';
import { appliedActivation } from '../layers/activationParam';
import { dropoutRateConfig } from '../layers/dropout';
import { poolingConfig } from '../layers/poolingCommon';
import type { NodeInfo } from './types';

/* Things Keras accepts but a learner probably did not mean. Each names the block and the fix. */

function warn(node: GraphNode, code: string, message: string, param?: string): Diagnostic {
  return { severity: 'warning', code, nodeId: node.id, message: `${blockLabel(node)} ${message}`, ...(param !== undefined ? { param } : {}) };
}

const poolingKinds = new Set(['MaxPooling2D', 'AveragePooling2D']);
const dropoutKinds = new Set(['Dropout', 'SpatialDropout2D']);

/** Codes the layer catalog may already report for the same mistake (then ours is not repeated). */
const sameMistake: Readonly<Record<string, readonly string[]>> = {
  'dense-on-image': ['dense-on-image', 'dense-on-4d', 'dense-on-nd'],
  'pool-larger-than-input': ['pool-larger-than-input', 'pool-window'],
  'dropout-rate-high': ['dropout-rate-high', 'high-dropout'],
  'softmax-not-last': ['softmax-not-last'],
};

export function learnerWarnings(graph: Graph, adj: Adjacency, infos: ReadonlyMap<string, NodeInfo>, existing: readonly Diagnostic[] = []): Diagnostic[] {
  const reported = new Set(existing.map((d) => `${d.nodeId ?? ''}:${d.code}`));
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic): void => {
    const aliases = own(sameMistake, d.code) ?? [d.code];
    if (!aliases.some((code) => reported.has(`${d.nodeId ?? ''}:${code}`))) out.push(d);
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const node of graph.nodes) {
    const info = infos.get(node.id);
    const input = info?.inputShapes[0] ?? null;

    if (node.kind === 'Dense' && input && input.length >= 4) {
      push(warn(node, 'dense-on-image', `gets a ${input.length}-D tensor ${formatShape(input)}; add a Flatten (or GlobalAveragePooling2D) before it.`));
    }

    const softmax = appliedActivation(node.kind, node.params) === 'softmax';
    const consumers = adj.outgoing.get(node.id) ?? [];
    if (softmax && consumers.length > 0) {
      const next = byId.get(consumers[0]?.target ?? '');
      push(
        warn(
          node,
          'softmax-not-last',
          `applies softmax but feeds ${next ? blockLabel(next) : 'another block'}; softmax belongs on the last layer of a classifier — ${node.kind === 'Softmax' || node.kind === 'Activation' ? 'move it to the end or remove it' : "use 'relu' here"}.`,
          node.kind === 'Softmax' ? undefined : 'activation',
        ),
      );
    }

    const rate = dropoutKinds.has(node.kind) ? dropoutRateConfig(node.params).rate : 0;
    if (rate > 0.9 && rate < 1) {
      push(
        warn(
          node,
          'dropout-rate-high',
          `drops ${Math.round(rate * 100)}% of its inputs (rate ${rate}); that leaves too little signal to learn from — try 0.2 to 0.5.`,
          'rate',
        ),
      );
    }

    if (poolingKinds.has(node.kind) && input && input.length === 4 && info?.outputShape) {
      const pool = poolingConfig(node.params).pool_size;
      const h = input[1];
      const w = input[2];
      if ((h != null && pool[0] > h) || (w != null && pool[1] > w)) {
        push(
          warn(
            node,
            'pool-larger-than-input',
            `has a ${pool[0]}×${pool[1]} window but its input is only ${h ?? '?'}×${w ?? '?'}; use a smaller pool_size or remove the pooling.`,
            'pool_size',
          ),
        );
      }
    }
  }
  out.push(...disconnectedWarnings(graph, adj));
  return out;
}

/** Blocks outside the largest connected group (e.g. a forgotten Dense floating on the canvas). */
function disconnectedWarnings(graph: Graph, adj: Adjacency): Diagnostic[] {
  if (graph.nodes.length < 2) return [];
  const component = new Map<string, number>();
  const sizes: number[] = [];
  for (const start of graph.nodes) {
    if (component.has(start.id)) continue;
    const c = sizes.length;
    let size = 0;
    const todo = [start.id];
    component.set(start.id, c);
    while (todo.length > 0) {
      const id = todo.pop();
      if (id === undefined) break;
      size++;
      for (const e of [...(adj.incoming.get(id) ?? []), ...(adj.outgoing.get(id) ?? [])]) {
        for (const next of [e.source, e.target]) {
          if (!component.has(next) && adj.incoming.has(next)) {
            component.set(next, c);
            todo.push(next);
          }
        }
      }
    }
    sizes.push(size);
  }
  if (sizes.length < 2) return [];
  let main = 0;
  sizes.forEach((s, i) => {
    if (s > (sizes[main] ?? 0)) main = i;
  });
  return graph.nodes
    .filter((n) => component.get(n.id) !== main)
    .map((n) => warn(n, 'disconnected', 'is not connected to the rest of the model; wire it in or delete it.'));
}
