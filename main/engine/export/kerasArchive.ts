import { strToU8, zipSync } from 'fflate';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { success, type Outcome } from '../../../shared/api/outcome';
import type { Graph } from '../../../shared/graph/types';
import type { JsonObject } from '../../../shared/json';
import { exportKeras3 } from '../../../shared/keras/exportKeras3';
import { toKerasJsonString } from '../../../shared/keras/jsonString';
import { weightsH5Bytes } from './h5';
import { collectKerasWeights } from './kerasWeights';

/** The Keras release whose saving format we write (and verified loading with). */
export const KERAS_VERSION = '3.15.1';

/** What Blockprop adds to metadata.json (Keras reads only keras_version/date_saved and ignores the rest). */
export interface ArchiveExtras {
  readonly classNames?: readonly string[];
}

/** time.strftime("%Y-%m-%d@%H:%M:%S"), as saving_lib writes date_saved. */
function dateSaved(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}@${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The graph's Keras 3 JSON, or why it does not export (its diagnostics, a line each). */
export function kerasJsonOf(graph: Graph): Outcome<JsonObject> {
  const exported = exportKeras3(graph);
  return exported;
}

/** model.weights.h5 alone (Keras 3's `.weights.h5`, what `model.load_weights` reads). */
export async function weightsFileBytes(model: LayersModel, graph: Graph): Promise<Outcome<Uint8Array>> {
  const json = kerasJsonOf(graph);
  if (!json.ok) return json;
  const weights = await collectKerasWeights(model, json.value);
  if (!weights.ok) return weights;
  return success(await weightsH5Bytes(weights.value));
}

/**
 * A `.keras` archive as Keras 3's `model.save` writes it: a zip (stored, not deflated) of
 * metadata.json, config.json (our Keras 3 export of `graph`) and model.weights.h5 (the TF.js
 * model's current weights, laid out as saving_lib does). No optimizer state: Keras loads the
 * model uncompiled-ready and `compile()` starts a fresh optimizer.
 */
export async function kerasArchiveBytes(model: LayersModel, graph: Graph, extras: ArchiveExtras = {}, now = new Date()): Promise<Outcome<Uint8Array>> {
  const json = kerasJsonOf(graph);
  if (!json.ok) return json;
  const weights = await collectKerasWeights(model, json.value);
  if (!weights.ok) return weights;
  const h5 = await weightsH5Bytes(weights.value);
  const metadata: JsonObject = {
    keras_version: KERAS_VERSION,
    date_saved: dateSaved(now),
    ...(extras.classNames ? { blockprop: { class_names: [...extras.classNames] } } : {}),
  };
  const zip = zipSync(
    {
      'metadata.json': strToU8(toKerasJsonString(metadata)),
      'config.json': strToU8(toKerasJsonString(json.value)),
      'model.weights.h5': h5,
    },
    { level: 0, mtime: now },
  );
  return success(zip);
}
