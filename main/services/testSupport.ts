import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newProject } from '../../shared/project';
import { createHandlers, type HostContext } from './handlers';

export const sampleProject = newProject({ name: 'net', nodes: [], edges: [] });

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'blockprop-test-'));
}

/** The real services as tests host them: config kept in `configDir`, no engine, events to `emit` (dropped unless given). */
export function testHandlers(mode: HostContext['mode'], configDir: string, emit: HostContext['emit'] = () => undefined): ReturnType<typeof createHandlers> {
  return createHandlers({ mode, configDir, version: '0', versions: { node: process.versions.node, electron: null, chrome: null }, engine: () => null, emit });
}
