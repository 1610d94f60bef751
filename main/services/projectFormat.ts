import type { Graph } from '../../shared/graph/types';
import type { JsonObject } from '../../shared/json';

/**
 * What the project services need from the project-file format (shared/project, H2):
 * parse (migrates old versions, refuses newer ones with a message), serialize, create.
 * Injected so the services are testable on their own.
 */
export interface ProjectFormat {
  parse(json: unknown): { ok: true; project: JsonObject; warnings: string[] } | { ok: false; message: string };
  serialize(project: JsonObject): string;
  create(graph?: Graph): JsonObject;
}
