import type { Graph } from '../../../shared/graph/types';
import { isJsonObject, type JsonObject } from '../../../shared/json';
import { newProject, parseProject, serializeProject } from '../../../shared/project';

/** Keys of a project file that are not the graph: training settings, dataset, and whatever later versions add. */
export function extrasOf(project: JsonObject): JsonObject {
  const rest: Record<string, JsonObject[string]> = {};
  for (const [k, v] of Object.entries(project)) if (k !== 'graph' && k !== 'format' && k !== 'version') rest[k] = v;
  return rest;
}

function toJsonObject(text: string): JsonObject {
  const value: unknown = JSON.parse(text);
  if (!isJsonObject(value)) throw new Error('serializeProject produced a non-object');
  return value;
}

/** The project file content for a graph and its other sections, normalised by the core's parser. */
export function buildProject(graph: Graph, extras: JsonObject): { ok: true; json: JsonObject } | { ok: false; message: string } {
  const fresh = toJsonObject(serializeProject(newProject(graph)));
  const merged: JsonObject = { ...fresh, ...extras, format: fresh.format ?? 'blockprop-project', version: fresh.version ?? 1, graph: fresh.graph ?? null };
  const parsed = parseProject(merged);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, json: toJsonObject(serializeProject(parsed.project)) };
}

/** Reads a project that came over the wire (already checked by main, parsed again here: data starts as unknown). */
export function readProject(json: unknown): { ok: true; graph: Graph; extras: JsonObject; warnings: readonly string[] } | { ok: false; message: string } {
  const parsed = parseProject(json);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const normal = toJsonObject(serializeProject(parsed.project));
  return { ok: true, graph: parsed.project.graph, extras: extrasOf(normal), warnings: parsed.warnings };
}
