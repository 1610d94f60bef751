/** Keras JSON both ways (Keras 3, tf.keras 2, TF.js) — the public surface of shared/keras. */
export { exportKeras3 } from './exportKeras3';
export { exportKeras2, exportTfjsTopology, keras2Version } from './exportKeras2';
export type { ExportFailure } from './exportPlan';
export { importModel, parseModelText } from './importModel';
export type { ImportedModel, ImportResult } from './importModel';
export type { ModelFormat } from './modelSpec';
export { toKerasJsonString } from './jsonString';
export { camelToSnake, snakeToCamel, convertKeys } from './case';
