import type { AppInfo, EventOf, ParsedRequestOf, ResponseOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Graph } from '../../shared/graph/types';

/**
 * What the services need from the training engine, as one narrow interface: the real one runs
 * tfjs in a worker thread (engineHost.ts, plugged in by wiring.ts), service tests use a stand-in
 * that answers at once, and where no engine can start the services get null and say so.
 */

export type TrainEventPayload = EventOf<'train.event'>['event'];

export interface TrainingRun {
  stop(): void;
  readonly done: Promise<unknown>;
}

export interface WeightsLoaded {
  readonly loaded: boolean;
  readonly kept: readonly string[];
  /** Layers that start fresh (the model changed since the weights were saved). */
  readonly fresh: readonly string[];
}

export interface WeightsSaved {
  readonly file: string | null;
  readonly bytes: number;
  readonly fresh: readonly string[];
}

export type InspectKind = 'evaluate' | 'activations' | 'predict' | 'kernels' | 'fcView' | 'cell' | 'saliency';

export interface EngineHost {
  backends(): Promise<AppInfo['backends']>;
  startTraining(request: ParsedRequestOf<'train.start'>, onEvent: (event: TrainEventPayload) => void): Result<TrainingRun>;
  inspect<K extends InspectKind>(kind: K, request: ParsedRequestOf<`inspect.${K}`>): Promise<Result<ResponseOf<`inspect.${K}`>>>;
  /** Writes the engine's current weights: .keras archive, TF.js model folder, or Keras 3 JSON + .weights.h5. */
  exportTrained(format: 'keras' | 'tfjs' | 'keras-json', target: string, graph: Graph | undefined): Promise<Result<{ files: string[]; bytes: number }>>;
  /** Reads a file's weights into the engine for `graph` (a reopened project, an opened .keras): Inspect, export and training then use them. */
  loadWeights?(graph: Graph, file: string): Promise<Result<WeightsLoaded>>;
  /** Writes the engine's newest trained weights for `graph` as a Keras 3 .weights.h5; file null when there are none. */
  saveWeights?(graph: Graph, target: string): Promise<Result<WeightsSaved>>;
  dispose(): Promise<void>;
}
