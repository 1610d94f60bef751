import { z } from 'zod';
import type { JsonValue } from '../json';

/*
 * Schemas of the real-Keras fixtures in tests/fixtures/applications/ (one place for the three
 * template tests): <id>.layers.json = model.to_json() as a per-class base config plus per-layer
 * differences; <id>.summary.json = the model.layers summary.
 */

const json: z.ZodType<JsonValue> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));

export const layersFixture = z.object({
  name: z.string(),
  class_name: z.enum(['Sequential', 'Functional']),
  base: z.record(z.string(), z.record(z.string(), json)),
  layers: z.array(z.tuple([z.string(), z.string(), z.record(z.string(), json), z.array(z.string())])),
});

export const summaryFixture = z.object({
  name: z.string(),
  layers: z.array(z.object({ name: z.string(), class: z.string(), output_shape: z.array(z.number().nullable()), params: z.number() })),
  total_params: z.number(),
  trainable_params: z.number(),
  non_trainable_params: z.number(),
});
