import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { failure, success, type Outcome } from '../../../shared/api/outcome';
import type { Graph } from '../../../shared/graph/types';
import { toKerasJsonString } from '../../../shared/keras/jsonString';
import { type ArchiveExtras, kerasArchiveBytes, kerasJsonOf, weightsFileBytes } from './kerasArchive';
import { tfjsArtifacts, TFJS_WEIGHTS_FILE } from './tfjsArtifacts';

export type ExportFormat = 'keras' | 'tfjs' | 'keras-json';

/** The files written and how many bytes they hold together. */
export interface SavedFiles {
  readonly files: readonly string[];
  readonly bytes: number;
}

/**
 * Writes a trained (or freshly initialised) model:
 * - 'keras': `target` is the .keras file (".keras" is appended when missing);
 * - 'tfjs': `target` is a folder receiving model.json + weights.bin;
 * - 'keras-json': `target` is a path stem: STEM.json (Keras 3 model.to_json()) + STEM.weights.h5.
 */
export async function saveModel(
  model: LayersModel,
  graph: Graph,
  format: ExportFormat,
  target: string,
  extras: ArchiveExtras = {},
): Promise<Outcome<SavedFiles>> {
  try {
    if (format === 'keras') {
      const file = target.endsWith('.keras') ? target : `${target}.keras`;
      const archive = await kerasArchiveBytes(model, graph, extras);
      if (!archive.ok) return archive;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, archive.value);
      return success({ files: [file], bytes: archive.value.length });
    }
    if (format === 'tfjs') {
      await mkdir(target, { recursive: true });
      const { modelJson, weights } = await tfjsArtifacts(model);
      const jsonFile = path.join(target, 'model.json');
      const binFile = path.join(target, TFJS_WEIGHTS_FILE);
      await writeFile(jsonFile, modelJson);
      await writeFile(binFile, weights);
      return success({ files: [jsonFile, binFile], bytes: modelJson.length + weights.length });
    }
    const stem = target.replace(/\.json$/, '');
    const json = kerasJsonOf(graph);
    if (!json.ok) return json;
    const weights = await weightsFileBytes(model, graph);
    if (!weights.ok) return weights;
    const text = toKerasJsonString(json.value);
    await mkdir(path.dirname(stem), { recursive: true });
    await writeFile(`${stem}.json`, text);
    await writeFile(`${stem}.weights.h5`, weights.value);
    return success({ files: [`${stem}.json`, `${stem}.weights.h5`], bytes: text.length + weights.value.length });
  } catch (e) {
    return failure(`Could not write ${target}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
