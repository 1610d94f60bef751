import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { run } from './testUtil.test-util';

type Row = readonly [label: string, className: string, inputs: Shape[], params: Params, shape: Shape | string];

/** Merge layers: Keras 3 broadcasting and concatenation rules. */
const rows: readonly Row[] = [
  [
    'Inception concat of four branches',
    'Concatenate',
    [
      [null, 28, 28, 64],
      [null, 28, 28, 128],
      [null, 28, 28, 32],
      [null, 28, 28, 32],
    ],
    {},
    [null, 28, 28, 256],
  ],
  [
    'concat axis 1',
    'Concatenate',
    [
      [null, 3, 5],
      [null, 4, 5],
    ],
    { axis: 1 },
    [null, 7, 5],
  ],
  [
    'concat axis -2 with unknown',
    'Concatenate',
    [
      [null, 3, 5],
      [null, null, 5],
    ],
    { axis: -2 },
    [null, null, 5],
  ],
  [
    'concat mismatch outside the axis',
    'Concatenate',
    [
      [null, 4, 4, 8],
      [null, 4, 5, 7],
    ],
    {},
    'merge-shape-mismatch',
  ],
  [
    'concat of different ranks',
    'Concatenate',
    [
      [null, 4, 4, 8],
      [null, 8],
    ],
    {},
    'merge-shape-mismatch',
  ],
  [
    'concat axis out of range',
    'Concatenate',
    [
      [null, 4],
      [null, 4],
    ],
    { axis: 3 },
    'bad-axis',
  ],
  ['concat with a single input', 'Concatenate', [[null, 4]], {}, 'missing-input'],
  [
    'add equal shapes',
    'Add',
    [
      [null, 4, 4, 8],
      [null, 4, 4, 8],
    ],
    {},
    [null, 4, 4, 8],
  ],
  [
    'add broadcasts size 1',
    'Add',
    [
      [null, 4, 4, 8],
      [null, 1, 1, 8],
    ],
    {},
    [null, 4, 4, 8],
  ],
  [
    'add broadcasts a shorter shape',
    'Add',
    [
      [null, 4, 4, 8],
      [null, 8],
    ],
    {},
    [null, 4, 4, 8],
  ],
  [
    'add mismatch',
    'Add',
    [
      [null, 4, 4, 8],
      [null, 4, 4, 7],
    ],
    {},
    'merge-shape-mismatch',
  ],
  [
    'ResNet skip with a stride mismatch',
    'Add',
    [
      [null, 28, 28, 256],
      [null, 56, 56, 256],
    ],
    {},
    'merge-shape-mismatch',
  ],
  [
    'multiply three with an unknown',
    'Multiply',
    [
      [null, 3, 3],
      [null, 3, 3],
      [null, 3, null],
    ],
    {},
    [null, 3, null],
  ],
  [
    'subtract two',
    'Subtract',
    [
      [null, 5],
      [null, 5],
    ],
    {},
    [null, 5],
  ],
  [
    'subtract three',
    'Subtract',
    [
      [null, 5],
      [null, 5],
      [null, 5],
    ],
    {},
    'extra-input',
  ],
  [
    'average',
    'Average',
    [
      [null, 7],
      [null, 7],
    ],
    {},
    [null, 7],
  ],
  [
    'maximum with a fixed batch',
    'Maximum',
    [
      [null, 2],
      [8, 2],
    ],
    {},
    [8, 2],
  ],
];

describe('merge shapes', () => {
  it.each(rows)('%s', (_label, className, inputs, params, shape) => {
    const r = run(className, inputs, params);
    expect(r.shape).toEqual(shape);
    expect(r.trainable + r.nonTrainable).toBe(0);
  });

  it('names both shapes and the fix when an Add mismatches', () => {
    const r = run(
      'Add',
      [
        [null, 4, 4, 8],
        [null, 4, 4, 7],
      ],
      {},
    );
    expect(!r.out.ok && r.out.error.message).toBe(
      'gets inputs of incompatible shapes (None, 4, 4, 8) and (None, 4, 4, 7); make their sizes equal (for example a 1×1 Conv2D to match the channels, or the same strides on both branches)',
    );
  });
});
