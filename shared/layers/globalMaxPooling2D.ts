import { makeGlobalPoolingDef } from './poolingCommon';

export const globalMaxPooling2D = makeGlobalPoolingDef('GlobalMaxPooling2D', {
  summary: 'Keeps the strongest value of each whole feature map.',
  explanation:
    'Global max pooling replaces each feature map by its largest value, turning (height, width, channels) into one vector of channels: "was this pattern anywhere in the image?". ' +
    'Use it before a classifier instead of Flatten when only the presence of a feature matters, not its position. ' +
    'keepdims keeps the result as a 1×1 image.',
});
