import type { RunEpoch } from '../../../shared/project';
import { emaNext, newEma, type EmaState } from './smoothing';
import { curveColors, type CurveChartModel, type CurveSeries } from './curveTypes';

type BatchPoint = readonly [number, number, number | null];

/**
 * Builds the loss and accuracy chart models of one run from its batch and epoch points,
 * incrementally: `update` only converts the points added since the last call (a run of
 * thousands of batches costs a few hundred appended points per second, not a rebuild).
 */
export class CurveBuilder {
  private readonly rawLoss: { x: number; y: number }[] = [];
  private readonly smoothLoss: { x: number; y: number }[] = [];
  private readonly rawAcc: { x: number; y: number }[] = [];
  private readonly smoothAcc: { x: number; y: number }[] = [];
  private lossEma: EmaState = newEma();
  private accEma: EmaState = newEma();
  private seen = 0;

  constructor(private weight: number) {}

  /** Changing the smoothing rebuilds the smoothed curves from the raw ones. */
  setWeight(weight: number): void {
    if (weight === this.weight) return;
    this.weight = weight;
    this.lossEma = newEma();
    this.accEma = newEma();
    this.smoothLoss.length = 0;
    this.smoothAcc.length = 0;
    for (const p of this.rawLoss) this.smoothLoss.push({ x: p.x, y: emaNext(this.lossEma, p.y, weight) });
    for (const p of this.rawAcc) this.smoothAcc.push({ x: p.x, y: emaNext(this.accEma, p.y, weight) });
  }

  update(batches: readonly BatchPoint[]): void {
    if (batches.length < this.seen) this.reset();
    for (let i = this.seen; i < batches.length; i++) {
      const b = batches[i];
      if (b === undefined) continue;
      const [x, loss, acc] = b;
      if (Number.isFinite(loss)) {
        this.rawLoss.push({ x, y: loss });
        this.smoothLoss.push({ x, y: emaNext(this.lossEma, loss, this.weight) });
      }
      if (acc !== null && Number.isFinite(acc)) {
        this.rawAcc.push({ x, y: acc });
        this.smoothAcc.push({ x, y: emaNext(this.accEma, acc, this.weight) });
      }
    }
    this.seen = batches.length;
  }

  private reset(): void {
    for (const a of [this.rawLoss, this.smoothLoss, this.rawAcc, this.smoothAcc]) a.length = 0;
    this.lossEma = newEma();
    this.accEma = newEma();
    this.seen = 0;
  }

  models(epochs: readonly RunEpoch[], stepsPerEpoch: number): { loss: CurveChartModel; accuracy: CurveChartModel } {
    const boundaries = epochs.map((e) => e.step);
    const epochPts = (f: (e: RunEpoch) => number | null) =>
      epochs.flatMap((e) => {
        const y = f(e);
        return y === null || !Number.isFinite(y) ? [] : [{ x: e.step, y }];
      });
    const describeX = (x: number) => describeStep(x, stepsPerEpoch);
    const loss: CurveSeries[] = [
      { key: 'loss-raw', label: 'loss (per batch)', color: curveColors.loss, points: this.rawLoss, faint: true, noLegend: true },
      { key: 'loss', label: 'smoothed', color: curveColors.loss, points: this.smoothLoss },
      { key: 'loss-epoch', label: 'epoch mean', color: curveColors.loss, points: epochPts((e) => e.loss), markers: true },
      { key: 'val-loss', label: 'validation', color: curveColors.loss, points: epochPts((e) => e.valLoss), markers: true, dashed: true },
    ];
    const acc: CurveSeries[] = [
      { key: 'acc-raw', label: 'accuracy (per batch)', color: curveColors.accuracy, points: this.rawAcc, faint: true, noLegend: true },
      { key: 'acc', label: 'smoothed', color: curveColors.accuracy, points: this.smoothAcc },
      { key: 'acc-epoch', label: 'epoch mean', color: curveColors.accuracy, points: epochPts((e) => e.accuracy), markers: true },
      { key: 'val-acc', label: 'validation', color: curveColors.accuracy, points: epochPts((e) => e.valAccuracy), markers: true, dashed: true },
    ];
    return {
      loss: { series: loss.filter((s) => s.points.length > 0), boundaries, xLabel: 'batch', percent: false, describeX },
      accuracy: { series: acc.filter((s) => s.points.length > 0), boundaries, xLabel: 'batch', percent: true, describeX },
    };
  }
}

/** "epoch 2 · batch 31/300" for a global step (1-based steps, as stored). */
export function describeStep(step: number, stepsPerEpoch: number): string {
  if (stepsPerEpoch <= 0) return `batch ${step}`;
  const epoch = Math.floor((step - 1) / stepsPerEpoch);
  const batch = step - epoch * stepsPerEpoch;
  return `epoch ${epoch + 1} · batch ${batch}/${stepsPerEpoch}`;
}
