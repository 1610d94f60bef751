import { makePoolingDef } from './poolingCommon';

export const maxPooling2D = makePoolingDef('MaxPooling2D', {
  summary: 'Keeps the strongest value in each window: shrinks the image, keeps the features.',
  explanation:
    'Max pooling slides a small window (usually 2×2) over each channel and keeps only the largest value, so the height and width shrink while the strongest detections survive. ' +
    'Put it after one or more convolutions to cut computation and make the network less sensitive to small shifts. ' +
    "pool_size sets the window; strides (default: the window size) how far it moves; padding 'same' keeps edge pixels that do not fill a window.",
});
