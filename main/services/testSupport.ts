import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newProject } from '../../shared/project';

export const sampleProject = newProject({ name: 'net', nodes: [], edges: [] });

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'blockprop-test-'));
}
