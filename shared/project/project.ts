import { failure, success, type Outcome } from '../api/outcome';
import type { Graph } from '../graph/types';
import { depthProblem, isJsonObject, own, previewJson } from '../json';
import { snakeToCamel } from '../keras/case';
import { repairGraph } from './repairGraph';
import { repairRuns } from './runs';
import {
  datasetRefSchema,
  defaultDataset,
  defaultTraining,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  trainingFields,
  type DatasetRef,
  type Project,
  type TrainingSettings,
} from './schema';

/** A project read from a file, and what was repaired or upgraded on the way (for a notice). */
export interface ParsedProject {
  readonly project: Project;
  readonly warnings: readonly string[];
}

export function newProject(graph: Graph, opts: { training?: Partial<TrainingSettings>; dataset?: DatasetRef } = {}): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    graph,
    training: { ...defaultTraining, ...opts.training },
    dataset: opts.dataset ?? defaultDataset,
  };
}

/** Pretty JSON with a final newline: diffs well, opens in any editor. */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** Whether parsed JSON looks like a project file rather than a Keras model. */
export function isProjectJson(json: unknown): boolean {
  return isJsonObject(json) && (json['format'] === PROJECT_FORMAT || (isJsonObject(json['graph']) && !('class_name' in json)));
}

/** Early builds wrote snake_case keys, `lr`, and optimizers/metrics as bare strings. */
function legacyTraining(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[k === 'lr' ? 'learningRate' : snakeToCamel(k)] = v;
  if (typeof out['optimizer'] === 'string') out['optimizer'] = { kind: out['optimizer'].toLowerCase() };
  if (Array.isArray(out['metrics'])) out['metrics'] = out['metrics'].map((m: unknown) => (typeof m === 'string' ? { kind: m === 'acc' ? 'accuracy' : m } : m));
  if (typeof out['loss'] === 'string') {
    const aliases: Record<string, string> = { mean_squared_error: 'mse', mean_absolute_error: 'mae' };
    out['loss'] = own(aliases, out['loss']) ?? out['loss'];
  }
  return out;
}

interface SafeParser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

function repairTraining(raw: unknown, warnings: string[]): TrainingSettings {
  if (raw === undefined) return defaultTraining;
  if (!isJsonObject(raw)) {
    warnings.push('The training settings were unreadable; using the defaults.');
    return defaultTraining;
  }
  const given = legacyTraining({ ...raw });
  // Each field on its own: one bad value falls back to its default and keeps the rest.
  const field = <K extends keyof TrainingSettings>(key: K, schema: SafeParser<TrainingSettings[K]>): TrainingSettings[K] => {
    const fallback = defaultTraining[key];
    if (!(key in given)) return fallback;
    const parsed = schema.safeParse(given[key]);
    if (parsed.success) return parsed.data;
    warnings.push(`Training setting '${key}' had an invalid value (${previewJson(given[key], 60)}); using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const f = trainingFields;
  return {
    optimizer: field('optimizer', f.optimizer),
    learningRate: field('learningRate', f.learningRate),
    loss: field('loss', f.loss),
    metrics: field('metrics', f.metrics),
    batchSize: field('batchSize', f.batchSize),
    epochs: field('epochs', f.epochs),
    validation: field('validation', f.validation),
    validationSplit: field('validationSplit', f.validationSplit),
    shuffle: field('shuffle', f.shuffle),
    seed: field('seed', f.seed),
    earlyStopping: field('earlyStopping', f.earlyStopping),
    lrSchedule: field('lrSchedule', f.lrSchedule),
  };
}

function repairDataset(raw: unknown, warnings: string[]): DatasetRef {
  if (raw === undefined) return defaultDataset;
  const parsed = datasetRefSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  warnings.push(`The dataset reference was invalid (${previewJson(raw, 60)}); using MNIST.`);
  return defaultDataset;
}

/**
 * Reads a project file's JSON: refuses what cannot be a Blockprop project or was made by a
 * newer version, repairs what it can (old versions, missing or broken fields) and says what
 * it changed in `warnings`.
 */
export function parseProject(json: unknown): Outcome<ParsedProject> {
  if (!isJsonObject(json)) return failure('This is not a Blockprop project file: it holds no JSON object.');
  const tooDeep = depthProblem(json);
  if (tooDeep !== null) return failure(`Cannot open the project: ${tooDeep}.`);
  const warnings: string[] = [];
  const format = json['format'];
  if (format !== undefined && format !== PROJECT_FORMAT) {
    return failure(`This is not a Blockprop project file (format ${previewJson(format, 60)}, expected '${PROJECT_FORMAT}').`);
  }
  if (format === undefined) {
    if (!isJsonObject(json['graph'])) return failure("This is not a Blockprop project file: it has neither 'format' nor a model 'graph'.");
    warnings.push("The file has no 'format' marker; read it as a Blockprop project.");
  }
  const version = json['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PROJECT_VERSION) {
    return failure(`This project was made by a newer Blockprop (version ${version}); update Blockprop to open it.`);
  }
  if (version !== PROJECT_VERSION) {
    warnings.push(`The project file has version ${previewJson(version ?? null, 30)}; it was upgraded to version ${PROJECT_VERSION}.`);
  }
  const repaired = repairGraph(json['graph'], warnings);
  if (!repaired.ok) return failure(`Cannot open the project: ${repaired.error.message}.`);
  const graph = repaired.value;
  const training = repairTraining(json['training'], warnings);
  const dataset = repairDataset(json['dataset'], warnings);
  const runs = repairRuns(json['runs'], warnings);
  const project: Project = { format: PROJECT_FORMAT, version: PROJECT_VERSION, graph, training, dataset, ...(runs === undefined ? {} : { runs }) };
  return success({ project, warnings });
}

/** Parses project file text, turning JSON syntax errors into a sentence (truncated files included). */
export function parseProjectText(text: string): Outcome<ParsedProject> {
  const json = parseJsonText(text);
  return json.ok ? parseProject(json.value) : failure(`Cannot open the project: ${json.error.message}`);
}

/** What text that is not JSON looks like, in words, never its bytes ("a PNG image", "binary data"). */
export function describeNonJson(text: string): string | null {
  const head = text.slice(0, 512);
  // Bytes that are not UTF-8 arrive as U+FFFD: a PNG's 0x89, a JPEG's FF D8 FF, HDF5's 0x89.
  if (/^[\u0089\ufffd]PNG\r\n/.test(head)) return 'a PNG image';
  if (/^\ufffd{3}/.test(head)) return 'a JPEG image or other binary data';
  if (/^[\u0089\ufffd]HDF\r\n/.test(head)) return 'an HDF5 file';
  if (head.startsWith('PK\u0003\u0004')) return 'a zip archive';
  if (head.startsWith('\u001f\ufffd')) return 'gzip-compressed data';
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head)) return 'binary data';
  const first = head.trimStart()[0];
  if (first !== '{' && first !== '[') return 'plain text';
  return null;
}

/**
 * JSON.parse with a message for people: says when a file looks cut short, never repeats its bytes.
 * The message is a clause ("the file is empty.") for the caller to put after the file's name.
 */
export function parseJsonText(text: string): Outcome<unknown> {
  if (text.trim() === '') return failure('the file is empty.');
  try {
    return success<unknown>(JSON.parse(text));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/end of (JSON|data)|Unterminated|unexpected end/i.test(detail)) {
      return failure('the file ends in the middle of the JSON — it looks truncated (an interrupted save or copy); restore a complete copy.');
    }
    const looks = describeNonJson(text);
    if (looks !== null) return failure(`the file is not JSON: it looks like ${looks}.`);
    // JSON.parse quotes the offending text; say only where it is.
    const position = /at position (\d+)/.exec(detail);
    if (position === null) return failure('the file is not valid JSON (a syntax error).');
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return failure(`the file is not valid JSON (a syntax error at line ${line}, column ${column}).`);
  }
}
