import { randomUUID } from 'node:crypto';
import type { AppInfo, EventName, EventOf, ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import type { EngineHost, InspectKind, TrainingRun } from './ports';

type Emit = <E extends EventName>(event: E, payload: EventOf<E>) => void;

const NOT_READY = 'The training engine is not available in this build yet.';

/**
 * Datasets, training and inspection, delegated to the one engine host of the app (its worker
 * runs tfjs, never this thread). One run at a time; events carry their run's id.
 */
export function createEngineService(deps: { engine: () => EngineHost | null; emit: Emit }) {
  let current: { runId: string; run: TrainingRun } | null = null;

  function host(): Result<EngineHost> {
    const engine = deps.engine();
    return engine === null ? fail('not-ready', NOT_READY) : ok(engine);
  }

  return {
    async backends(): Promise<AppInfo['backends']> {
      const engine = deps.engine();
      if (engine === null) return { default: 'cpu', available: [{ name: 'cpu', available: false, reason: NOT_READY }] };
      return engine.backends();
    },

    async start(request: ParsedRequestOf<'train.start'>): Promise<ResultOf<'train.start'>> {
      if (current !== null) return fail('busy', 'A training run is already going; stop it before starting another.');
      const engine = host();
      if (!engine.ok) return engine;
      const runId = randomUUID();
      const started = engine.value.startTraining(request, (event) => deps.emit('train.event', { runId, event }));
      if (!started.ok) return started;
      const entry = { runId, run: started.value };
      current = entry;
      const release = () => {
        if (current === entry) current = null;
      };
      started.value.done.then(release, release);
      return ok({ runId });
    },

    async stop(request: ParsedRequestOf<'train.stop'>): Promise<ResultOf<'train.stop'>> {
      if (current === null || (request.runId !== undefined && request.runId !== current.runId)) return ok({ stopped: false });
      current.run.stop();
      return ok({ stopped: true });
    },

    async inspect<K extends InspectKind>(kind: K, request: ParsedRequestOf<`inspect.${K}`>): Promise<ResultOf<`inspect.${K}`>> {
      const engine = host();
      if (!engine.ok) return engine;
      return engine.value.inspect(kind, request);
    },

    /** Stops a running training (app closing). */
    async dispose(): Promise<void> {
      current?.run.stop();
      current = null;
      await deps.engine()?.dispose();
    },
  };
}
