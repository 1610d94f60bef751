import type { AppInfo, EventOf, ParsedRequestOf, ResponseOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Graph } from '../../shared/graph/types';
import type { DatasetRef, TrainingSettings } from '../../shared/project';

/**
 * What the services need from other rooms, as narrow interfaces (Netron's injected host):
 * the Keras codec (shared/keras + shared/python, H3) and the engine host (main/engine, H5/H6).
 * main/services/wiring.ts plugs the real implementations in; tests plug in stand-ins.
 */
export interface ModelCodec {
  importModel(json: unknown): { readonly ok: true; readonly graph: Graph; readonly format: 'keras3' | 'keras2' | 'tfjs'; readonly warnings: readonly string[] } | { readonly ok: false; readonly message: string };
  /** model.to_json() text in the requested dialect, or the diagnostics' messages. */
  exportKeras(graph: Graph, dialect: 'keras3' | 'keras2'): { ok: true; text: string } | { ok: false; messages: string[] };
  generatePython(graph: Graph, training: TrainingSettings | undefined, dataset: DatasetRef | undefined, strategy: 'none' | 'mirrored' | 'multiworker'): string;
}

export type TrainEventPayload = EventOf<'train.event'>['event'];

export interface TrainingRun {
  stop(): void;
  readonly done: Promise<unknown>;
}

export type InspectKind = 'evaluate' | 'activations' | 'predict' | 'kernels' | 'fcView' | 'cell' | 'saliency';

export interface EngineHost {
  backends(): Promise<AppInfo['backends']>;
  startTraining(request: ParsedRequestOf<'train.start'>, onEvent: (event: TrainEventPayload) => void): Result<TrainingRun>;
  inspect<K extends InspectKind>(kind: K, request: ParsedRequestOf<`inspect.${K}`>): Promise<Result<ResponseOf<`inspect.${K}`>>>;
  /** Writes the engine's current weights: .keras archive, TF.js model folder, or Keras 3 JSON + .weights.h5. */
  exportTrained(format: 'keras' | 'tfjs' | 'keras-json', target: string, graph: Graph | undefined): Promise<Result<{ files: string[]; bytes: number }>>;
  dispose(): Promise<void>;
}
