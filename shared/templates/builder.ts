import { defaultParamsFor } from '../graph/commands';
import { kerasBaseName } from '../graph/naming';
import type { Graph, GraphEdge, GraphNode, ModelClass, Params } from '../graph/types';
import { autoLayout } from '../layout';

/**
 * A small functional-API-like builder for code-built models (templates, tests).
 *
 *   const b = new GraphBuilder('vgg16', 'Functional');
 *   let x = b.input([224, 224, 3]);
 *   x = b.layer('Conv2D', { filters: 64, kernel_size: [3, 3] }, x, 'block1_conv1');
 *   const graph = b.build();
 *
 * Unnamed layers are named the way a fresh Keras session names them: a counter per
 * to_snake_case(class) prefix that only auto-named layers advance ('conv2d', 'conv2d_1', …),
 * so InceptionV3's conv2d_93 lands exactly where Keras puts it. Node ids are the layer names.
 * Every node stores its complete parameters (catalog defaults overridden by the given ones) so
 * exports carry every config value Keras would write.
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly counters = new Map<string, number>();
  private readonly names = new Set<string>();

  constructor(
    private readonly modelName: string,
    private readonly modelClass?: ModelClass,
  ) {}

  /** An InputLayer with `shape` (without the batch dimension); Keras's default name is 'input_layer'. */
  input(shape: readonly (number | null)[], name?: string): string {
    return this.add('InputLayer', { shape: [...shape] }, [], name);
  }

  /** A layer fed by `inputs` (one node id, or several in input order for merge layers). */
  layer(kind: string, params: Params, inputs: string | readonly string[], name?: string): string {
    return this.add(kind, params, typeof inputs === 'string' ? [inputs] : inputs, name);
  }

  /** Layers applied one after another, starting from `from`; returns the last one. */
  chain(from: string, layers: readonly (readonly [kind: string, params: Params, name?: string])[]): string {
    let x = from;
    for (const [kind, params, name] of layers) x = this.layer(kind, params, x, name);
    return x;
  }

  /** The finished graph, laid out top to bottom. */
  build(): Graph {
    const graph: Graph = {
      name: this.modelName,
      nodes: [...this.nodes],
      edges: [...this.edges],
      ...(this.modelClass ? { modelClass: this.modelClass } : {}),
    };
    return autoLayout(graph);
  }

  private add(kind: string, params: Params, inputs: readonly string[], name?: string): string {
    const layerName = name ?? this.autoName(kind);
    // Programmer errors in a template: fail loudly, a user never reaches these.
    if (this.names.has(layerName)) throw new Error(`GraphBuilder: duplicate layer name '${layerName}'`);
    for (const source of inputs) {
      if (!this.names.has(source)) throw new Error(`GraphBuilder: '${layerName}' reads unknown layer '${source}'`);
    }
    this.names.add(layerName);
    this.nodes.push({ id: layerName, kind, name: layerName, params: defaultParamsFor(kind, params), position: { x: 0, y: 0 } });
    inputs.forEach((source, targetIndex) => {
      this.edges.push({ id: `${source}->${layerName}:${targetIndex}`, source, target: layerName, targetIndex });
    });
    return layerName;
  }

  private autoName(kind: string): string {
    const base = kerasBaseName(kind);
    const used = this.counters.get(base) ?? 0;
    this.counters.set(base, used + 1);
    return used === 0 ? base : `${base}_${used}`;
  }
}
