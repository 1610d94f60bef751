import { z } from 'zod';
import type { Graph } from '../graph/types';
import type { JsonValue } from '../json';

/** Runtime schema of plain JSON values (what the graph's params hold). */
export const jsonValueSchema: z.ZodType<JsonValue, JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const jsonObjectSchema = z.record(z.string(), jsonValueSchema);

/** The graph as it crosses the wire; mirrors shared/graph/types.ts exactly. */
export const graphSchema: z.ZodType<Graph, Graph> = z.object({
  name: z.string(),
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      params: jsonObjectSchema,
      position: z.object({ x: z.number(), y: z.number() }),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      targetIndex: z.number().int().min(0),
    }),
  ),
  outputs: z.array(z.string()).optional(),
  modelClass: z.enum(['Sequential', 'Functional']).optional(),
});
