import { z } from 'zod';
import { graphSchema, jsonObjectSchema } from './graphSchema';

/**
 * Schemas the contract borrows from other rooms (project file: shared/project [H2]; training:
 * shared/api/training.ts [H5]; inspection: shared/api/inspect.ts [H6]). This file is the single
 * place where they are plugged into the contract.
 */

// --- project file ---------------------------------------------------------------------------
/** The project file's content as it crosses the wire; main re-parses it with parseProject. */
export const projectSchema = jsonObjectSchema;

export const datasetRefSchema = z.union([
  z.object({ kind: z.enum(['mnist', 'fashion-mnist']) }),
  z.object({ kind: z.literal('folder'), path: z.string() }),
]);

// --- training -------------------------------------------------------------------------------
export const trainRequestSchema = z.object({
  graph: graphSchema,
  training: jsonObjectSchema,
  dataset: datasetRefSchema,
  backend: z.enum(['auto', 'tensorflow', 'wasm', 'cpu']).default('auto'),
  limit: z.object({ train: z.number().int().positive().optional(), test: z.number().int().positive().optional() }).optional(),
});
export const trainEventSchema = z.object({ event: z.string() }).loose();

// --- inspection -----------------------------------------------------------------------------
const loose = z.object({}).loose();
export const inspectSchemas = {
  evaluate: { request: loose, response: loose },
  activations: { request: loose, response: loose },
  predict: { request: loose, response: loose },
  kernels: { request: loose, response: loose },
  fcView: { request: loose, response: loose },
} as const;

// --- datasets -------------------------------------------------------------------------------
export const datasetPreviewRequestSchema = z.object({ dataset: datasetRefSchema, perClass: z.number().int().min(0).max(64).default(6) });
export const datasetPreviewSchema = loose;
export const datasetProgressSchema = z.object({ phase: z.string(), loaded: z.number(), total: z.number().nullable() }).loose();
