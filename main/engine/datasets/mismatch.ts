import type { Diagnostic } from '../../../shared/diagnostics';

/**
 * Model-versus-data checks made before training: pure functions, each returning a diagnostic whose
 * message says what to change. The engine runs them with the graph's Input and output blocks.
 */

/** What the checks need to know about the data. */
export interface DataFacts {
  /** "MNIST", "Fashion-MNIST", "the folder 'cats_dogs'". */
  readonly title: string;
  /** The images' own size: [28, 28, 1] for the built-ins; for a folder, the most common size (or null). */
  readonly imageShape: readonly [number, number, number] | null;
  /** Folders are resized and converted to the Input's size and channels; the built-ins are not. */
  readonly resizable: boolean;
  readonly classNames: readonly string[];
}

/** What the checks need to know about the model's two ends. */
export interface ModelEnds {
  readonly input: { readonly name: string; readonly nodeId?: string; readonly shape: readonly (number | null)[] };
  readonly output: {
    readonly name: string;
    readonly kind: string;
    readonly nodeId?: string;
    /** Output shape without the batch dimension. */
    readonly shape: readonly (number | null)[];
    /** The output layer's activation ('softmax', 'sigmoid', 'linear', …) when it has one. */
    readonly activation?: string;
  };
}

export type LossName = 'categorical_crossentropy' | 'sparse_categorical_crossentropy' | 'binary_crossentropy' | 'mse' | 'mae';

const fmt = (shape: readonly (number | null)[]): string => shape.map((d) => (d === null ? '?' : String(d))).join('×');

function diag(code: string, message: string, nodeId?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return nodeId === undefined ? { severity, code, message } : { severity, code, message, nodeId };
}

/** Input shapes a 28×28 gray image can be fed as without resampling (reshaped, same 784 values). */
function reshapeable(input: readonly (number | null)[], image: readonly [number, number, number]): boolean {
  if (input.some((d) => d === null)) return false;
  const total = input.reduce<number>((a, d) => a * (d ?? 0), 1);
  return total === image[0] * image[1] * image[2] && (input.length === 1 || input.length === 2 || (input[0] === image[0] && input[1] === image[1]));
}

export function checkInputShape(model: ModelEnds, data: DataFacts): Diagnostic | null {
  const shape = model.input.shape;
  const at = model.input.nodeId;
  if (data.resizable) {
    if (shape.length !== 3) {
      return diag(
        'data-input-rank',
        `Input '${model.input.name}' is ${fmt(shape)} but images need height × width × channels; set the Input block to e.g. 50×50×3.`,
        at,
      );
    }
    const [h, w, c] = shape;
    if (h === null || w === null || h === undefined || w === undefined) {
      return diag(
        'data-input-size',
        `Input '${model.input.name}' has no fixed size (${fmt(shape)}); set a height and width so the images can be resized to it.`,
        at,
      );
    }
    if (c !== 1 && c !== 3) {
      return diag(
        'data-input-channels',
        `Input '${model.input.name}' has ${String(c)} channels; images load as 1 (grayscale) or 3 (RGB) channels — change the Input block.`,
        at,
      );
    }
    const img = data.imageShape;
    if (img !== null && (img[0] !== h || img[1] !== w || img[2] !== c)) {
      return diag(
        'data-resize',
        `The images are ${img[1]}×${img[0]}×${img[2]}; they will be resized to ${h}×${w}×${c} for Input '${model.input.name}'.`,
        at,
        'info',
      );
    }
    return null;
  }
  const img = data.imageShape;
  if (img === null || reshapeable(shape, img)) return null;
  const total = img[0] * img[1] * img[2];
  // A model made for photos (VGG, ResNet50, Inception: colour or much larger than the images)
  // cannot be shrunk to 28×28×1 — its pooling stages would run out of pixels. Offer data that fits.
  const [h, , c] = shape;
  if (shape.length === 3 && ((c === 3 && img[2] === 1) || (h !== null && h !== undefined && h >= 2 * img[0]))) {
    return diag(
      'data-input-shape',
      `Input is ${fmt(shape)}, made for larger colour images, but the ${data.title} images are ${fmt(img)}. Resize ${data.title} to ${fmt(shape)} (the Train tab's "Resize to the model's Input" switch), pick an image folder (resized to ${fmt(shape)} too), or use a model made for ${fmt(img)} images such as the Keras CNN template.`,
      at,
    );
  }
  return diag(
    'data-input-shape',
    `Input is ${fmt(shape)} but the ${data.title} images are ${fmt(img)} — change the Input block to ${fmt(img)} (or ${total} for a fully connected net).`,
    at,
  );
}

/** The label encoding a loss expects. */
export function labelEncoding(loss: LossName): 'sparse' | 'one-hot' | 'binary' {
  if (loss === 'sparse_categorical_crossentropy') return 'sparse';
  if (loss === 'binary_crossentropy') return 'binary';
  return 'one-hot';
}

export function checkClasses(model: ModelEnds, data: DataFacts, loss: LossName): Diagnostic | null {
  const { output } = model;
  const classes = data.classNames.length;
  const at = output.nodeId;
  const block = `${output.kind} '${output.name}'`;
  if (output.shape.length !== 1) {
    return diag(
      'data-output-rank',
      `${block} outputs ${fmt(output.shape)} per sample; a classifier ends in one value per class — add Flatten and a Dense with ${classes} units.`,
      at,
    );
  }
  const units = output.shape[0];
  if (units === null || units === undefined) return null;
  if (labelEncoding(loss) === 'binary') {
    if (classes !== 2) {
      return diag(
        'data-loss-classes',
        `binary_crossentropy needs 2 classes but ${data.title} has ${classes}; use sparse_categorical_crossentropy with ${classes} output units.`,
        at,
      );
    }
    if (units !== 1) {
      return diag(
        'data-output-units',
        `${block} has ${units} units; binary_crossentropy needs 1 unit with a sigmoid activation (or use sparse_categorical_crossentropy with 2 softmax units).`,
        at,
      );
    }
    return null;
  }
  if (units !== classes) {
    const names = classes <= 4 ? ` (${data.classNames.join(', ')})` : '';
    return diag('data-output-units', `${block} has ${units} units but ${data.title} has ${classes} classes${names} — set units to ${classes}.`, at);
  }
  return null;
}

/** Warnings where Keras would train but the numbers would mislead (crossentropy on non-probabilities). */
export function checkLossActivation(model: ModelEnds, loss: LossName): Diagnostic | null {
  const act = model.output.activation;
  if (act === undefined) return null;
  const block = `${model.output.kind} '${model.output.name}'`;
  if ((loss === 'categorical_crossentropy' || loss === 'sparse_categorical_crossentropy') && act !== 'softmax') {
    return diag(
      'data-loss-activation',
      `${loss} expects probabilities but ${block} has activation '${act}'; set its activation to softmax.`,
      model.output.nodeId,
      'warning',
    );
  }
  if (loss === 'binary_crossentropy' && act !== 'sigmoid') {
    return diag(
      'data-loss-activation',
      `binary_crossentropy expects a probability but ${block} has activation '${act}'; set its activation to sigmoid.`,
      model.output.nodeId,
      'warning',
    );
  }
  return null;
}

/** Every check, errors first. */
export function checkModelAgainstData(model: ModelEnds, data: DataFacts, loss: LossName): Diagnostic[] {
  const found = [checkInputShape(model, data), checkClasses(model, data, loss), checkLossActivation(model, loss)].filter((d): d is Diagnostic => d !== null);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return found.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
