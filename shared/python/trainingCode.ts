import type { Shape } from '../graph/types';
import { resizedLimits } from '../project/resizeBudget';
import { optimizerClassNames, type DatasetRef, type Metric, type TrainingSettings } from '../project/schema';
import { pyFloat, pyString } from './pythonLiteral';

export function optimizerCode(t: TrainingSettings): string {
  const args = [`learning_rate=${pyFloat(t.learningRate)}`];
  if (t.optimizer.kind === 'sgd') {
    if (t.optimizer.momentum !== 0) args.push(`momentum=${pyFloat(t.optimizer.momentum)}`);
    if (t.optimizer.nesterov) args.push('nesterov=True');
  }
  return `keras.optimizers.${optimizerClassNames[t.optimizer.kind]}(${args.join(', ')})`;
}

function metricCode(m: Metric, loss: TrainingSettings['loss']): string {
  if (m.kind === 'accuracy') return '"accuracy"';
  const cls = loss === 'sparse_categorical_crossentropy' ? 'SparseTopKCategoricalAccuracy' : 'TopKCategoricalAccuracy';
  return `keras.metrics.${cls}(k=${m.k})`;
}

/** `model.compile(...)` lines (without indentation). */
export function compileCode(t: TrainingSettings): string[] {
  return [
    'model.compile(',
    `    optimizer=${optimizerCode(t)},`,
    `    loss=${pyString(t.loss)},`,
    `    metrics=[${t.metrics.map((m) => metricCode(m, t.loss)).join(', ')}],`,
    ')',
  ];
}

function tuple(values: readonly (number | null)[]): string {
  const items = values.map((v) => (v === null ? 'None' : String(v)));
  return items.length === 1 ? `(${items[0] ?? ''},)` : `(${items.join(', ')})`;
}

/**
 * Loads the data the way the app does: MNIST / Fashion-MNIST reshaped to the Input block and
 * scaled to [0, 1], one-hot labels for categorical cross-entropy; an image folder with
 * `image_dataset_from_directory` at the Input's size. Defines the names `fitCode` uses.
 */
export function dataCode(dataset: DatasetRef, t: TrainingSettings, input: Shape, classes: number | null): string[] {
  const dims = input.slice(1);
  if (dataset.kind === 'folder') {
    const height = dims[0] ?? 'None';
    const width = dims[1] ?? 'None';
    const channels = dims[2] ?? 3;
    const labelMode = t.loss === 'categorical_crossentropy' ? 'categorical' : t.loss === 'binary_crossentropy' ? 'binary' : 'int';
    const split = t.validationSplit > 0 ? t.validationSplit : 0.2;
    const common = [
      `    DATA_DIR,`,
      `    validation_split=${pyFloat(split)},`,
      `    seed=${t.seed ?? 1337},`,
      `    image_size=(${height}, ${width}),`,
      `    batch_size=BATCH_SIZE,`,
      `    label_mode=${pyString(labelMode)},`,
      `    color_mode=${pyString(channels === 1 ? 'grayscale' : channels === 4 ? 'rgba' : 'rgb')},`,
    ];
    return [
      '# One sub-folder of images per class (e.g. cats/ and dogs/), resized to the Input block.',
      `DATA_DIR = ${pyString(dataset.path)}`,
      'train_ds = keras.utils.image_dataset_from_directory(',
      ...common,
      `    subset="training",`,
      `    shuffle=${t.shuffle ? 'True' : 'False'},`,
      ')',
      'val_ds = keras.utils.image_dataset_from_directory(',
      ...common,
      `    subset="validation",`,
      ')',
      '# Scale pixels to [0, 1], as Blockprop does.',
      'train_ds = train_ds.map(lambda x, y: (x / 255.0, y))',
      'val_ds = val_ds.map(lambda x, y: (x / 255.0, y))',
    ];
  }
  const module = dataset.kind === 'mnist' ? 'mnist' : 'fashion_mnist';
  const [height, width, channels] = dims;
  const resize = dataset.resize === true && dims.length === 3 && typeof height === 'number' && typeof width === 'number' && (channels === 1 || channels === 3);
  const lines = resize
    ? resizeCode(module, height, width, channels)
    : [
        `(x_train, y_train), (x_test, y_test) = keras.datasets.${module}.load_data()`,
        '# Shape the 28x28 images like the Input block and scale pixels to [0, 1].',
        `x_train = x_train.reshape((-1,) + ${tuple(dims)}).astype("float32") / 255.0`,
        `x_test = x_test.reshape((-1,) + ${tuple(dims)}).astype("float32") / 255.0`,
      ];
  if (t.loss === 'categorical_crossentropy') {
    lines.push(
      `NUM_CLASSES = ${classes ?? 10}`,
      '# One-hot labels for categorical cross-entropy.',
      'y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)',
      'y_test = keras.utils.to_categorical(y_test, NUM_CLASSES)',
    );
  }
  return lines;
}

/** The built-in set resized to an image Input, as the app resizes it (and as many images as it keeps). */
function resizeCode(module: string, height: number, width: number, channels: 1 | 3): string[] {
  const limits = resizedLimits(height, width, channels);
  return [
    'import numpy as np',
    '',
    `(x_train, y_train), (x_test, y_test) = keras.datasets.${module}.load_data()`,
    `# The Input is ${height}x${width}x${channels}: keep as many images as fit in memory at that size, as Blockprop does.`,
    `x_train, y_train = x_train[:${limits.train}], y_train[:${limits.train}]`,
    `x_test, y_test = x_test[:${limits.test}], y_test[:${limits.test}]`,
    '',
    '',
    '# 28x28 grey images -> the Input size (bilinear' + (channels === 3 ? ', grey copied to R, G and B' : '') + '), scaled to [0, 1].',
    'def resize_images(x):',
    '    x = x[..., None].astype("float32") / 255.0',
    `    parts = [keras.ops.convert_to_numpy(keras.ops.image.resize(x[i:i + 500], (${height}, ${width}), interpolation="bilinear", antialias=True)) for i in range(0, len(x), 500)]`,
    '    x = np.concatenate(parts)',
    channels === 3 ? '    return np.repeat(x, 3, axis=-1)' : '    return x',
    '',
    '',
    'x_train = resize_images(x_train)',
    'x_test = resize_images(x_test)',
  ];
}

function callbacksCode(t: TrainingSettings): string[] {
  const lines: string[] = [];
  if (t.earlyStopping) {
    lines.push(
      `    keras.callbacks.EarlyStopping(monitor=${pyString(t.earlyStopping.monitor)}, patience=${t.earlyStopping.patience}, restore_best_weights=True),`,
    );
  }
  if (t.lrSchedule.kind === 'step') {
    const { every, factor } = t.lrSchedule;
    lines.push(`    keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * ${pyFloat(factor)} if epoch > 0 and epoch % ${every} == 0 else lr),`);
  } else if (t.lrSchedule.kind === 'plateau') {
    lines.push(`    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=${pyFloat(t.lrSchedule.factor)}, patience=${t.lrSchedule.patience}),`);
  }
  return lines.length === 0 ? ['callbacks = []'] : ['callbacks = [', ...lines, ']'];
}

/** `model.fit(...)` and `model.evaluate(...)`, using the names `dataCode` defined. */
export function fitCode(dataset: DatasetRef, t: TrainingSettings): string[] {
  const lines = callbacksCode(t);
  if (dataset.kind === 'folder') {
    lines.push(
      'history = model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS, callbacks=callbacks)',
      'scores = model.evaluate(val_ds, verbose=0, return_dict=True)',
    );
  } else {
    const validation = t.validation === 'test' ? 'validation_data=(x_test, y_test)' : `validation_split=${pyFloat(t.validationSplit)}`;
    lines.push(
      'history = model.fit(',
      '    x_train, y_train,',
      '    batch_size=BATCH_SIZE,',
      '    epochs=EPOCHS,',
      `    ${validation},`,
      `    shuffle=${t.shuffle ? 'True' : 'False'},`,
      '    callbacks=callbacks,',
      ')',
      'scores = model.evaluate(x_test, y_test, verbose=0, return_dict=True)',
    );
  }
  lines.push('for name, value in scores.items():', '    print(f"Test {name}: {value:.4f}")');
  return lines;
}
