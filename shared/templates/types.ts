import type { Graph } from '../graph/types';

export type TemplateId =
  | 'fc_tf_mnist'
  | 'keras_cnn'
  | 'cnn_64_5x5'
  | 'fc_200_200'
  | 'vgg16_cats_dogs'
  | 'vgg16'
  | 'vgg19'
  | 'resnet50'
  | 'inception_v3'
  | 'mobilenet'
  | 'lenet5'
  | 'residual_block'
  | 'inception_module';

/** How the chapter trained a model, for the guided lesson's "try this" step. */
export interface ChapterTraining {
  readonly optimizer: 'sgd' | 'adam';
  /** Absent where the chapter kept the optimizer's default. */
  readonly learningRate?: number;
  readonly loss: 'categorical_crossentropy';
  readonly batchSize: number;
  readonly epochs: number;
}

/** What the chapter ("Deep Learning Models in Image Processing") reports for this model, shown beside the learner's result. */
export interface ChapterInfo {
  /** The chapter section the model comes from. */
  readonly section: string;
  /** Accuracy in percent, as the chapter's printed output shows it. */
  readonly reportedAccuracy: number;
  /** Which data set that accuracy was measured on. */
  readonly split: 'test' | 'validation';
  readonly training: ChapterTraining;
  /** Where the chapter's prose and its printed output disagree, or other caveats. */
  readonly note?: string;
}

export interface TemplateInfo {
  readonly id: TemplateId;
  readonly title: string;
  /** One line for the gallery and `blockprop templates`. */
  readonly description: string;
  /** chapter: the chapter's own models; applications: Keras Applications (weights=None); classic: small teaching nets. */
  readonly group: 'chapter' | 'applications' | 'classic';
  /** The data the model's input and output are shaped for ('none': a building block on a feature map). */
  readonly dataset: 'mnist' | 'image-folder' | 'imagenet' | 'none';
  /** Keras's model.summary() totals for the built graph. */
  readonly expectedTotalParams: number;
  readonly expectedTrainableParams: number;
  readonly chapter?: ChapterInfo;
  /** A fresh graph on every call (callers may edit it freely). */
  build(): Graph;
}
