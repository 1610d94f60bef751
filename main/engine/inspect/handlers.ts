import type { LayersModel } from '@tensorflow/tfjs-layers';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { z } from 'zod';
import {
  activationsRequestSchema,
  datasetPreviewRequestSchema,
  evaluateRequestSchema,
  exportModelRequestSchema,
  fcViewRequestSchema,
  kernelsRequestSchema,
  predictRequestSchema,
} from '../../../shared/api/inspect';
import type { Graph } from '../../../shared/graph/types';
import type { DatasetRef } from '../../../shared/project/schema';
import { sampleSize } from '../datasets/batches';
import { loadDataset } from '../datasets/loadDataset';
import { previewDataset } from '../datasets/previewDataset';
import type { ImageSet } from '../datasets/types';
import { tfjsModelFromGraph } from '../export/load';
import { saveModel } from '../export/save';
import type { EngineSession, RequestHandler } from '../requests';
import { activations } from './activations';
import { cell } from './cell';
import { saliency } from './saliency';
import { cellRequestSchema, saliencyRequestSchema } from '../../../shared/api/inspectCompute';
import { inputShapeOf, type InspectContext } from './context';
import { evaluate, predict } from './evaluate';
import { carryLatestInto, graphKey, latestForKey } from '../weightStore';
import { fcView, kernels } from './weights';

/** One freshly initialised model, kept while the graph stays the same, so "before training" looks agree with each other. */
let initial: { key: string; model: LayersModel } | null = null;
/** One held-out set loaded for inspection outside a run. */
let heldOutCache: { key: string; heldOut: ImageSet; classNames: readonly string[] } | null = null;

async function modelFor(session: EngineSession, graph: Graph | undefined): Promise<Result<LayersModel>> {
  if (graph === undefined) {
    return session.model !== null ? { ok: true, value: session.model } : fail('no-model', 'There is no model yet; build one on the canvas or train it first.');
  }
  const key = graphKey(graph);
  if (key === null) return fail('invalid-model', 'The model has errors; fix the problems listed on the blocks first.');
  // The newest trained or loaded weights first (a reopened project's, an opened .keras's).
  const trained = latestForKey(key);
  if (trained !== null) return { ok: true, value: trained };
  if (session.model !== null && session.graph !== null && graphKey(session.graph) === key) return { ok: true, value: session.model };
  if (initial?.key === key) return { ok: true, value: initial.model };
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) return fail('build-failed', built.error.message);
  // An edited model keeps the trained weights of every layer that still fits; only changed layers start fresh.
  await carryLatestInto(built.value, graph);
  initial?.model.dispose();
  initial = { key, model: built.value };
  return { ok: true, value: built.value };
}

function fits(set: ImageSet, model: LayersModel): boolean {
  return sampleSize(set) === inputShapeOf(model).reduce((a, b) => a * b, 1);
}

async function contextFor(session: EngineSession, payload: { graph?: Graph; dataset?: DatasetRef }): Promise<Result<InspectContext>> {
  const model = await modelFor(session, payload.graph);
  if (!model.ok) return model;
  const loss = session.loss ?? undefined;
  const graph = payload.graph ?? session.graph;
  const last = session.dataset;
  const sameAsRun = last !== null && (payload.dataset === undefined || (payload.dataset.kind === last.kind && payload.dataset.kind !== 'folder'));
  if (last !== null && sameAsRun && fits(last.test, model.value)) {
    return { ok: true, value: { model: model.value, heldOut: last.test, classNames: last.classNames, loss, graph } };
  }
  if (payload.dataset === undefined) return { ok: true, value: { model: model.value, heldOut: null, classNames: [], loss, graph } };
  const inputShape = inputShapeOf(model.value);
  const key = JSON.stringify([payload.dataset, inputShape]);
  if (heldOutCache?.key !== key) {
    const folder = payload.dataset.kind === 'folder';
    const loaded = await loadDataset(payload.dataset, { inputShape, limit: folder ? undefined : { train: 0 }, validationSplit: folder ? 0.2 : 0 });
    if (!loaded.ok) return fail('dataset', loaded.error.message);
    heldOutCache = { key, heldOut: loaded.value.test, classNames: loaded.value.classNames };
  }
  return { ok: true, value: { model: model.value, heldOut: heldOutCache.heldOut, classNames: heldOutCache.classNames, loss, graph } };
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): Result<z.infer<S>> {
  const r = schema.safeParse(payload);
  return r.success
    ? { ok: true, value: r.data }
    : fail('invalid-request', `Invalid request: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/** A handler that parses its payload, resolves model and data, and runs one inspection. */
function inspectHandler<S extends z.ZodType<{ graph?: Graph; dataset?: DatasetRef }>>(
  schema: S,
  run: (ctx: InspectContext, req: z.infer<S>) => Result<unknown> | Promise<Result<unknown>>,
): RequestHandler {
  return async (session, payload) => {
    const req = parse(schema, payload);
    if (!req.ok) return req;
    const ctx = await contextFor(session, req.value);
    if (!ctx.ok) return ctx;
    return await run(ctx.value, req.value);
  };
}

const exportModel: RequestHandler = async (session, payload) => {
  const req = parse(exportModelRequestSchema, payload);
  if (!req.ok) return req;
  const graph = req.value.graph ?? session.graph;
  if (graph === null) return fail('no-model', 'There is no model to export yet.');
  const model = await modelFor(session, graph);
  if (!model.ok) return model;
  const classNames = session.dataset?.classNames;
  const saved = await saveModel(model.value, graph, req.value.format, req.value.target, classNames ? { classNames } : {});
  return saved.ok ? ok({ files: [...saved.value.files], bytes: saved.value.bytes }) : fail('export-failed', saved.error.message);
};

const datasetPreview: RequestHandler = async (_session, payload) => {
  const req = parse(datasetPreviewRequestSchema, payload);
  if (!req.ok) return req;
  const r = await previewDataset(req.value.dataset, req.value.perClass);
  return r.ok ? ok(r.value) : fail('dataset', r.error.message);
};

/** The Inspect tab's requests, for the worker's table (main/engine/requests.ts). */
export const inspectHandlers: Readonly<Record<string, RequestHandler>> = {
  evaluate: inspectHandler(evaluateRequestSchema, (ctx, req) => evaluate(ctx, req)),
  predict: inspectHandler(predictRequestSchema, (ctx, req) => predict(ctx, req)),
  activations: inspectHandler(activationsRequestSchema, (ctx, req) => activations(ctx, req)),
  kernels: inspectHandler(kernelsRequestSchema, (ctx, req) => kernels(ctx, req)),
  fcView: inspectHandler(fcViewRequestSchema, (ctx, req) => fcView(ctx, req)),
  cell: inspectHandler(cellRequestSchema, (ctx, req) => cell(ctx, req)),
  saliency: inspectHandler(saliencyRequestSchema, (ctx, req) => saliency(ctx, req)),
  export: exportModel,
  datasetPreview,
};
