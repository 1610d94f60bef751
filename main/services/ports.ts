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

export type InspectKind = 'evaluate' | 'activations' | 'predict' | 'kernels' | 'fcView' | 'cell' | 'saliency';

export interface EngineHost {
  backends(): Promise<AppInfo['backends']>;
  startTraining(request: ParsedRequestOf<'train.start'>, onEvent: (event: TrainEventPayload) => void): Result<TrainingRun>;
  inspect<K extends InspectKind>(kind: K, request: ParsedRequestOf<`inspect.${K}`>): Promise<Result<ResponseOf<`inspect.${K}`>>>;
  /** Writes the engine's current weights: .keras archive, TF.js model folder, or Keras 3 JSON + .weights.h5. */
  exportTrained(format: 'keras' | 'tfjs' | 'keras-json', target: string, graph: Graph | undefined): Promise<Result<{ files: string[]; bytes: number }>>;
  dispose(): Promise<void>;
}
