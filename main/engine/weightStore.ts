import type { LayersModel } from '@tensorflow/tfjs-layers';
import { success, type Outcome } from '../../shared/api/outcome';
import type { Graph } from '../../shared/graph/types';
import { exportKeras3 } from '../../shared/keras/exportKeras3';
import { toKerasJsonString } from '../../shared/keras/jsonString';
import type { LayerWeights } from '../../shared/modelfile/types';
import { getLayerWeights, setLayerWeights } from './export/setWeights';

/**
 * The engine's newest trained weights: the last run's model, or weights loaded from a file (a
 * project's sibling .weights.h5, an opened .keras / .h5). Inspect, export, saving the project and
 * "continue training" all start from here, so trained weights are never silently replaced by
 * fresh ones; a graph that changed since keeps every layer whose name and shapes still fit.
 */

interface Latest {
  readonly model: LayersModel;
  readonly graph: Graph;
  readonly key: string | null;
  /** Loaded models belong to the store (disposed when replaced); a run's model belongs to the worker's session. */
  readonly owned: boolean;
  /** Where the weights came from, for messages: 'the last run', 'cnn.weights.h5'. */
  readonly origin: string;
}

let latest: Latest | null = null;

/** The model's identity: its Keras 3 JSON (layers and parameters; canvas positions do not count). */
export function graphKey(graph: Graph): string | null {
  const exported = exportKeras3(graph);
  return exported.ok ? toKerasJsonString(exported.value) : null;
}

function replace(next: Latest): void {
  if (latest !== null && latest.owned && latest.model !== next.model) latest.model.dispose();
  latest = next;
}

export function rememberRunModel(model: LayersModel, graph: Graph): void {
  replace({ model, graph, key: graphKey(graph), owned: false, origin: 'the last run' });
}

export function adoptLoadedModel(model: LayersModel, graph: Graph, origin: string): void {
  replace({ model, graph, key: graphKey(graph), owned: true, origin });
}

export function latestModel(): { readonly model: LayersModel; readonly origin: string } | null {
  return latest;
}

/** The trained model when it is exactly this graph. */
export function latestFor(graph: Graph): LayersModel | null {
  const key = graphKey(graph);
  return key === null ? null : latestForKey(key);
}

/** The same, for a caller that already has the graph's key (it costs a Keras 3 export to make). */
export function latestForKey(key: string): LayersModel | null {
  return latest !== null && latest.key === key ? latest.model : null;
}

const sameShape = (a: readonly (number | null)[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export interface Carried {
  /** Layers that got their trained weights. */
  readonly kept: readonly string[];
  /** Layers with weights that start fresh (new, or changed since the weights were made). */
  readonly fresh: readonly string[];
}

/** Sets every layer of `model` whose name and weight shapes fit `weights`; the others keep their fresh weights. */
export function carryWeights(model: LayersModel, weights: readonly LayerWeights[]): Outcome<Carried> {
  const byName = new Map(weights.map((w) => [w.layer, w]));
  const fits: LayerWeights[] = [];
  const fresh: string[] = [];
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    const entry = byName.get(layer.name);
    const ours = layer.weights.map((w) => w.shape);
    const ok = entry !== undefined && entry.vars.length === ours.length && entry.vars.every((v) => ours.some((o) => sameShape(o, v.shape)));
    if (ok) fits.push(entry);
    else fresh.push(layer.name);
  }
  const set = setLayerWeights(model, fits);
  return set.ok ? success({ kept: fits.map((f) => f.layer), fresh }) : set;
}

/**
 * Copies the newest trained weights into a freshly built model of an edited graph. Only within
 * the same model (its name): another project's or template's layers named 'dense' are not ours.
 */
export async function carryLatestInto(model: LayersModel, graph: Graph): Promise<Carried | null> {
  if (latest === null || latest.graph.name !== graph.name) return null;
  const carried = carryWeights(model, await getLayerWeights(latest.model));
  return carried.ok ? carried.value : null;
}
