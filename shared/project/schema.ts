import { z } from 'zod';
import type { Graph } from '../graph/types';
import type { RunRecord } from './runs';

/*
 * The project file (`*.blockprop.json`): our own format, camelCase keys, versioned.
 * Version history: 1 — first release. (Files without a version, or with snake_case training
 * keys and string optimizers from early builds, are repaired on load.)
 */
export const PROJECT_FORMAT = 'blockprop-project';
export const PROJECT_VERSION = 1;

export const optimizerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sgd'), momentum: z.number().min(0).max(1).default(0), nesterov: z.boolean().default(false) }),
  z.object({ kind: z.literal('adam') }),
  z.object({ kind: z.literal('rmsprop') }),
  z.object({ kind: z.literal('adagrad') }),
  z.object({ kind: z.literal('adadelta') }),
  z.object({ kind: z.literal('adamax') }),
]);
export type Optimizer = z.infer<typeof optimizerSchema>;
export const optimizerKinds = ['sgd', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax'] as const;
/** The Keras class of each optimizer kind (keras.optimizers.SGD, …): what the exported script names and the settings show. */
export const optimizerClassNames: Readonly<Record<Optimizer['kind'], string>> = {
  sgd: 'SGD',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
};

export const lossSchema = z.enum(['categorical_crossentropy', 'sparse_categorical_crossentropy', 'binary_crossentropy', 'mse', 'mae']);
export type Loss = z.infer<typeof lossSchema>;

export const metricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accuracy') }),
  z.object({ kind: z.literal('top_k_accuracy'), k: z.number().int().min(1).default(5) }),
]);
export type Metric = z.infer<typeof metricSchema>;

export const earlyStoppingSchema = z.object({
  monitor: z.enum(['val_loss', 'val_accuracy', 'loss', 'accuracy']).default('val_loss'),
  patience: z.number().int().min(0).default(3),
});
export type EarlyStopping = z.infer<typeof earlyStoppingSchema>;

export const lrScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** Multiply the learning rate by `factor` every `every` epochs. */
  z.object({ kind: z.literal('step'), every: z.number().int().min(1), factor: z.number().gt(0).max(1) }),
  /** Multiply by `factor` when the validation loss has not improved for `patience` epochs. */
  z.object({ kind: z.literal('plateau'), patience: z.number().int().min(0), factor: z.number().gt(0).max(1) }),
]);
export type LrSchedule = z.infer<typeof lrScheduleSchema>;

/** Every training setting, each validated on its own so one bad field does not lose the rest. */
export const trainingFields = {
  optimizer: optimizerSchema,
  learningRate: z.number().gt(0).max(10),
  loss: lossSchema,
  metrics: z.array(metricSchema),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(100000),
  /** 'split': hold out `validationSplit` of the training data; 'test': validate on the test set (the chapter's way). */
  validation: z.enum(['split', 'test']),
  validationSplit: z.number().min(0).lt(1),
  shuffle: z.boolean(),
  seed: z.number().int().min(0).nullable(),
  earlyStopping: earlyStoppingSchema.nullable(),
  lrSchedule: lrScheduleSchema,
} as const;

export const trainingSettingsSchema = z.object(trainingFields);
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

/** The chapter's settings: Adam, categorical cross-entropy, accuracy, batches of 200, 10 epochs, test set as validation. */
export const defaultTraining: TrainingSettings = {
  optimizer: { kind: 'adam' },
  learningRate: 0.001,
  loss: 'categorical_crossentropy',
  metrics: [{ kind: 'accuracy' }],
  batchSize: 200,
  epochs: 10,
  validation: 'test',
  validationSplit: 0.1,
  shuffle: true,
  seed: null,
  earlyStopping: null,
  lrSchedule: { kind: 'none' },
};

export const datasetRefSchema = z.discriminatedUnion('kind', [
  /**
   * `resize`: the 28×28 grey digits are resized to the model's Input (bilinear, grey copied into 3
   * channels for a colour Input), so a model made for photos (ResNet50's 224×224×3) trains on them.
   */
  z.object({ kind: z.literal('mnist'), resize: z.boolean().optional() }),
  z.object({ kind: z.literal('fashion-mnist'), resize: z.boolean().optional() }),
  /** A folder with one sub-folder of images per class (cats vs dogs). */
  z.object({ kind: z.literal('folder'), path: z.string().min(1) }),
]);
export type DatasetRef = z.infer<typeof datasetRefSchema>;

export const defaultDataset: DatasetRef = { kind: 'mnist' };

export interface Project {
  readonly format: typeof PROJECT_FORMAT;
  readonly version: number;
  readonly graph: Graph;
  readonly training: TrainingSettings;
  readonly dataset: DatasetRef;
  /** Training runs with their curves and final metrics (shared/project/runs.ts); absent in files without runs. */
  readonly runs?: RunRecord[] | undefined;
}
