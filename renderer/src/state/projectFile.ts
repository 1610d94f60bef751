import type { Graph } from '../../../shared/graph/types';
import { newProject, type Project } from '../../../shared/project';

/**
 * Everything in a project file besides the graph: training settings, dataset, and whatever the
 * project format adds later (run history) — carried through open and save untouched.
 */
export type ProjectSettings = Omit<Project, 'format' | 'version' | 'graph'>;

export function defaultSettings(): ProjectSettings {
  return readProject(newProject({ name: 'model', nodes: [], edges: [] })).settings;
}

/** The project file content for a graph and its settings. */
export function buildProject(graph: Graph, settings: ProjectSettings): Project {
  return { ...newProject(graph), ...settings };
}

/** Splits an opened project (already validated and migrated by main) into graph and settings. */
export function readProject(project: Project): { graph: Graph; settings: ProjectSettings } {
  const { graph, format: _format, version: _version, ...settings } = project;
  return { graph, settings };
}
