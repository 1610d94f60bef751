import type { RefObject } from 'react';
import { showToast } from '../../ui/toasts';
import { copyPng, savePng } from './paint';

/** "Copy PNG" and "Save PNG" for a view: its canvases side by side at 2× with a caption. */
export function PngButtons(props: { canvases: () => readonly (HTMLCanvasElement | null)[]; caption: string; name: string; testId?: string }) {
  const list = () => props.canvases().filter((c): c is HTMLCanvasElement => c !== null);
  return (
    <span className="png-buttons" data-testid={props.testId}>
      <button
        type="button"
        className="btn small"
        title="Copy this view as a PNG at 2× resolution"
        onClick={() => void copyPng(list(), props.caption).then((m) => showToast(m))}
      >
        Copy PNG
      </button>
      <button
        type="button"
        className="btn small"
        title="Save this view as a PNG at 2× resolution"
        onClick={() => savePng(list(), props.caption, props.name)}
        data-testid={props.testId === undefined ? undefined : `${props.testId}-save`}
      >
        Save PNG
      </button>
    </span>
  );
}

/** A ref's current element, for PngButtons' canvases list. */
export function el(ref: RefObject<HTMLCanvasElement | null>): HTMLCanvasElement | null {
  return ref.current;
}
