import { z } from 'zod';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Graph } from '../../shared/graph/types';
import type { LoadedDataset } from './datasets/types';
import type { LossName } from './datasets/mismatch';
import { engine as tfEngine } from '@tensorflow/tfjs-core';
import { startBackend } from './backend';
import { saveModel } from './export/save';
import { inspectHandlers } from './inspect/handlers';
import { weightHandlers } from './weightRequests';

/**
 * The worker's request/response channel for everything that is not a training run (the Inspect
 * tab's evaluate, activations, predict, kernels, fcView, and export …), working on the model the worker
 * keeps (trained, or initial before any run).
 *
 * Wire format (host -> worker): `{kind: 'request', id, type, payload}`;
 * (worker -> host): `{kind: 'response', id, ok: true, result}` or `{kind: 'response', id, ok: false, error: {code, message}}`.
 * Handlers are listed in `requestHandlers` below (a plain table, no registration side effects):
 * add one line per request type.
 */

/** What the worker holds between runs. */
export interface EngineSession {
  /** The model with its current weights; null before any model was built. */
  readonly model: LayersModel | null;
  /** The graph the model was built from. */
  readonly graph: Graph | null;
  /** The dataset of the last run (kept so inspection can use its test set); null when none was loaded. */
  readonly dataset: LoadedDataset | null;
  /** The training loss of the last run. */
  readonly loss: LossName | null;
}

/** Handles one request; `payload` is unparsed (validate it with the request's zod schema). Never throws for user errors. */
export type RequestHandler = (session: EngineSession, payload: unknown) => Promise<Result<unknown>>;

export interface WorkerRequest {
  readonly kind: 'request';
  readonly id: number;
  readonly type: string;
  readonly payload: unknown;
}

export type WorkerResponse =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

const ping: RequestHandler = (session) =>
  Promise.resolve(ok({ model: session.model !== null, graph: session.graph?.name ?? null, dataset: session.dataset?.title ?? null }));

const saveSchema = z.object({ format: z.enum(['keras', 'tfjs', 'keras-json']), target: z.string().min(1) });

/** Writes the session's model (trained or initial weights): `{format: 'keras'|'tfjs'|'keras-json', target}`. */
const save: RequestHandler = async (session, payload) => {
  const parsed = saveSchema.safeParse(payload);
  if (!parsed.success) return fail('request', `save: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  if (session.model === null || session.graph === null) return fail('no-model', 'There is no model in the engine yet; train or build one first.');
  const extras = session.dataset !== null ? { classNames: session.dataset.classNames } : {};
  const saved = await saveModel(session.model, session.graph, parsed.data.format, parsed.data.target, extras);
  return saved.ok ? ok({ files: saved.value.files, bytes: saved.value.bytes }) : fail('save', saved.error.message);
};

/** Request type -> handler: the engine's own, the Inspect tab's (inspect/handlers.ts) and the weights'. */
export const requestHandlers: Readonly<Record<string, RequestHandler>> = {
  ping,
  save,
  ...inspectHandlers,
  ...weightHandlers,
};

/**
 * Requests can come before any training run (looks at initial weights): then no backend is set
 * yet, so start the default one ('auto') first; after a run, its backend stays.
 */
let starting: Promise<string | null> | null = null;

async function ensureBackend(): Promise<string | null> {
  const current: string | undefined = tfEngine().backendName;
  if (current !== undefined && current !== null) return null;
  // Requests arrive together (activations and a prediction at once): they share one start, so none
  // runs ops on a backend that is still initialising. A failed start is retried by the next request.
  starting ??= startBackend('auto')
    .then((started) => (started.ok ? null : started.error.message))
    .finally(() => {
      starting = null;
    });
  return starting;
}

/** Runs one request against the session; unknown types and thrown errors come back as values. */
export async function handleRequest(session: EngineSession, req: WorkerRequest): Promise<WorkerResponse> {
  const handler = requestHandlers[req.type];
  if (handler === undefined)
    return { kind: 'response', id: req.id, ok: false, error: { code: 'unknown-request', message: `The engine has no request '${req.type}'.` } };
  try {
    const backendProblem = req.type === 'ping' ? null : await ensureBackend();
    if (backendProblem !== null) return { kind: 'response', id: req.id, ok: false, error: { code: 'backend', message: backendProblem } };
    const out = await handler(session, req.payload);
    return out.ok
      ? { kind: 'response', id: req.id, ok: true, result: out.value }
      : { kind: 'response', id: req.id, ok: false, error: { code: out.error.code, message: out.error.message } };
  } catch (e) {
    return { kind: 'response', id: req.id, ok: false, error: { code: 'engine-error', message: e instanceof Error ? e.message : String(e) } };
  }
}
