import { makePoolingDef } from './poolingCommon';

export const averagePooling2D = makePoolingDef('AveragePooling2D', {
  summary: 'Averages each window: a smooth way to shrink the image.',
  explanation:
    'Average pooling slides a window over each channel and keeps the mean of the values in it, shrinking the height and width more gently than max pooling. ' +
    'Inception and DenseNet use it between blocks. ' +
    "pool_size sets the window; strides (default: the window size) how far it moves; padding 'same' keeps edge pixels that do not fill a window.",
});
