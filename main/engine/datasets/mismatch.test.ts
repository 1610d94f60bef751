import { describe, expect, it } from 'vitest';
import { checkModelAgainstData, type DataFacts, type LossName, type ModelEnds } from './mismatch';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const mnist: DataFacts = { title: 'MNIST', imageShape: [28, 28, 1], resizable: false, classNames: digits };
const catsDogs: DataFacts = { title: "the folder 'cats_dogs'", imageShape: [375, 500, 3], resizable: true, classNames: ['cats', 'dogs'] };

function model(input: (number | null)[], units: number, activation = 'softmax'): ModelEnds {
  return { input: { name: 'input_layer', shape: input }, output: { name: 'dense_1', kind: 'Dense', shape: [units], activation } };
}

describe('model versus data', () => {
  it.each<{ name: string; m: ModelEnds; d: DataFacts; loss: LossName; expected: string[] }>([
    { name: 'CNN on MNIST', m: model([28, 28, 1], 10), d: mnist, loss: 'categorical_crossentropy', expected: [] },
    { name: 'FC on MNIST', m: model([784], 10), d: mnist, loss: 'sparse_categorical_crossentropy', expected: [] },
    {
      name: 'VGG input on MNIST',
      m: model([50, 50, 3], 10),
      d: mnist,
      loss: 'categorical_crossentropy',
      expected: [
        'error: Input is 50×50×3, made for larger colour images, but the MNIST images are 28×28×1. Resize MNIST to 50×50×3 (the Train tab\'s "Resize to the model\'s Input" switch), pick an image folder (resized to 50×50×3 too), or use a model made for 28×28×1 images such as the Keras CNN template.',
      ],
    },
    {
      name: 'a small gray Input of the wrong size',
      m: model([32, 32, 1], 10),
      d: mnist,
      loss: 'categorical_crossentropy',
      expected: ['error: Input is 32×32×1 but the MNIST images are 28×28×1 — change the Input block to 28×28×1 (or 784 for a fully connected net).'],
    },
    {
      name: '10 units for 2 classes',
      m: model([50, 50, 3], 10),
      d: catsDogs,
      loss: 'categorical_crossentropy',
      expected: [
        "error: Dense 'dense_1' has 10 units but the folder 'cats_dogs' has 2 classes (cats, dogs) — set units to 2.",
        "info: The images are 500×375×3; they will be resized to 50×50×3 for Input 'input_layer'.",
      ],
    },
    {
      name: 'binary crossentropy with 2 units',
      m: model([50, 50, 3], 2, 'sigmoid'),
      d: { ...catsDogs, imageShape: [50, 50, 3] },
      loss: 'binary_crossentropy',
      expected: [
        "error: Dense 'dense_1' has 2 units; binary_crossentropy needs 1 unit with a sigmoid activation (or use sparse_categorical_crossentropy with 2 softmax units).",
      ],
    },
    {
      name: 'binary crossentropy on 10 classes',
      m: model([28, 28, 1], 1, 'sigmoid'),
      d: mnist,
      loss: 'binary_crossentropy',
      expected: ['error: binary_crossentropy needs 2 classes but MNIST has 10; use sparse_categorical_crossentropy with 10 output units.'],
    },
    {
      name: 'crossentropy on a linear output',
      m: model([28, 28, 1], 10, 'linear'),
      d: mnist,
      loss: 'categorical_crossentropy',
      expected: ["warning: categorical_crossentropy expects probabilities but Dense 'dense_1' has activation 'linear'; set its activation to softmax."],
    },
    {
      name: 'four channels for a folder',
      m: model([50, 50, 4], 2),
      d: catsDogs,
      loss: 'categorical_crossentropy',
      expected: ["error: Input 'input_layer' has 4 channels; images load as 1 (grayscale) or 3 (RGB) channels — change the Input block."],
    },
  ])('$name', ({ m, d, loss, expected }) => {
    expect(checkModelAgainstData(m, d, loss).map((x) => `${x.severity}: ${x.message}`)).toEqual(expected);
  });
});

describe('model ends from a graph', () => {
  it('finds the Keras CNN Input and its softmax Dense output', async () => {
    const { buildKerasCnn, buildVgg16CatsDogs } = await import('../../../shared/templates/chapter');
    const { modelEndsOf } = await import('./modelEnds');
    const ends = modelEndsOf(buildKerasCnn());
    expect(ends && [ends.input.shape, ends.output.kind, ends.output.name, ends.output.shape, ends.output.activation]).toEqual([
      [28, 28, 1],
      'Dense',
      'dense_1',
      [10],
      'softmax',
    ]);
    const vgg = modelEndsOf(buildVgg16CatsDogs());
    expect(vgg && checkModelAgainstData(vgg, mnist, 'categorical_crossentropy').map((d) => d.code)).toEqual(['data-input-shape', 'data-output-units']);
  });
});
