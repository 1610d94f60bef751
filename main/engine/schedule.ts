import type { TrainingSettings } from '../../shared/project';

/**
 * Learning-rate schedules (step, reduce on plateau) and early stopping, driven by each epoch's
 * logs ({loss, accuracy, val_loss, val_accuracy, …}) as Keras's callbacks are.
 */
export class Schedule {
  learningRate: number;
  private readonly settings: TrainingSettings;
  private bestStop = Infinity;
  private waitStop = 0;
  private bestPlateau = Infinity;
  private waitPlateau = 0;

  constructor(settings: TrainingSettings) {
    this.settings = settings;
    this.learningRate = settings.learningRate;
  }

  /** Call after each epoch; returns whether early stopping ends the run. Updates `learningRate` for the next epoch. */
  endEpoch(epoch: number, logs: Readonly<Record<string, number>>): { stop: false } | { stop: true; message: string } {
    const lr = this.settings.lrSchedule;
    if (lr.kind === 'step' && epoch % lr.every === 0) this.learningRate *= lr.factor;
    if (lr.kind === 'plateau') {
      const v = logs['val_loss'] ?? logs['loss'] ?? NaN;
      if (v < this.bestPlateau) {
        this.bestPlateau = v;
        this.waitPlateau = 0;
      } else if (++this.waitPlateau >= lr.patience) {
        this.learningRate *= lr.factor;
        this.waitPlateau = 0;
      }
    }
    const es = this.settings.earlyStopping;
    if (es === null) return { stop: false };
    const raw = logs[es.monitor];
    if (raw === undefined) return { stop: false };
    // Losses are minimised, accuracies maximised.
    const score = es.monitor.endsWith('loss') ? raw : -raw;
    if (score < this.bestStop) {
      this.bestStop = score;
      this.waitStop = 0;
      return { stop: false };
    }
    this.waitStop++;
    if (this.waitStop >= es.patience) return { stop: true, message: `Early stopping: ${es.monitor} has not improved for ${this.waitStop} epochs.` };
    return { stop: false };
  }
}
