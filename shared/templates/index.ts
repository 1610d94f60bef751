import { buildCnn64x5, buildFc200x200, buildFcTfMnist, buildKerasCnn, buildVgg16CatsDogs } from './chapter';
import { buildInceptionModule, buildLeNet5, buildResidualBlock } from './classic';
import { buildInceptionV3 } from './inceptionV3';
import { buildMobileNet } from './mobilenet';
import { buildResNet50 } from './resnet50';
import type { TemplateInfo } from './types';
import { buildVgg } from './vgg';

export type { ChapterInfo, ChapterTraining, TemplateId, TemplateInfo } from './types';
export { GraphBuilder } from './builder';

const mnistSection = 'Image classification with TensorFlow or Keras';

/** Every template, in gallery order: the chapter's walk-through first, then Keras Applications, then small classics. */
export const templates: readonly TemplateInfo[] = [
  {
    id: 'fc_tf_mnist',
    title: 'FC net (TensorFlow chapter)',
    description: "MNIST as 784 pixels -> Dense 1024 ReLU -> Dense 10 softmax, L2(0.025) on both kernels: the chapter's TensorFlow net in Keras.",
    group: 'chapter',
    dataset: 'mnist',
    expectedTotalParams: 814_090,
    expectedTrainableParams: 814_090,
    chapter: {
      section: `${mnistSection} › Classification of MNIST using FC network with TF`,
      reportedAccuracy: 92.0,
      split: 'test',
      training: { optimizer: 'sgd', learningRate: 0.003, loss: 'categorical_crossentropy', batchSize: 256, epochs: 31 },
      note: 'The chapter trains 6,001 SGD steps of 256 images (about 31 epochs of its 50,000-image training split) on unscaled pixels; its prose says 96.5 % and lambda = 1, its printed run ends at 92.0 % test (91.7 % validation) with lambda = 0.05 (= Keras L2 0.025).',
    },
    build: buildFcTfMnist,
  },
  {
    id: 'keras_cnn',
    title: 'Keras CNN (chapter)',
    description: 'Conv 32 3x3 -> Conv 64 3x3 -> MaxPool 2 -> Dropout .25 -> Flatten -> Dense 128 -> Dropout .5 -> Dense 10 softmax, for MNIST.',
    group: 'chapter',
    dataset: 'mnist',
    expectedTotalParams: 1_199_882,
    expectedTrainableParams: 1_199_882,
    chapter: {
      section: `${mnistSection} › Classification of MNIST using Convolutional neural network with Keras`,
      reportedAccuracy: 99.06,
      split: 'test',
      training: { optimizer: 'adam', loss: 'categorical_crossentropy', batchSize: 200, epochs: 10 },
      note: 'Measured on the 10,000 test images (the chapter passes them as validation data); the chapter fed unscaled 0-255 pixels.',
    },
    build: buildKerasCnn,
  },
  {
    id: 'cnn_64_5x5',
    title: 'CNN 64 5x5 (chapter)',
    description: 'Conv 64 5x5 -> MaxPool 2 -> Flatten -> Dense 100 ReLU -> Dense 10 softmax, for MNIST.',
    group: 'chapter',
    dataset: 'mnist',
    expectedTotalParams: 924_374,
    expectedTrainableParams: 924_374,
    chapter: {
      section: `${mnistSection} › Classification of MNIST using Convolutional network with Keras`,
      reportedAccuracy: 98.9,
      split: 'test',
      training: { optimizer: 'adam', loss: 'categorical_crossentropy', batchSize: 200, epochs: 10 },
    },
    build: buildCnn64x5,
  },
  {
    id: 'fc_200_200',
    title: 'FC 200-200 (chapter)',
    description: 'Flatten -> Dense 200 ReLU -> Dropout .15 -> Dense 200 ReLU -> Dense 10 softmax, for MNIST.',
    group: 'chapter',
    dataset: 'mnist',
    expectedTotalParams: 199_210,
    expectedTrainableParams: 199_210,
    chapter: {
      section: `${mnistSection} › Classification of MNIST using FC network with Keras`,
      reportedAccuracy: 98.26,
      split: 'test',
      training: { optimizer: 'adam', loss: 'categorical_crossentropy', batchSize: 200, epochs: 10 },
      note: "The printed run ends at 98.26 %; the chapter's prose quotes 98.04 %.",
    },
    build: buildFc200x200,
  },
  {
    id: 'vgg16_cats_dogs',
    title: 'VGG-16 cats vs dogs (chapter)',
    description: 'Keras VGG16 trained from scratch on 50x50 colour images with 2 classes (cat, dog): 33.6 M parameters.',
    group: 'chapter',
    dataset: 'image-folder',
    expectedTotalParams: 33_605_442,
    expectedTrainableParams: 33_605_442,
    chapter: {
      section: 'Some popular deep CNNs › Classifying Cat/Dog images using VGG-16 in Keras',
      reportedAccuracy: 78.38,
      split: 'validation',
      training: { optimizer: 'adam', learningRate: 1e-6, loss: 'categorical_crossentropy', batchSize: 256, epochs: 20 },
      note: "20,000 training and 5,000 validation images from Kaggle's Dogs vs. Cats, resized to 50x50.",
    },
    build: buildVgg16CatsDogs,
  },
  {
    id: 'vgg16',
    title: 'VGG16',
    description: 'keras.applications.VGG16 (weights=None): 13 3x3 convolutions in 5 blocks and 3 dense layers on 224x224x3, 1000 classes.',
    group: 'applications',
    dataset: 'imagenet',
    expectedTotalParams: 138_357_544,
    expectedTrainableParams: 138_357_544,
    build: () => buildVgg(16),
  },
  {
    id: 'vgg19',
    title: 'VGG19',
    description: 'keras.applications.VGG19 (weights=None): VGG16 with a fourth convolution in blocks 3-5; 224x224x3, 1000 classes.',
    group: 'applications',
    dataset: 'imagenet',
    expectedTotalParams: 143_667_240,
    expectedTrainableParams: 143_667_240,
    build: () => buildVgg(19),
  },
  {
    id: 'resnet50',
    title: 'ResNet50',
    description: 'keras.applications.ResNet50 (weights=None): 16 bottleneck blocks with skip connections; 224x224x3, 1000 classes.',
    group: 'applications',
    dataset: 'imagenet',
    expectedTotalParams: 25_636_712,
    expectedTrainableParams: 25_583_592,
    build: buildResNet50,
  },
  {
    id: 'inception_v3',
    title: 'InceptionV3',
    description: 'keras.applications.InceptionV3 (weights=None): 11 inception blocks (mixed0-mixed10), 313 layers; 299x299x3, 1000 classes.',
    group: 'applications',
    dataset: 'imagenet',
    expectedTotalParams: 23_851_784,
    expectedTrainableParams: 23_817_352,
    build: buildInceptionV3,
  },
  {
    id: 'mobilenet',
    title: 'MobileNet',
    description: 'keras.applications.MobileNet (weights=None, alpha 1.0): 13 depthwise-separable blocks with ReLU6; 224x224x3, 1000 classes.',
    group: 'applications',
    dataset: 'imagenet',
    expectedTotalParams: 4_253_864,
    expectedTrainableParams: 4_231_976,
    build: buildMobileNet,
  },
  {
    id: 'lenet5',
    title: 'LeNet-5',
    description: "LeCun's LeNet-5 for MNIST: Conv 6 5x5 (same) tanh -> AvgPool -> Conv 16 5x5 tanh -> AvgPool -> Dense 120 -> 84 -> 10 softmax.",
    group: 'classic',
    dataset: 'mnist',
    expectedTotalParams: 61_706,
    expectedTrainableParams: 61_706,
    build: buildLeNet5,
  },
  {
    id: 'residual_block',
    title: 'Residual block',
    description: 'A small ResNet-style MNIST net: one conv-BN-ReLU-conv-BN block whose input is added back (Add skip), then pool and softmax.',
    group: 'classic',
    dataset: 'mnist',
    expectedTotalParams: 81_802,
    expectedTrainableParams: 81_674,
    build: buildResidualBlock,
  },
  {
    id: 'inception_module',
    title: 'Inception module',
    description: "GoogLeNet's inception module on a 28x28x192 feature map: 1x1, 3x3 and 5x5 branches plus pooling, concatenated.",
    group: 'classic',
    dataset: 'none',
    expectedTotalParams: 163_696,
    expectedTrainableParams: 163_696,
    build: buildInceptionModule,
  },
];

const byId = new Map<string, TemplateInfo>(templates.map((t) => [t.id, t]));

/** The template with this id, or undefined (ids are listed by `templates`). */
export function getTemplate(id: string): TemplateInfo | undefined {
  return byId.get(id);
}
