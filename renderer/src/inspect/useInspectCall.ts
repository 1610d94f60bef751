import { useEffect, useRef, useState } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/api/contract';
import { api } from '../host/api';
import { projectStore } from '../state/projectStore';
import { editor } from '../state/editorStore';
import { modelKey } from '../state/modelKey';

type InspectMethod = Extract<MethodName, `inspect.${string}`>;

/**
 * Inspect calls go to the engine one at a time: the worker builds the initial-weights model on
 * the first look, and two looks racing into it (activations + prediction at once) can find the
 * backend not ready yet. One queue also keeps a burst (40 thumbnails) from starving the others.
 */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

export type CallState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly previous: T | null }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

/**
 * Calls an inspect method whenever `deps` change, adding the current graph and dataset (the
 * engine uses its trained weights when the graph is the trained one, else initial weights).
 * Requests are throttled to one in flight: while drawing, the latest request wins and the
 * ones in between are skipped.
 */
export function useInspectCall<M extends InspectMethod>(
  method: M,
  request: Omit<RequestOf<M>, 'graph' | 'dataset'> | null,
  deps: readonly unknown[],
): CallState<ResponseOf<M>> {
  const [state, setState] = useState<CallState<ResponseOf<M>>>({ status: 'idle' });
  const inFlight = useRef(false);
  const queued = useRef<(() => void) | null>(null);
  // The last answer and the model it was computed for: while a new one loads, only an answer for
  // the same model stands in (drawing a digit redraws without flicker; opening ResNet50 must not
  // show the previous CNN's maps under ResNet's layer name).
  const last = useRef<{ readonly key: string; readonly value: ResponseOf<M> } | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  useEffect(() => {
    if (request === null) {
      setState({ status: 'idle' });
      return;
    }
    const run = () => {
      inFlight.current = true;
      const graph = editor.graph();
      const key = modelKey(graph);
      setState({ status: 'loading', previous: last.current?.key === key ? last.current.value : null });
      const { dataset } = projectStore.getState().settings;
      const full = { ...request, graph, dataset } as RequestOf<M>; // adds the two optional target fields
      void enqueue(() => api().invoke(method, full)).then((r) => {
        inFlight.current = false;
        if (!alive.current) return;
        if (r.ok) {
          last.current = { key, value: r.value };
          setState({ status: 'ok', value: r.value });
        } else setState({ status: 'error', message: r.error.message });
        const next = queued.current;
        queued.current = null;
        next?.();
      });
    };
    if (inFlight.current) queued.current = run;
    else run();
    // deps are the caller's
  }, deps);
  return state;
}

/** The value to show: the fresh one, or the previous while a new one loads (no flicker). */
export function shown<T>(s: CallState<T>): T | null {
  return s.status === 'ok' ? s.value : s.status === 'loading' ? s.previous : null;
}
