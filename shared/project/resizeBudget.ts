/**
 * MNIST / Fashion-MNIST resized to a model's Input are kept in memory as bytes; at 224×224×3 one
 * image is 150 KB, so all 70,000 would need 10 GB. The app (and the Python it exports) keep at most
 * this budget's worth: about 80 % of it for training, 20 % for testing.
 */
export const RESIZED_BYTES_BUDGET = 768 * 1024 * 1024;

/** How many samples of height × width × channels bytes fit the resize budget (at least one). */
export function resizedSampleCap(height: number, width: number, channels: number): number {
  return Math.max(1, Math.floor(RESIZED_BYTES_BUDGET / (height * width * channels)));
}

/** The caps on training and test samples for a resized built-in dataset. */
export function resizedLimits(height: number, width: number, channels: number): { train: number; test: number } {
  const cap = resizedSampleCap(height, width, channels);
  return { train: Math.ceil(cap * 0.8), test: Math.max(1, Math.floor(cap * 0.2)) };
}
