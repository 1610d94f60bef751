import { z } from 'zod';
import { actionIds, extraMenuCommands } from '../actions';
import type { EventName, MethodName } from './channels';
import { graphSchema } from './graphSchema';
import { trainingSettingsSchema } from '../project';
import {
  datasetPreviewRequestSchema,
  datasetRefSchema,
  datasetPreviewSchema,
  datasetProgressSchema,
  inspectSchemas,
  computeSchemas,
  projectSchema,
  trainEventSchema,
  trainRequestSchema,
} from './parts';
import type { Result } from './result';
import { backendNameSchema } from './training';

/**
 * The one contract between renderer and main (VS Code's "service declared once in common/").
 * Every method is `name -> {request, response}`, every event `name -> payload`, each a zod
 * schema. Both transports (Electron IPC in main/electron, WebSocket in main/server) validate
 * what they receive against it; the renderer's client (renderer/src/api) is typed from it.
 * Replies are `Result` values: `{ok: true, value}` or `{ok: false, error: {code, message}}`.
 */

const empty = z.object({}).strict();
const path = z.string().min(1);
const fileFilter = z.object({ name: z.string(), extensions: z.array(z.string()) });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  /** true in Electron (use dialog.open/save); false in the browser (use the in-app dialog over fs.list). */
  nativeDialogs: z.boolean(),
  platform: z.string(),
  versions: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
  backends: z.object({
    /** What `auto` picks now. */
    default: backendNameSchema,
    available: z.array(z.object({ name: backendNameSchema, available: z.boolean(), reason: z.string().optional() })),
  }),
  configDir: z.string(),
});

export const recentFileSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() });

export const openedProjectSchema = z.object({
  project: projectSchema,
  path: z.string(),
  /** Repairs/migrations parseProject applied, for a notice ("converted from version 1"). */
  warnings: z.array(z.string()),
  /** The file the project's trained weights were restored from (its sibling .weights.h5), when any. */
  weights: z.string().optional(),
});

export const savedSchema = z.object({ path: z.string(), savedAt: z.string(), bytes: z.number() });

export const fsEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['dir', 'file']),
  size: z.number(),
  modifiedMs: z.number(),
});

/**
 * keras3/keras2/python: the design as text; png/svg: the diagram; keras (.keras archive), tfjs
 * (folder with model.json + weights.bin) and keras-json (STEM.json + STEM.weights.h5): the model
 * with the engine's current weights (trained, or initial).
 */
export const exportFormatSchema = z.enum(['keras3', 'keras2', 'python', 'png', 'svg', 'keras', 'tfjs', 'keras-json']);

// Every user action (shared/actions.ts) plus the few commands main sends that are not actions.
export const menuCommandSchema = z.enum([...actionIds, ...extraMenuCommands]);

function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const methods = {
  'app.info': method(empty, appInfoSchema),
  /** The renderer tells main the file name and unsaved mark: window title + close confirmation. */
  'window.state': method(
    z.object({
      fileName: z.string().nullable(),
      dirty: z.boolean(),
      /** Optional: keeps the View menu's check marks in step with the page. */
      darkMode: z.boolean().optional(),
      minimap: z.boolean().optional(),
    }),
    empty,
  ),
  /** Close the window now (after 'save-and-close' saved the work). No-op in the browser. */
  'window.close': method(empty, empty),
  /** Native dialogs (Electron only; in the browser they answer 'unsupported': use fs.list). */
  'dialog.open': method(
    z.object({
      title: z.string().optional(),
      filters: z.array(fileFilter).optional(),
      directory: z.boolean().default(false),
      defaultPath: z.string().optional(),
    }),
    z.object({ path: z.string().nullable() }),
  ),
  'dialog.save': method(
    z.object({ title: z.string().optional(), filters: z.array(fileFilter).optional(), defaultPath: z.string().optional() }),
    z.object({ path: z.string().nullable() }),
  ),
  'fs.home': method(empty, z.object({ home: z.string(), cwd: z.string(), sep: z.string() })),
  'fs.list': method(
    z.object({ dir: path, extensions: z.array(z.string()).optional(), showHidden: z.boolean().default(false) }),
    z.object({ dir: z.string(), parent: z.string().nullable(), entries: z.array(fsEntrySchema) }),
  ),
  /** A fresh project (shared/project's newProject) around the given graph or an empty one. */
  'project.new': method(z.object({ graph: graphSchema.optional() }), z.object({ project: projectSchema })),
  'project.open': method(z.object({ path }), openedProjectSchema),
  /** Save to a file this session opened or saved; any other existing file answers 'exists'. */
  'project.save': method(z.object({ path, project: projectSchema }), savedSchema),
  /** Save under a new name; an existing file answers 'exists' unless overwrite is true. */
  'project.saveAs': method(z.object({ path, project: projectSchema, overwrite: z.boolean().default(false) }), savedSchema),
  'project.recent': method(empty, z.object({ files: z.array(recentFileSchema) })),
  /** Write the unsaved project to the recovery file (not the project file). */
  'project.autosave': method(z.object({ project: projectSchema, path: z.string().nullable() }), z.object({ savedAt: z.string() })),
  'recovery.check': method(
    empty,
    z.union([
      z.object({ available: z.literal(false) }),
      z.object({ available: z.literal(true), savedAt: z.string(), path: z.string().nullable(), name: z.string() }),
    ]),
  ),
  'recovery.restore': method(empty, z.object({ project: projectSchema, path: z.string().nullable(), savedAt: z.string(), warnings: z.array(z.string()) })),
  'recovery.discard': method(empty, empty),
  /** Keras 3 / Keras 2 JSON or TF.js model.json, from a file or pasted text -> a laid-out graph. */
  'model.import': method(
    z.union([
      z.object({ path }),
      z.object({ text: z.string(), name: z.string().optional() }),
      // Files dropped onto the window, as bytes (a browser has no paths): the model first, then
      // what sits beside it (a TF.js model.json's .bin shards, a project's .weights.h5).
      z.object({
        files: z
          .array(z.object({ name: z.string().min(1).max(255), base64: z.string() }))
          .min(1)
          .max(64),
      }),
    ]),
    // weights: the file whose trained weights the engine now holds for this graph, when it had any.
    z.object({
      graph: graphSchema,
      format: z.enum(['keras3', 'keras2', 'tfjs', 'keras', 'h5', 'project']),
      warnings: z.array(z.string()),
      weights: z.string().optional(),
    }),
  ),
  /**
   * Write an export. keras3/keras2/python are computed in shared/ from `graph` (+ training and
   * dataset for python); png/svg carry `content` made by the renderer (png base64, svg text);
   * keras/tfjs/keras-json write the engine's current (trained or initial) weights for `graph`.
   */
  'export.write': method(
    z.object({
      format: exportFormatSchema,
      path,
      overwrite: z.boolean().default(false),
      graph: graphSchema.optional(),
      training: trainingSettingsSchema.optional(),
      dataset: datasetRefSchema.optional(),
      strategy: z.enum(['none', 'mirrored', 'multiworker']).optional(),
      content: z.string().optional(),
    }),
    z.object({ path: z.string(), bytes: z.number(), files: z.array(z.string()) }),
  ),
  /**
   * Browser mode's Download: the same export as export.write, made in a scratch folder and
   * handed back as files (base64) for the browser to save; `name` is the file (or TF.js folder) name.
   */
  'export.download': method(
    z.object({
      format: exportFormatSchema,
      name: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/, 'a file name, not a path'),
      graph: graphSchema.optional(),
      training: trainingSettingsSchema.optional(),
      dataset: datasetRefSchema.optional(),
      strategy: z.enum(['none', 'mirrored', 'multiworker']).optional(),
      content: z.string().optional(),
    }),
    z.object({ files: z.array(z.object({ name: z.string(), base64: z.string() })) }),
  ),
  'dataset.preview': method(datasetPreviewRequestSchema, datasetPreviewSchema),
  /** Starts a run in the engine's worker; its events arrive as 'train.event' with this runId. */
  'train.start': method(trainRequestSchema, z.object({ runId: z.string() })),
  'train.stop': method(z.object({ runId: z.string().optional() }), z.object({ stopped: z.boolean() })),
  'inspect.evaluate': method(inspectSchemas.evaluate.request, inspectSchemas.evaluate.response),
  'inspect.activations': method(inspectSchemas.activations.request, inspectSchemas.activations.response),
  'inspect.predict': method(inspectSchemas.predict.request, inspectSchemas.predict.response),
  'inspect.kernels': method(inspectSchemas.kernels.request, inspectSchemas.kernels.response),
  'inspect.fcView': method(inspectSchemas.fcView.request, inspectSchemas.fcView.response),
  /** How one output cell was computed: its inputs, weights and the model's value. */
  'inspect.cell': method(computeSchemas.cell.request, computeSchemas.cell.response),
  /** Saliency map and Grad-CAM of one sample for a class. */
  'inspect.saliency': method(computeSchemas.saliency.request, computeSchemas.saliency.response),
} as const satisfies Record<MethodName, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'train.event': z.object({ runId: z.string(), event: trainEventSchema }),
  'dataset.progress': datasetProgressSchema,
  /** Electron menu -> renderer. `arg` carries the path for 'open-recent'. */
  'menu.command': z.object({ command: menuCommandSchema, arg: z.string().optional() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Methods = typeof methods;
export type Events = typeof events;
export type { EventName, MethodName } from './channels';
/** What a caller passes (defaults may be omitted). */
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;
export type ResultOf<M extends MethodName> = Result<ResponseOf<M>>;
export type EventOf<E extends EventName> = z.output<Events[E]>;
export type MenuCommand = z.output<typeof menuCommandSchema>;
export type ExportFormat = z.output<typeof exportFormatSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
