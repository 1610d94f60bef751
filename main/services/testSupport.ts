import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isJsonObject } from '../../shared/json';
import type { ProjectFormat } from './projectFormat';

/** A project format stand-in for service tests: version 1 current, 2+ "newer". */
export const testFormat: ProjectFormat = {
  parse(json) {
    if (!isJsonObject(json) || json['format'] !== 'blockprop-project') return { ok: false, message: 'This is not a Blockprop project file.' };
    if (typeof json['version'] !== 'number') return { ok: false, message: 'The project file has no version.' };
    if (json['version'] > 1) return { ok: false, message: `It was saved by a newer Blockprop (version ${json['version']}).` };
    return { ok: true, project: json, warnings: [] };
  },
  serialize: (project) => JSON.stringify(project, null, 2) + '\n',
  create: () => ({ format: 'blockprop-project', version: 1, graph: { name: 'model', nodes: [], edges: [] } }),
};

export const sampleProject = { format: 'blockprop-project', version: 1, graph: { name: 'net', nodes: [], edges: [] } };

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'blockprop-test-'));
}
