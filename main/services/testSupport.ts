import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newProject } from '../../shared/project';
import type { ProjectFormat } from './projectFormat';
import { projectFormat } from './wiring';

/** The real project format (shared/project) for service tests. */
export const testFormat: ProjectFormat = projectFormat;

export const sampleProject = newProject({ name: 'net', nodes: [], edges: [] });

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'blockprop-test-'));
}
