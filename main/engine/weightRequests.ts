import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { graphSchema } from '../../shared/api/graphSchema';
import { fail, ok } from '../../shared/api/result';
import type { LayerWeights } from '../../shared/modelfile/types';
import { openModelFile, weightsOfFile } from '../modelfile/read';
import { tfjsModelFromGraph } from './export/load';
import { weightsFileBytes } from './export/kerasArchive';
import type { RequestHandler } from './requests';
import { adoptLoadedModel, carryLatestInto, carryWeights, latestFor, latestModel } from './weightStore';

/**
 * 'weights.load' {graph, path, weights?}: reads a file's weights (any format the reader opens)
 * into a model of `graph`, which becomes the engine's newest trained model.
 * 'weights.save' {graph, target}: writes the newest trained weights for `graph` as a Keras 3
 * `.weights.h5` (a project's sibling file), or writes nothing when nothing was trained or loaded.
 */

const loadSchema = z.object({ graph: graphSchema, path: z.string().min(1), weights: z.string().min(1).optional() });
const saveSchema = z.object({ graph: graphSchema, target: z.string().min(1) });

const issues = (e: z.ZodError): string => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

const loadWeights: RequestHandler = async (_session, payload) => {
  const req = loadSchema.safeParse(payload);
  if (!req.success) return fail('request', `weights.load: ${issues(req.error)}`);
  const { graph, path: file, weights } = req.data;
  let found: readonly LayerWeights[] | null;
  if (weights !== undefined) {
    const opened = await openModelFile(file, { weights });
    if (!opened.ok) return fail('bad-file', opened.error.message);
    found = opened.value.weights;
  } else {
    const read = await weightsOfFile(file, graph);
    if (!read.ok) return fail('bad-file', read.error.message);
    found = read.value;
  }
  if (found === null) return ok({ loaded: false, kept: [], fresh: [] });
  const built = await tfjsModelFromGraph(graph);
  if (!built.ok) return fail('build-failed', built.error.message);
  const carried = carryWeights(built.value, found);
  if (!carried.ok) {
    built.value.dispose();
    return fail('bad-file', carried.error.message);
  }
  adoptLoadedModel(built.value, graph, path.basename(file));
  return ok({ loaded: true, ...carried.value });
};

const saveWeights: RequestHandler = async (_session, payload) => {
  const req = saveSchema.safeParse(payload);
  if (!req.success) return fail('request', `weights.save: ${issues(req.error)}`);
  const { graph, target } = req.data;
  const none = ok({ file: null, bytes: 0, fresh: [] });
  const newest = latestModel();
  if (newest === null) return none;
  let model = latestFor(graph);
  let fresh: readonly string[] = [];
  let built = null;
  if (model === null) {
    const b = await tfjsModelFromGraph(graph);
    if (!b.ok) return fail('build-failed', b.error.message);
    const carried = await carryLatestInto(b.value, graph);
    // The newest weights belong to another model: this one has nothing trained to save.
    if (carried === null || carried.kept.length === 0) {
      b.value.dispose();
      return none;
    }
    built = b.value;
    fresh = carried.fresh;
    model = built;
  }
  try {
    const bytes = await weightsFileBytes(model, graph);
    if (!bytes.ok) return fail('save', bytes.error.message);
    await mkdir(path.dirname(target), { recursive: true });
    // Written next to the target and renamed over it: an interrupted save never leaves half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes.value);
    await rename(tmp, target);
    return ok({ file: target, bytes: bytes.value.length, fresh });
  } finally {
    built?.dispose();
  }
};

export const weightHandlers: Readonly<Record<string, RequestHandler>> = {
  'weights.load': loadWeights,
  'weights.save': saveWeights,
};
