import type { TrainingHealth } from '../../../../shared/api/health';
import { api } from '../../host/api';
import { createStore, useStore } from '../../state/createStore';

/** The health reports of the latest run, one per epoch, as the epoch events bring them (issue 12 §3). */
export interface HealthState {
  readonly runId: string | null;
  readonly model: string | null;
  readonly epochs: readonly TrainingHealth[];
  /** Epoch durations (ms), to show what the measurement cost. */
  readonly durations: readonly number[];
}

export const healthStore = createStore<HealthState>({ runId: null, model: null, epochs: [], durations: [] });

export function useHealth<T>(selector: (s: HealthState) => T): T {
  return useStore(healthStore, selector);
}

let subscribed = false;

/** Listens to train events (once); a new run starts a new history. */
export function watchHealth(modelName: () => string): void {
  if (subscribed) return;
  subscribed = true;
  api().on('train.event', ({ runId, event }) => {
    if (event.event === 'start') {
      healthStore.setState(() => ({ runId, model: modelName(), epochs: [], durations: [] }));
      return;
    }
    if (event.event !== 'epoch' || event.health === undefined) return;
    const health = event.health;
    healthStore.setState((s) => (s.runId !== runId ? s : { ...s, epochs: [...s.epochs, health], durations: [...s.durations, event.durationMs] }));
  });
}
