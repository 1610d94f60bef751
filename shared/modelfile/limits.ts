/**
 * Bounds on what opening a model file may inflate or read (decompression
 * bombs): a 3 MB archive must not become 3 GiB in memory. The JSON parts have a fixed cap; weight
 * data may be only as large as the model's parameter count implies, plus slack for the HDF5
 * structure (object headers, attributes, chunk indexes) around each variable.
 */

/** config.json / model_config / model.json: the largest real ones (Keras Applications) are about 1 MB. */
export const MAX_CONFIG_BYTES = 32 * 1024 * 1024;
/** metadata.json and other small archive members. */
export const MAX_METADATA_BYTES = 1024 * 1024;
/** Any file handed to the reader (a project, a model, a weights file): 4 GiB does not fit wasm anyway. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** Weights of a model whose parameter count is unknown (it does not infer). */
export const MAX_UNKNOWN_WEIGHTS_BYTES = 1024 * 1024 * 1024;

/** Bytes of weight data a model of `params` parameters in `layers` layers may need: float32 plus slack. */
export function weightBytesLimit(params: number, layers: number): number {
  return Math.ceil(params * 4 * 1.1) + layers * 16 * 1024 + 1024 * 1024;
}

/** Values a weights file may hold for the model (float32 or float64 storage both count by elements). */
export function weightValuesLimit(params: number): number {
  return Math.ceil(params * 1.1) + 1024;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
