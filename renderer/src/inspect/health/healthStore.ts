import type { TrainingHealth } from '../../../../shared/api/health';
import { api } from '../../host/api';
import { createStore, useStore } from '../../state/createStore';

/** One run's health reports, one per measured epoch, as the epoch events bring them. */
export interface RunHealth {
  readonly runId: string;
  readonly model: string;
  readonly startedAt: number;
  readonly epochs: readonly TrainingHealth[];
  /** Durations (ms) of every epoch of the run, measured or not, to show what measuring cost. */
  readonly durations: readonly number[];
}

/** This session's runs, newest first (at most 20); `shown` picks one, null = the newest. */
export interface HealthState {
  readonly runs: readonly RunHealth[];
  readonly shown: string | null;
}

export const healthStore = createStore<HealthState>({ runs: [], shown: null });

export function useHealth<T>(selector: (s: HealthState) => T): T {
  return useStore(healthStore, selector);
}

export function showRun(runId: string | null): void {
  healthStore.setState((s) => ({ ...s, shown: runId }));
}

let subscribed = false;

/** Listens to train events (once): each run gets its own history, kept for the session. */
export function watchHealth(modelName: () => string): void {
  if (subscribed) return;
  subscribed = true;
  api().on('train.event', ({ runId, event }) => {
    if (event.event === 'start') {
      const run: RunHealth = { runId, model: modelName(), startedAt: Date.now(), epochs: [], durations: [] };
      healthStore.setState((s) => ({ runs: [run, ...s.runs.filter((r) => r.runId !== runId)].slice(0, 20), shown: null }));
      return;
    }
    if (event.event !== 'epoch') return;
    const health = event.health;
    healthStore.setState((s) => ({
      ...s,
      runs: s.runs.map((r) =>
        r.runId !== runId ? r : { ...r, epochs: health === undefined ? r.epochs : [...r.epochs, health], durations: [...r.durations, event.durationMs] },
      ),
    }));
  });
}
