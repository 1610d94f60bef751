import { failure, success, type Outcome } from '../../shared/api/outcome';
import type { Graph } from '../../shared/graph/types';
import type { LayerWeights, ModelFileFormat } from '../../shared/modelfile/types';
import type { Project } from '../../shared/project';
import { openModelFile } from '../modelfile/read';

export interface LoadedModel {
  readonly graph: Graph;
  /** Set when FILE is a project file (its training settings and dataset come along). */
  readonly project: Project | null;
  readonly format: ModelFileFormat;
  /** The file's weights by layer, or null when it holds the architecture only. */
  readonly weights: readonly LayerWeights[] | null;
  readonly warnings: readonly string[];
}

/** CLI errors are one line: fold any line breaks a message may carry. */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * Reads FILE through the one model-file reader: a project (with its weights), a `.keras`, a
 * legacy `.h5`, Keras 3 / Keras 2 JSON (with `weights` or a sibling STEM.weights.h5) or a TF.js
 * model.json with its shards — recognised by content, not by extension.
 */
export async function loadModelFile(file: string, weights?: string): Promise<Outcome<LoadedModel>> {
  const r = await openModelFile(file, weights !== undefined ? { weights } : {});
  if (!r.ok) return failure(oneLine(r.error.message.startsWith('cannot read') ? r.error.message : `cannot read ${r.error.message}`));
  const { graph, project, format, warnings } = r.value;
  return success({ graph, project, format, weights: r.value.weights, warnings });
}
