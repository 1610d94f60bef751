import type { Graph } from '../../../shared/graph/types';
import { newProject, type DatasetRef, type Project, type RunRecord, type TrainingSettings } from '../../../shared/project';

/** The parts of a project file besides the graph: what the Train panel edits. */
export interface ProjectSettings {
  readonly training: TrainingSettings;
  readonly dataset: DatasetRef;
  /** Training runs kept with the project (the Runs tab, issue 5). */
  readonly runs?: readonly RunRecord[];
}

export function defaultSettings(): ProjectSettings {
  const p = newProject({ name: 'model', nodes: [], edges: [] });
  return { training: p.training, dataset: p.dataset };
}

/** The project file content for a graph and its settings. */
export function buildProject(graph: Graph, settings: ProjectSettings): Project {
  const runs = settings.runs === undefined || settings.runs.length === 0 ? {} : { runs: [...settings.runs] };
  return { ...newProject(graph), training: settings.training, dataset: settings.dataset, ...runs };
}

/** Splits an opened project (already validated and migrated by main) into graph and settings. */
export function readProject(project: Project): { graph: Graph; settings: ProjectSettings } {
  return { graph: project.graph, settings: { training: project.training, dataset: project.dataset, runs: project.runs ?? [] } };
}
