import type { InspectView } from '../state/inspectStore';

/**
 * The chapter (../shared/seeds/000_…, "Image classification with TensorFlow or Keras" and "Some
 * popular deep CNNs") as lesson steps. Every figure below is the chapter's: its printed
 * model.summary() rows (Keras 2 names there, so only shapes and parameter counts are compared),
 * its batch sizes, optimizers and epochs.
 */

/** One row of the chapter's printed summary: output shape as Keras prints it, parameters. */
export interface ChapterRow {
  readonly shape: string;
  readonly params: number;
}

export interface LessonStep {
  readonly id: string;
  readonly title: string;
  /** The template the step loads; null: the step works on whatever model is on the canvas. */
  readonly template: string | null;
  /** The dock tab the step opens. */
  readonly tab: 'train' | 'inspect' | 'runs';
  readonly inspectView?: InspectView;
  /** Training subset for the step's short run (null: all 60,000 images). */
  readonly subset: number | null;
  /** Epochs of the short run. */
  readonly epochs: number;
  /** The chapter's summary rows (layers after the input) and its total, where it prints one. */
  readonly summary: readonly ChapterRow[] | null;
  readonly totalParams: number | null;
  /** How the learner may build it instead of loading it. */
  readonly build?: string;
  readonly text: readonly string[];
}

export const lessonSteps: readonly LessonStep[] = [
  {
    id: 'fc',
    title: '1 · MNIST with a fully connected net',
    template: 'fc_tf_mnist',
    tab: 'train',
    // Fast net: 20,000 images take seconds and leave room for the health measurement (< 5 %).
    subset: 20_000,
    epochs: 1,
    // The TensorFlow code prints no summary: 784×1024 + 1024 and 1024×10 + 10 weights.
    summary: [
      { shape: '(None, 1024)', params: 803_840 },
      { shape: '(None, 10)', params: 10_250 },
    ],
    totalParams: 814_090,
    build: 'Input (784) → Dense 1024 relu → Dense 10 softmax, an L2 regularizer on both kernels.',
    text: [
      'The chapter’s TensorFlow net: 784 pixels → 1,024 ReLU units → 10 softmax outputs, L2 on both weight layers, plain SGD on batches of 256.',
      'Its prose says 96.5 % on validation; its printed run ends at 92.0 % on the test images after 6,001 steps.',
      'Build it from the palette, or load it. When the check is green, train briefly and compare. The short runs use Adam so that one epoch already shows learning; set SGD with learning rate 0.003 in the Train tab to train as the chapter did.',
    ],
  },
  {
    id: 'cnn',
    title: '2 · The Keras CNN',
    template: 'keras_cnn',
    tab: 'train',
    subset: 5000,
    epochs: 1,
    summary: [
      { shape: '(None, 26, 26, 32)', params: 320 },
      { shape: '(None, 24, 24, 64)', params: 18_496 },
      { shape: '(None, 12, 12, 64)', params: 0 },
      { shape: '(None, 12, 12, 64)', params: 0 },
      { shape: '(None, 9216)', params: 0 },
      { shape: '(None, 128)', params: 1_179_776 },
      { shape: '(None, 128)', params: 0 },
      { shape: '(None, 10)', params: 1290 },
    ],
    totalParams: 1_199_882,
    text: [
      'Two 3×3 convolutions (32 and 64 filters) look at small neighbourhoods, max pooling halves the size, dropout fights over-fitting, then Dense layers decide.',
      'The chapter trains 10 epochs with Adam, batch 200, and reaches 99.06 % on the test images. A short run on 5,000 images already beats the FC net.',
    ],
  },
  {
    id: 'cnn64',
    title: '3 · The CNN 64 5×5: its kernels and feature maps',
    template: 'cnn_64_5x5',
    tab: 'inspect',
    inspectView: 'kernels',
    subset: 5000,
    epochs: 1,
    summary: [
      { shape: '(None, 24, 24, 64)', params: 1664 },
      { shape: '(None, 12, 12, 64)', params: 0 },
      { shape: '(None, 9216)', params: 0 },
      { shape: '(None, 100)', params: 921_700 },
      { shape: '(None, 10)', params: 1010 },
    ],
    totalParams: 924_374,
    text: [
      'One convolution of 64 filters of 5×5, max pooling, Dense 100, Dense 10 (Adam, batch 200, 10 epochs in the chapter).',
      'Kernels shows the 64 first-layer 5×5 filters as the chapter draws them; Activations shows their 64 feature maps of 24×24 for a digit. Look before training (noise), train briefly, and look again (strokes and edges).',
    ],
  },
  {
    id: 'dropout',
    title: '4 · FC 200-200, with and without Dropout',
    template: 'fc_200_200',
    tab: 'runs',
    subset: 10_000,
    epochs: 2,
    summary: [
      { shape: '(None, 784)', params: 0 },
      { shape: '(None, 200)', params: 157_000 },
      { shape: '(None, 200)', params: 0 },
      { shape: '(None, 200)', params: 40_200 },
      { shape: '(None, 10)', params: 2010 },
    ],
    totalParams: 199_210,
    text: [
      'Two hidden layers of 200 ReLU units with Dropout 0.15 between them (Adam, batch 200, 10 epochs): 98.26 % on the test images in the chapter’s printed run (its prose says 98.04 %).',
      'Train once. Then select the Dropout block, press Delete, and train again: the Runs tab overlays the two runs — compare the gap between training and validation accuracy.',
    ],
  },
  {
    id: 'vgg',
    title: '5 · VGG-16 on cats and dogs',
    template: 'vgg16_cats_dogs',
    tab: 'train',
    subset: 200,
    epochs: 1,
    summary: null,
    totalParams: 33_605_442,
    text: [
      'VGG-16: 13 convolutions in 5 blocks, 33,605,442 weights, on 50×50 colour images of two classes.',
      'Choose Image folder in the Train tab and pick a folder with one sub-folder per class (cats/, dogs/). The chapter trained 20 epochs on 20,000 images with Adam at lr 1e-6, batch 256, reaching 78.38 % on 5,000 validation images.',
      'Train one epoch on 200 images: the lesson then estimates, from this machine’s measured speed, how long the chapter’s run would take here.',
    ],
  },
  {
    id: 'explore',
    title: '6 · How your network computes',
    template: null,
    tab: 'inspect',
    inspectView: 'activations',
    subset: null,
    epochs: 1,
    summary: null,
    totalParams: null,
    text: [
      'On your own model (any of the above, trained or not): in Inspect › Activations click any pixel of a feature map. The detail shows its receptive field on the image, the patch × kernel products, their sum, the bias and the activation — equal to the model’s value.',
      'Play the sliding kernel to watch the whole map being computed. Then open Where it looks: the saliency map and Grad-CAM show which pixels and regions speak for the predicted class, or for any class you pick.',
    ],
  },
];
