import { emptyGraph } from '../../shared/graph/types';
import { exportKeras2, exportKeras3, importModel, toKerasJsonString } from '../../shared/keras';
import { newProject, parseProject, serializeProject } from '../../shared/project';
import { generatePython } from '../../shared/python';
import type { EngineOptions } from '../engine/host';
import { createEngineHost } from './engineHost';
import type { EngineHost, ModelCodec } from './ports';
import type { ProjectFormat } from './projectFormat';

/**
 * Plugs the other rooms' real implementations into the services' ports: the project format
 * (shared/project), the Keras codec (shared/keras, shared/python) and the engine host
 * (main/engine).
 */
export const projectFormat: ProjectFormat = {
  parse: parseProject,
  serialize: serializeProject,
  create: (graph) => newProject(graph ?? emptyGraph),
};

export const modelCodec: ModelCodec = {
  importModel,
  exportKeras(graph, dialect) {
    const exported = dialect === 'keras3' ? exportKeras3(graph) : exportKeras2(graph);
    return exported.ok ? { ok: true, text: toKerasJsonString(exported.json) } : { ok: false, messages: exported.diagnostics.map((d) => d.message) };
  },
  generatePython: (graph, training, dataset, strategy) => generatePython(graph, training, dataset, { strategy }),
};

/**
 * The app's one engine host, created on first use. `workerPath`: the worker bundle
 * (dist/worker.cjs); by default the engine finds it beside the running bundle.
 */
export function engineProvider(options: EngineOptions = {}): () => EngineHost {
  let host: EngineHost | null = null;
  return () => (host ??= createEngineHost(options));
}
