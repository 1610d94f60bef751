import type { Graph } from '../graph/types';
import { GraphBuilder } from './builder';

// keras/src/applications/resnet.py: BatchNormalization(axis=3, epsilon=1.001e-5) throughout.
const bn = { axis: 3, epsilon: 1.001e-5 };

/** One bottleneck block (residual_block_v1): 1x1 -> 3x3 -> 1x1 (4x filters), plus a shortcut. */
function residualBlock(b: GraphBuilder, x: string, filters: number, stride: number, convShortcut: boolean, name: string): string {
  let shortcut = x;
  if (convShortcut) {
    shortcut = b.layer('Conv2D', { filters: 4 * filters, kernel_size: [1, 1], strides: [stride, stride] }, x, `${name}_0_conv`);
    shortcut = b.layer('BatchNormalization', bn, shortcut, `${name}_0_bn`);
  }
  let y = b.chain(x, [
    ['Conv2D', { filters, kernel_size: [1, 1], strides: [stride, stride] }, `${name}_1_conv`],
    ['BatchNormalization', bn, `${name}_1_bn`],
    ['Activation', { activation: 'relu' }, `${name}_1_relu`],
    ['Conv2D', { filters, kernel_size: [3, 3], padding: 'same' }, `${name}_2_conv`],
    ['BatchNormalization', bn, `${name}_2_bn`],
    ['Activation', { activation: 'relu' }, `${name}_2_relu`],
    ['Conv2D', { filters: 4 * filters, kernel_size: [1, 1] }, `${name}_3_conv`],
    ['BatchNormalization', bn, `${name}_3_bn`],
  ]);
  y = b.layer('Add', {}, [shortcut, y], `${name}_add`);
  return b.layer('Activation', { activation: 'relu' }, y, `${name}_out`);
}

function stack(b: GraphBuilder, x: string, filters: number, blocks: number, stride1: number, name: string): string {
  let y = residualBlock(b, x, filters, stride1, true, `${name}_block1`);
  for (let i = 2; i <= blocks; i++) y = residualBlock(b, y, filters, 1, false, `${name}_block${i}`);
  return y;
}

/** ResNet50 as keras.applications.ResNet50(weights=None) builds it: 177 layers, 25,636,712 parameters. */
export function buildResNet50(): Graph {
  const b = new GraphBuilder('resnet50', 'Functional');
  let x = b.input([224, 224, 3]);
  x = b.chain(x, [
    [
      'ZeroPadding2D',
      {
        padding: [
          [3, 3],
          [3, 3],
        ],
      },
      'conv1_pad',
    ],
    ['Conv2D', { filters: 64, kernel_size: [7, 7], strides: [2, 2] }, 'conv1_conv'],
    ['BatchNormalization', bn, 'conv1_bn'],
    ['Activation', { activation: 'relu' }, 'conv1_relu'],
    [
      'ZeroPadding2D',
      {
        padding: [
          [1, 1],
          [1, 1],
        ],
      },
      'pool1_pad',
    ],
    ['MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, 'pool1_pool'],
  ]);
  x = stack(b, x, 64, 3, 1, 'conv2');
  x = stack(b, x, 128, 4, 2, 'conv3');
  x = stack(b, x, 256, 6, 2, 'conv4');
  x = stack(b, x, 512, 3, 2, 'conv5');
  b.chain(x, [
    ['GlobalAveragePooling2D', {}, 'avg_pool'],
    ['Dense', { units: 1000, activation: 'softmax' }, 'predictions'],
  ]);
  return b.build();
}
