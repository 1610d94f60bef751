import { z } from 'zod';
import { datasetRefSchema, PROJECT_FORMAT, runRecordSchema, trainingSettingsSchema, type Project } from '../project';
import { graphSchema } from './graphSchema';
import { datasetPreviewRequestSchema, datasetPreviewResultSchema, inspectSchemas } from './inspect';
import { trainEventSchema, trainRequestSchema } from './training';

/**
 * Schemas the contract borrows from the modules that own them (project file: shared/project;
 * training: shared/api/training.ts; inspection: shared/api/inspect.ts). This file is the single
 * place where they are plugged into the contract.
 */

// --- project file ---------------------------------------------------------------------------
/** The project (shared/project's Project) as it crosses the wire; main re-parses it with parseProject. */
export const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.number().int(),
  graph: graphSchema,
  training: trainingSettingsSchema,
  dataset: datasetRefSchema,
  runs: z.array(runRecordSchema).optional(),
});

export { datasetRefSchema };

// The wire schema must describe exactly shared/project's Project (checked at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const projectSchemaMatchesProject: Same<z.output<typeof projectSchema>, Project> = true;

// --- training (shared/api/training.ts) ---------------------------------------------------
export { trainEventSchema, trainRequestSchema };

// --- inspection (shared/api/inspect.ts) --------------------------------------------------
export { inspectSchemas };
export { computeSchemas } from './inspectCompute';

// --- datasets -------------------------------------------------------------------------------
export { datasetPreviewRequestSchema };
export const datasetPreviewSchema = datasetPreviewResultSchema;
export const datasetProgressSchema = z.object({
  phase: z.enum(['reading', 'decoding', 'done']),
  loaded: z.number(),
  total: z.number().nullable(),
  skipped: z.number().optional(),
});
