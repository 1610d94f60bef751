import type { DatasetPreviewResult } from '../../../shared/api/inspect';
import type { Graph, Shape } from '../../../shared/graph/types';
import { inputNodes, outputNodes } from '../../../shared/graph/topology';
import type { DatasetRef, Loss } from '../../../shared/project';
import { inferenceOf } from '../state/inference';

/**
 * A quick look, before Start, at whether the model fits the data (the engine checks again and
 * its answer wins): the image size against the Input, classes against the output units, the
 * loss against the output. Each problem says what to change.
 */
export interface DataCheckLine {
  readonly ok: boolean;
  readonly text: string;
  /** A one-click fix: switch to this dataset (MNIST resized to the Input). */
  readonly fix?: { readonly label: string; readonly dataset: DatasetRef };
}

export interface DataCheck {
  readonly ok: boolean;
  readonly lines: readonly DataCheckLine[];
}

interface DataFacts {
  readonly name: string;
  readonly height: number | null;
  readonly width: number | null;
  readonly channels: number | null;
  readonly classes: number | null;
  /** Folders are resized to the Input; the built-in sets are 28×28×1 unless `resize` is on. */
  readonly resizable: boolean;
}

export function dataFacts(dataset: DatasetRef, preview: DatasetPreviewResult | null): DataFacts {
  if (dataset.kind !== 'folder')
    return { name: dataset.kind === 'mnist' ? 'MNIST' : 'Fashion-MNIST', height: 28, width: 28, channels: 1, classes: 10, resizable: false };
  return {
    name: 'the folder',
    height: null,
    width: null,
    channels: preview === null ? null : preview.grayscale ? 1 : 3,
    classes: preview?.classes.length ?? null,
    resizable: true,
  };
}

/** An Input for photos (colour, or twice the images' size): shrinking it to 28×28×1 would break its pooling stages. */
function madeForPhotos(per: Shape, height: number, channels: number): boolean {
  const [h, , c] = per;
  return per.length === 3 && ((c === 3 && channels === 1) || (h !== null && h !== undefined && h >= 2 * height));
}

/** [h, w, c] when the built-ins can be resized to this Input: fixed height and width, 1 or 3 channels. */
function resizeTarget(per: Shape): readonly [number, number, 1 | 3] | null {
  const [h, w, c] = per;
  if (per.length !== 3 || h === null || h === undefined || w === null || w === undefined) return null;
  return c === 1 || c === 3 ? [h, w, c] : null;
}

function dims(shape: Shape): string {
  return shape
    .slice(1)
    .map((d) => (d === null ? '?' : String(d)))
    .join('×');
}

export function checkModelData(graph: Graph, dataset: DatasetRef, preview: DatasetPreviewResult | null, loss: Loss): DataCheck {
  const inference = inferenceOf(graph);
  const lines: DataCheckLine[] = [];
  const facts = dataFacts(dataset, preview);
  const input = inputNodes(graph)[0];
  const output = outputNodes(graph)[0];
  const inShape = input === undefined ? null : (inference.nodes.get(input.id)?.outputShape ?? null);
  const outShape = output === undefined ? null : (inference.nodes.get(output.id)?.outputShape ?? null);
  if (inShape !== null) {
    const per = inShape.slice(1);
    const size = per.every((d): d is number => d !== null) ? per.reduce((a, b) => a * b, 1) : null;
    const target = resizeTarget(per);
    if (dataset.kind !== 'folder' && dataset.resize === true) {
      lines.push(
        target === null
          ? {
              ok: false,
              text: `${facts.name} can be resized only to an image Input (height × width × 1 or 3); this Input is ${dims(inShape)}.`,
              fix: { label: `Use ${facts.name} at 28×28`, dataset: { kind: dataset.kind } },
            }
          : {
              ok: true,
              text: `${facts.name}'s 28×28 grey images are resized to the Input's ${dims(inShape)}${target[2] === 3 ? ' (grey copied to R, G and B)' : ''}.`,
            },
      );
    } else if (!facts.resizable && facts.height !== null && facts.width !== null && facts.channels !== null) {
      const expected = facts.height * facts.width * facts.channels;
      const okShape = size === expected;
      const builtin = dataset.kind;
      const fix =
        !okShape && target !== null && builtin !== 'folder'
          ? { label: `Resize ${facts.name} to ${dims(inShape)}`, dataset: { kind: builtin, resize: true } }
          : undefined;
      lines.push({
        ok: okShape,
        text: okShape
          ? `Input ${dims(inShape)} takes ${facts.name}'s ${facts.height}×${facts.width} grayscale images.`
          : madeForPhotos(per, facts.height, facts.channels)
            ? `Input is ${dims(inShape)}, made for larger colour images; ${facts.name}'s are ${facts.height}×${facts.width}×${facts.channels}. Resize ${facts.name} to ${dims(inShape)}, pick an image folder above (resized to ${dims(inShape)} too), or use a model made for them such as the Keras CNN.`
            : `Input is ${dims(inShape)} but ${facts.name}'s images are ${facts.height}×${facts.width}×${facts.channels} — set the Input block's shape to (28, 28, 1) (or 784 for a flat net)${fix === undefined ? '' : `, or resize ${facts.name} to ${dims(inShape)}`}.`,
        ...(fix === undefined ? {} : { fix }),
      });
    } else if (facts.resizable) {
      const ch = per[per.length - 1];
      const chOk = facts.channels === null || per.length !== 3 || ch === facts.channels || ch === 1 || ch === 3;
      lines.push({
        ok: chOk,
        text: `Images are resized to the Input's ${dims(inShape)}${facts.channels === null ? '' : ` and read as ${ch === 1 ? 'grayscale' : 'RGB'}`}.`,
      });
    }
  }
  if (outShape !== null && facts.classes !== null) {
    const units = outShape[outShape.length - 1] ?? null;
    const binary = units === 1 && facts.classes === 2;
    const okUnits = units === facts.classes || binary;
    lines.push({
      ok: okUnits,
      text: okUnits
        ? `Output ${units ?? '?'} unit${units === 1 ? '' : 's'} for ${facts.classes} classes.`
        : `The last layer has ${units ?? '?'} units but ${facts.name} has ${facts.classes} classes — set its units to ${facts.classes}.`,
    });
    if (binary && loss !== 'binary_crossentropy')
      lines.push({ ok: false, text: 'One output unit for two classes needs the binary cross-entropy loss — change the loss, or use 2 units with softmax.' });
    if (!binary && units !== null && units > 1 && loss === 'binary_crossentropy')
      lines.push({ ok: false, text: `Binary cross-entropy is for one sigmoid unit; with ${units} classes use categorical cross-entropy.` });
  }
  return { ok: lines.every((l) => l.ok), lines };
}
