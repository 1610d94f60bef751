import { makeGlobalPoolingDef } from './poolingCommon';

export const globalAveragePooling2D = makeGlobalPoolingDef('GlobalAveragePooling2D', {
  summary: 'Averages each whole feature map to one number per channel.',
  explanation:
    'Global average pooling replaces each feature map by its average, turning (height, width, channels) into one vector of channels. ' +
    'Modern networks (ResNet, MobileNet) use it instead of Flatten before the classifier: it has no weights, far fewer outputs, and works for any image size. ' +
    'keepdims keeps the result as a 1×1 image.',
});
