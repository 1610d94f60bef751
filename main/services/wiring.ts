import { emptyGraph } from '../../shared/graph/types';
import { isJsonObject, type JsonObject } from '../../shared/json';
import type { EngineHost, ModelCodec } from './ports';
import type { ProjectFormat } from './projectFormat';

/**
 * Plugs the other rooms' real implementations into the services' ports: the project format
 * (shared/project), the Keras codec (shared/keras, shared/python) and the engine host
 * (main/engine). Pieces not built yet answer 'not-ready'.
 */
export const projectFormat: ProjectFormat = {
  parse(json) {
    if (!isJsonObject(json) || json['format'] !== 'blockprop-project') return { ok: false, message: 'This is not a Blockprop project file.' };
    const version = json['version'];
    if (typeof version !== 'number') return { ok: false, message: 'The project file has no version.' };
    if (version > 1) return { ok: false, message: `It was saved by a newer Blockprop (file version ${version}); update Blockprop to open it.` };
    return { ok: true, project: json, warnings: [] };
  },
  serialize: (project) => JSON.stringify(project, null, 2) + '\n',
  create: (graph) => {
    const project: JsonObject = { format: 'blockprop-project', version: 1, graph: JSON.parse(JSON.stringify(graph ?? emptyGraph)), training: {}, dataset: { kind: 'mnist' } };
    return project;
  },
};

const notReady = 'The Keras codec is not available in this build yet.';
export const modelCodec: ModelCodec = {
  importModel: () => ({ ok: false, message: notReady }),
  exportKeras: () => ({ ok: false, messages: [notReady] }),
  generatePython: () => `# ${notReady}\n`,
};

const engineHost: EngineHost | null = null;
/** The app's one engine host (created on first use). */
export function engine(): EngineHost | null {
  return engineHost;
}
