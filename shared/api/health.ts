import { z } from 'zod';

/**
 * Training health per epoch, carried as the optional `health` field of the 'epoch'
 * train event: per layer, histograms of the kernel and of its gradient on a fixed probe batch, the
 * output's mean and standard deviation, the fraction of dead ReLU units; plain-language warnings.
 */

const histogramSchema = z.object({ min: z.number(), max: z.number(), counts: z.array(z.number().int()) });
export type Histogram = z.infer<typeof histogramSchema>;

export const layerHealthSchema = z.object({
  layer: z.string(),
  activationMean: z.number(),
  activationStd: z.number(),
  /** ReLU layers: the fraction of units (channels) that output 0 for every probe image; null otherwise. */
  deadFraction: z.number().nullable(),
  weights: histogramSchema.nullable(),
  gradients: histogramSchema.nullable(),
  weightRms: z.number().nullable(),
  gradientRms: z.number().nullable(),
});
export type LayerHealth = z.infer<typeof layerHealthSchema>;

export const trainingHealthSchema = z.object({
  epoch: z.number().int(),
  layers: z.array(layerHealthSchema),
  /** What measuring took (ms), to compare with the epoch's duration. */
  costMs: z.number(),
  warnings: z.array(z.object({ layer: z.string(), kind: z.enum(['vanishing', 'exploding', 'dead-relu']), message: z.string() })),
});
export type TrainingHealth = z.infer<typeof trainingHealthSchema>;

/**
 * Rules of thumb, in words a learner can act on: gradients a thousand times smaller than the
 * largest layer's (vanishing) or huge (exploding), and ReLU layers whose units mostly never fire.
 */
export function healthWarnings(h: Pick<TrainingHealth, 'layers'>): TrainingHealth['warnings'] {
  const out: TrainingHealth['warnings'] = [];
  // Compared with the largest non-exploding layer, so one exploding layer does not flag the rest.
  const rmsList = h.layers.map((l) => l.gradientRms).filter((g): g is number => g !== null && Number.isFinite(g) && g <= 1e2);
  const top = Math.max(0, ...rmsList);
  for (const l of h.layers) {
    const g = l.gradientRms;
    const w = l.weightRms;
    if (g !== null && (!Number.isFinite(g) || g > 1e2 || (w !== null && w > 0 && g / w > 10))) {
      out.push({
        layer: l.layer,
        kind: 'exploding',
        message: `Gradients into '${l.layer}' are exploding (RMS ${g.toPrecision(2)}): lower the learning rate, add BatchNormalization, or scale the inputs to [0, 1].`,
      });
    } else if (g !== null && top > 0 && g < top * 1e-3) {
      out.push({
        layer: l.layer,
        kind: 'vanishing',
        message: `Gradients into '${l.layer}' are over 1,000× smaller than the largest layer's: it barely learns. Try ReLU instead of sigmoid/tanh, BatchNormalization, or fewer layers before it.`,
      });
    }
    if (l.deadFraction !== null && l.deadFraction > 0.5) {
      out.push({
        layer: l.layer,
        kind: 'dead-relu',
        message: `${Math.round(l.deadFraction * 100)} % of the ReLU units of '${l.layer}' never fire on the probe images: lower the learning rate, or use LeakyReLU, or He initialisation.`,
      });
    }
  }
  return out;
}
