import { strToU8, zipSync } from 'fflate';
import type { LayersModel } from '@tensorflow/tfjs-layers';
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

export type BytesResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** time.strftime("%Y-%m-%d@%H:%M:%S"), as saving_lib writes date_saved. */
function dateSaved(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}@${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function kerasJsonOf(graph: Graph): { ok: true; json: JsonObject } | { ok: false; message: string } {
  const exported = exportKeras3(graph);
  if (!exported.ok) return { ok: false, message: exported.error.diagnostics.map((d) => d.message).join('\n') };
  return { ok: true, json: exported.value };
}

/** model.weights.h5 alone (Keras 3's `.weights.h5`, what `model.load_weights` reads). */
export async function weightsFileBytes(model: LayersModel, graph: Graph): Promise<BytesResult> {
  const json = kerasJsonOf(graph);
  if (!json.ok) return json;
  const weights = await collectKerasWeights(model, json.json);
  if (!weights.ok) return weights;
  return { ok: true, bytes: await weightsH5Bytes(weights.weights) };
}

/**
 * A `.keras` archive as Keras 3's `model.save` writes it: a zip (stored, not deflated) of
 * metadata.json, config.json (our Keras 3 export of `graph`) and model.weights.h5 (the TF.js
 * model's current weights, laid out as saving_lib does). No optimizer state: Keras loads the
 * model uncompiled-ready and `compile()` starts a fresh optimizer.
 */
export async function kerasArchiveBytes(model: LayersModel, graph: Graph, extras: ArchiveExtras = {}, now = new Date()): Promise<BytesResult> {
  const json = kerasJsonOf(graph);
  if (!json.ok) return json;
  const weights = await collectKerasWeights(model, json.json);
  if (!weights.ok) return weights;
  const h5 = await weightsH5Bytes(weights.weights);
  const metadata: JsonObject = {
    keras_version: KERAS_VERSION,
    date_saved: dateSaved(now),
    ...(extras.classNames ? { blockprop: { class_names: [...extras.classNames] } } : {}),
  };
  const zip = zipSync(
    {
      'metadata.json': strToU8(toKerasJsonString(metadata)),
      'config.json': strToU8(toKerasJsonString(json.json)),
      'model.weights.h5': h5,
    },
    { level: 0, mtime: now },
  );
  return { ok: true, bytes: zip };
}
