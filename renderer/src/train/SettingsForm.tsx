import { lossSchema, optimizerClassNames, optimizerKinds, type Loss, type Optimizer, type TrainingSettings } from '../../../shared/project';
import { updateSettings, useProject } from '../state/projectStore';
import { useStore } from '../state/createStore';
import { between, NumberField } from '../ui/NumberField';
import { runOptions } from './trainRun';

const lossNames: Readonly<Record<Loss, string>> = {
  categorical_crossentropy: 'Categorical cross-entropy',
  sparse_categorical_crossentropy: 'Sparse categorical cross-entropy',
  binary_crossentropy: 'Binary cross-entropy',
  mse: 'Mean squared error',
  mae: 'Mean absolute error',
};

function optimizerOf(kind: string): Optimizer {
  switch (kind) {
    case 'sgd':
      return { kind: 'sgd', momentum: 0, nesterov: false };
    case 'rmsprop':
      return { kind: 'rmsprop' };
    case 'adagrad':
      return { kind: 'adagrad' };
    case 'adadelta':
      return { kind: 'adadelta' };
    case 'adamax':
      return { kind: 'adamax' };
    default:
      return { kind: 'adam' };
  }
}

function set(update: (t: TrainingSettings) => TrainingSettings): void {
  updateSettings((s) => ({ ...s, training: update(s.training) }));
}

/** The training settings (saved in the project) plus the session's subset size. */
export function SettingsForm(props: { disabled: boolean }) {
  const t = useProject((s) => s.settings.training);
  const limit = useStore(runOptions, (o) => o.limit);
  const hasAccuracy = t.metrics.some((m) => m.kind === 'accuracy');
  const topK = t.metrics.find((m) => m.kind === 'top_k_accuracy');
  const d = props.disabled;
  return (
    <fieldset className="tf-form" disabled={d} data-testid="train-settings">
      <div className="tf-row">
        <label className="tf-field">
          <span className="tf-label">Optimizer</span>
          <select
            className="field-input"
            value={t.optimizer.kind}
            data-testid="optimizer"
            onChange={(e) => set((x) => ({ ...x, optimizer: optimizerOf(e.target.value) }))}
          >
            {optimizerKinds.map((k) => (
              <option key={k} value={k}>
                {optimizerClassNames[k]}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Learning rate"
          value={t.learningRate}
          testId="learning-rate"
          validate={between(0, 10, { exclusiveMin: true })}
          onCommit={(v) => v !== null && set((x) => ({ ...x, learningRate: v }))}
        />
      </div>
      {t.optimizer.kind === 'sgd' && (
        <div className="tf-row">
          <NumberField
            label="Momentum"
            value={t.optimizer.momentum}
            validate={between(0, 1)}
            onCommit={(v) => v !== null && set((x) => (x.optimizer.kind === 'sgd' ? { ...x, optimizer: { ...x.optimizer, momentum: v } } : x))}
          />
          <label className="tf-check">
            <input
              type="checkbox"
              checked={t.optimizer.nesterov}
              onChange={(e) => set((x) => (x.optimizer.kind === 'sgd' ? { ...x, optimizer: { ...x.optimizer, nesterov: e.target.checked } } : x))}
            />{' '}
            Nesterov
          </label>
        </div>
      )}
      <label className="tf-field">
        <span className="tf-label">Loss</span>
        <select
          className="field-input"
          value={t.loss}
          data-testid="loss"
          onChange={(e) => {
            const loss = lossSchema.safeParse(e.target.value);
            if (loss.success) set((x) => ({ ...x, loss: loss.data }));
          }}
        >
          {lossSchema.options.map((l) => (
            <option key={l} value={l}>
              {lossNames[l]}
            </option>
          ))}
        </select>
      </label>
      <div className="tf-row">
        <label className="tf-check">
          <input
            type="checkbox"
            checked={hasAccuracy}
            onChange={(e) =>
              set((x) => ({
                ...x,
                metrics: e.target.checked
                  ? [{ kind: 'accuracy' }, ...x.metrics.filter((m) => m.kind !== 'accuracy')]
                  : x.metrics.filter((m) => m.kind !== 'accuracy'),
              }))
            }
          />{' '}
          accuracy
        </label>
        <label className="tf-check">
          <input
            type="checkbox"
            checked={topK !== undefined}
            onChange={(e) =>
              set((x) => ({
                ...x,
                metrics: e.target.checked ? [...x.metrics, { kind: 'top_k_accuracy', k: 5 }] : x.metrics.filter((m) => m.kind !== 'top_k_accuracy'),
              }))
            }
          />{' '}
          top-{topK?.kind === 'top_k_accuracy' ? topK.k : 5} accuracy
        </label>
      </div>
      <div className="tf-row">
        <NumberField
          label="Batch size"
          value={t.batchSize}
          testId="batch-size"
          validate={between(1, 65536, { integer: true })}
          onCommit={(v) => v !== null && set((x) => ({ ...x, batchSize: v }))}
        />
        <NumberField
          label="Epochs"
          value={t.epochs}
          testId="epochs"
          validate={between(1, 100000, { integer: true })}
          onCommit={(v) => v !== null && set((x) => ({ ...x, epochs: v }))}
        />
      </div>
      <div className="tf-row">
        <label className="tf-field">
          <span className="tf-label">Validate on</span>
          <select
            className="field-input"
            value={t.validation}
            data-testid="validation"
            onChange={(e) => set((x) => ({ ...x, validation: e.target.value === 'split' ? 'split' : 'test' }))}
          >
            <option value="test">the test set</option>
            <option value="split">a split of training</option>
          </select>
        </label>
        {t.validation === 'split' && (
          <NumberField
            label="Split"
            value={t.validationSplit}
            validate={between(0, 1, { exclusiveMax: true })}
            onCommit={(v) => v !== null && set((x) => ({ ...x, validationSplit: v }))}
          />
        )}
      </div>
      <div className="tf-row">
        <NumberField
          label="Seed"
          value={t.seed}
          allowBlank
          placeholder="random"
          testId="seed"
          validate={between(0, 2 ** 31 - 1, { integer: true })}
          help="Same seed + backend ⇒ same curve."
          onCommit={(v) => set((x) => ({ ...x, seed: v }))}
        />
        <label className="tf-check">
          <input type="checkbox" checked={t.shuffle} onChange={(e) => set((x) => ({ ...x, shuffle: e.target.checked }))} /> shuffle
        </label>
      </div>
      <div className="tf-row">
        <NumberField
          label="Subset (training images)"
          value={limit}
          allowBlank
          placeholder="all"
          testId="subset"
          validate={between(1, 10_000_000, { integer: true })}
          help="Train on the first N images for a quick look."
          onCommit={(v) => runOptions.setState((o) => ({ ...o, limit: v }))}
        />
      </div>
      <details className="tf-advanced">
        <summary>Early stopping and learning-rate schedule</summary>
        <div className="tf-row">
          <label className="tf-check">
            <input
              type="checkbox"
              checked={t.earlyStopping !== null}
              onChange={(e) => set((x) => ({ ...x, earlyStopping: e.target.checked ? { monitor: 'val_loss', patience: 3 } : null }))}
            />{' '}
            early stopping
          </label>
          {t.earlyStopping !== null && (
            <NumberField
              label="Patience (epochs)"
              value={t.earlyStopping.patience}
              validate={between(0, 1000, { integer: true })}
              onCommit={(v) => v !== null && set((x) => (x.earlyStopping === null ? x : { ...x, earlyStopping: { ...x.earlyStopping, patience: v } }))}
            />
          )}
        </div>
        <div className="tf-row">
          <label className="tf-field">
            <span className="tf-label">LR schedule</span>
            <select
              className="field-input"
              value={t.lrSchedule.kind}
              onChange={(e) =>
                set((x) => ({
                  ...x,
                  lrSchedule:
                    e.target.value === 'step'
                      ? { kind: 'step', every: 3, factor: 0.5 }
                      : e.target.value === 'plateau'
                        ? { kind: 'plateau', patience: 2, factor: 0.5 }
                        : { kind: 'none' },
                }))
              }
            >
              <option value="none">constant</option>
              <option value="step">step (× factor every N epochs)</option>
              <option value="plateau">reduce on plateau</option>
            </select>
          </label>
          {t.lrSchedule.kind !== 'none' && (
            <NumberField
              label="Factor"
              value={t.lrSchedule.factor}
              validate={between(0, 1, { exclusiveMin: true })}
              onCommit={(v) => v !== null && set((x) => (x.lrSchedule.kind === 'none' ? x : { ...x, lrSchedule: { ...x.lrSchedule, factor: v } }))}
            />
          )}
        </div>
      </details>
    </fieldset>
  );
}
