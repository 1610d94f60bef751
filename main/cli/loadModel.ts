import { readFileSync } from 'node:fs';
import type { Graph } from '../../shared/graph/types';
import { importModel } from '../../shared/keras';
import { isProjectJson, parseJsonText, parseProject, type Project } from '../../shared/project';

export type LoadedModel =
  | {
      readonly ok: true;
      readonly graph: Graph;
      /** Set when FILE is a project file (its training settings and dataset come along). */
      readonly project: Project | null;
      readonly format: 'project' | 'keras3' | 'keras2' | 'tfjs';
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

function readError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** CLI errors are one line: fold any line breaks a message may carry. */
const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** Reads FILE: a Blockprop project, Keras 3 JSON, Keras 2 / tf.keras JSON or a TF.js model.json. */
export function loadModelFile(file: string): LoadedModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `cannot read ${file}: ${readError(err)}` };
  }
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
  if ('error' in parsed) return { ok: false, message: oneLine(`cannot read ${file}: ${parsed.error}`) };
  if (isProjectJson(parsed.value)) {
    const r = parseProject(parsed.value);
    if (!r.ok) return { ok: false, message: oneLine(`cannot open ${file}: ${r.message}`) };
    return { ok: true, graph: r.project.graph, project: r.project, format: 'project', warnings: r.warnings };
  }
  const r = importModel(parsed.value);
  if (!r.ok) return { ok: false, message: oneLine(`cannot read ${file}: ${r.message}`) };
  return { ok: true, graph: r.graph, project: null, format: r.format, warnings: r.warnings };
}
