import type { Graph } from '../../shared/graph/types';
import type { Project } from '../../shared/project';

/**
 * What the project services need from the project-file format (shared/project, H2):
 * parse (migrates old versions, refuses newer ones with a message), serialize, create.
 * Injected so the services stay testable on their own.
 */
export interface ProjectFormat {
  parse(json: unknown): { readonly ok: true; readonly project: Project; readonly warnings: readonly string[] } | { readonly ok: false; readonly message: string };
  serialize(project: Project): string;
  create(graph?: Graph): Project;
}
