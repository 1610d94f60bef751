import type { InspectView } from '../inspect/inspectStore';

/** The chapter's walk-through as steps: which template, what to try, where to look. */
export interface LessonStep {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  /** The dock tab the step opens after the template. */
  readonly tab: 'train' | 'inspect';
  readonly inspectView?: InspectView;
  /** Training subset suggested for a quick first try (null: all images). */
  readonly subset: number | null;
  readonly text: readonly string[];
}

export const lessonSteps: readonly LessonStep[] = [
  {
    id: 'fc',
    title: '1 · MNIST with a fully connected net',
    template: 'fc_tf_mnist',
    tab: 'train',
    subset: 5000,
    text: [
      'The chapter starts with 784 pixels → 1,024 ReLU units → 10 softmax outputs. Every pixel is wired to every unit: 814,090 weights.',
      'Try: press Start (Ctrl/Cmd+Enter) with a 5,000-image subset and watch the loss fall. Then clear the subset and train on all 60,000 images.',
      'The chapter used plain SGD (learning rate 0.003, 31 epochs); switch the optimizer to SGD, train again and compare the two runs in the Runs tab.',
      'Then open Inspect › What it sees: the product of the weight matrices shows, per digit, which pixels vote for it.',
    ],
  },
  {
    id: 'cnn',
    title: '2 · The Keras CNN',
    template: 'keras_cnn',
    tab: 'train',
    subset: 5000,
    text: [
      'Two 3×3 convolutions (32 and 64 filters) look at small neighbourhoods, max pooling halves the size, dropout fights over-fitting, then Dense layers decide.',
      'Try: one epoch on all images (clear the subset) — the chapter reaches 99 % after 10 epochs; a single epoch already beats the FC net.',
      'Compare the runs in the Runs tab: the CNN learns faster per image.',
    ],
  },
  {
    id: 'activations',
    title: '3 · Inside the CNN: feature maps',
    template: 'keras_cnn',
    tab: 'inspect',
    inspectView: 'activations',
    subset: null,
    text: [
      'Click the first Conv2D block on the canvas: its 32 feature maps (the chapter’s 4×8 grid) show what each filter responds to in the image.',
      'Switch to Draw and write a digit: the prediction bars and the maps follow your strokes. Compare the maps before and after training.',
      'Kernels shows the 3×3 filters themselves; Confusion matrix and Mistakes show what the network still gets wrong.',
    ],
  },
  {
    id: 'vgg',
    title: '4 · VGG-16 on your own images',
    template: 'vgg16_cats_dogs',
    tab: 'train',
    subset: 2000,
    text: [
      'VGG-16: 13 convolutions in 5 blocks, 33.6 M weights, on 50×50 colour images with two classes (cats and dogs in the chapter).',
      'Choose Image folder in the Train tab and pick a folder with one sub-folder per class; the preview shows a few images per class and any file that will be skipped.',
      'The chapter trained 20 epochs with Adam at lr 1e-6 on 20,000 images. On a CPU start small: a 2,000-image subset and 1–2 epochs.',
    ],
  },
];
