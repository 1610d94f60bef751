import { describe, expect, it } from 'vitest';
import { defaultTraining } from '../project/schema';
import type { TrainingSettings } from '../project/schema';
import { getTemplate } from '../templates';
import { generatePython, modelSectionEnd } from './generatePython';

function template(id: string) {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t.build();
}

describe('generatePython: model', () => {
  it.each([
    [
      'writes a chain as keras.Sequential with the same layer names and non-default params',
      'keras_cnn',
      [
        'return keras.Sequential(',
        'keras.Input(shape=(28, 28, 1), name="input_layer")',
        'layers.Conv2D(32, (3, 3), activation="relu", name="conv2d")',
        'layers.Dropout(0.25, name="dropout")',
        'layers.Dense(10, activation="softmax", name="dense_1")',
        modelSectionEnd,
      ],
    ],
    [
      'writes branches with the functional API, merges called on a list',
      'inception_module',
      [
        'features = keras.Input(shape=(28, 28, 192), name="features")',
        'concat = layers.Concatenate(name="concat")([b1x1, b3x3, b5x5, pool_proj])',
        'return keras.Model(inputs=features, outputs=concat, name=MODEL_NAME)',
        'MODEL_NAME = "inception_module"',
      ],
    ],
  ])('%s', (_title, id, lines) => {
    const code = generatePython(template(id));
    for (const line of lines) expect(code).toContain(line);
  });

  it("writes regularizers as Keras objects (the chapter's L2)", () => {
    expect(generatePython(template('fc_tf_mnist'))).toMatch(/kernel_regularizer=keras\.regularizers\.L2\(l2=0\.025\)/);
  });
});

describe('generatePython: training', () => {
  const sgd: TrainingSettings = {
    ...defaultTraining,
    optimizer: { kind: 'sgd', momentum: 0.9, nesterov: true },
    learningRate: 0.01,
    loss: 'sparse_categorical_crossentropy',
    metrics: [{ kind: 'accuracy' }, { kind: 'top_k_accuracy', k: 3 }],
    batchSize: 64,
    epochs: 3,
    validation: 'split',
    validationSplit: 0.2,
    seed: 7,
    earlyStopping: { monitor: 'val_loss', patience: 2 },
    lrSchedule: { kind: 'plateau', patience: 1, factor: 0.5 },
  };

  it.each([
    ['compile', 'optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)'],
    ['loss', 'loss="sparse_categorical_crossentropy"'],
    ['metrics', 'metrics=["accuracy", keras.metrics.SparseTopKCategoricalAccuracy(k=3)]'],
    ['batch size', 'BATCH_SIZE = 64'],
    ['epochs', 'EPOCHS = 3'],
    ['seed', 'keras.utils.set_random_seed(7)'],
    ['validation split', 'validation_split=0.2'],
    ['early stopping', 'keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)'],
    ['plateau', 'keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1)'],
    ['evaluate', 'model.evaluate(x_test, y_test, verbose=0, return_dict=True)'],
  ])('%s', (_label, text) => {
    expect(generatePython(template('keras_cnn'), sgd, { kind: 'fashion-mnist' })).toContain(text);
  });

  it('sparse labels stay integers; categorical ones are one-hot', () => {
    expect(generatePython(template('keras_cnn'), sgd)).not.toContain('to_categorical');
    expect(generatePython(template('keras_cnn'))).toContain('y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)');
  });

  it('loads MNIST reshaped to the Input and scaled to [0, 1]', () => {
    const code = generatePython(template('fc_tf_mnist'));
    expect(code).toContain('keras.datasets.mnist.load_data()');
    expect(code).toContain('x_train = x_train.reshape((-1,) + (784,)).astype("float32") / 255.0');
    expect(code).toContain('validation_data=(x_test, y_test)');
  });

  it('reads an image folder at the Input size with a validation split', () => {
    const code = generatePython(template('vgg16_cats_dogs'), defaultTraining, { kind: 'folder', path: '/data/cats_dogs' });
    expect(code).toContain('DATA_DIR = "/data/cats_dogs"');
    expect(code).toContain('keras.utils.image_dataset_from_directory(');
    expect(code).toContain('image_size=(50, 50)');
    expect(code).toContain('subset="validation"');
    expect(code).toContain('color_mode="rgb"');
    expect(code).toContain('model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS, callbacks=callbacks)');
  });
});

describe('generatePython: tf.distribute', () => {
  it('builds and compiles inside MirroredStrategy scope', () => {
    const code = generatePython(template('keras_cnn'), undefined, undefined, { strategy: 'mirrored' });
    expect(code).toContain('os.environ["KERAS_BACKEND"] = "tensorflow"');
    expect(code).toContain('strategy = tf.distribute.MirroredStrategy()');
    expect(code).toMatch(/with strategy\.scope\(\):\n {4}model = build_model\(\)\n {4}model\.compile\(/);
  });

  it('explains TF_CONFIG for MultiWorkerMirroredStrategy', () => {
    const code = generatePython(template('keras_cnn'), undefined, undefined, { strategy: 'multiworker' });
    expect(code).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
    expect(code).toContain('TF_CONFIG');
  });

  it('without a strategy, no TensorFlow import', () => {
    expect(generatePython(template('keras_cnn'))).not.toContain('tensorflow as tf');
  });
});
