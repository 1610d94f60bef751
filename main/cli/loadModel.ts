import { failure, failureOf, success, type Outcome } from '../../shared/api/outcome';
import type { Graph } from '../../shared/graph/types';
import type { LayerWeights, ModelFileFormat } from '../../shared/modelfile/types';
import type { Project } from '../../shared/project';
import { openModelFile } from '../modelfile/read';
import { inferGraph } from '../../shared/inference/infer';
import type { Inference } from '../../shared/inference/types';
import type { ParsedArgs } from './args';
import { exitUsage, type CliIo } from './command';
import { printWarnings } from './report';

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

/**
 * What summary, validate and export start with: FILE (and --weights) read, its warnings printed and its
 * shapes inferred. A file that cannot be read is a usage error, said in one line; the failure is the
 * exit code.
 */
export async function loadAndInfer(command: string, args: ParsedArgs, io: CliIo): Promise<Outcome<{ model: LoadedModel; inference: Inference }, number>> {
  const loaded = await loadModelFile(args.positionals[0] ?? '', args.values.get('weights'));
  if (!loaded.ok) {
    io.err(`blockprop ${command}: ${loaded.error.message}\n`);
    return failureOf(exitUsage);
  }
  printWarnings(io, loaded.value.warnings);
  return success({ model: loaded.value, inference: inferGraph(loaded.value.graph) });
}
