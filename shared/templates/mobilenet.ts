import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';

/*
 * MobileNet v1 as keras.applications.MobileNet(weights=None) builds it (keras/src/applications/
 * mobilenet.py; alpha 1.0, depth_multiplier 1, dropout 1e-3): 91 layers, 4,253,864 parameters.
 * Keras 3 ends it with GlobalAveragePooling2D(keepdims=True) -> Dropout -> 1x1 Conv2D ->
 * Reshape((1000,)) -> softmax, and clips every activation with ReLU(6.).
 */

const relu6 = { max_value: 6 };

/** (pointwise filters, strides) of depthwise-separable blocks 1..13. */
const blocks: readonly (readonly [number, number])[] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

function depthwiseBlock(b: GraphBuilder, x: string, filters: number, stride: number, id: number): string {
  let y = x;
  // Strided blocks pad bottom/right by one and convolve 'valid', as TF's original weights expect.
  if (stride !== 1)
    y = b.layer(
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
      y,
      `conv_pad_${id}`,
    );
  return b.chain(y, [
    [
      'DepthwiseConv2D',
      { kernel_size: [3, 3], padding: stride === 1 ? 'same' : 'valid', depth_multiplier: 1, strides: [stride, stride], use_bias: false },
      `conv_dw_${id}`,
    ],
    ['BatchNormalization', { axis: -1 }, `conv_dw_${id}_bn`],
    ['ReLU', relu6, `conv_dw_${id}_relu`],
    ['Conv2D', { filters, kernel_size: [1, 1], padding: 'same', use_bias: false, strides: [1, 1] }, `conv_pw_${id}`],
    ['BatchNormalization', { axis: -1 }, `conv_pw_${id}_bn`],
    ['ReLU', relu6, `conv_pw_${id}_relu`],
  ]);
}

export function buildMobileNet(): Graph {
  const b = new GraphBuilder('mobilenet_1.00_224', 'Functional');
  let x = b.input([224, 224, 3]);
  x = b.chain(x, [
    ['Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same', use_bias: false, strides: [2, 2] }, 'conv1'],
    ['BatchNormalization', { axis: -1 }, 'conv1_bn'],
    ['ReLU', relu6, 'conv1_relu'],
  ]);
  blocks.forEach(([filters, stride], i) => {
    x = depthwiseBlock(b, x, filters, stride, i + 1);
  });
  b.chain(x, [
    ['GlobalAveragePooling2D', { keepdims: true }],
    ['Dropout', { rate: 1e-3 }, 'dropout'],
    ['Conv2D', { filters: 1000, kernel_size: [1, 1], padding: 'same' }, 'conv_preds'],
    ['Reshape', { target_shape: [1000] }, 'reshape_2'],
    ['Activation', { activation: 'softmax' }, 'predictions'],
  ]);
  return b.build();
}
