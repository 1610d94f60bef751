import type { Position } from '../../../shared/graph/types';

/**
 * The few viewport operations other parts of the app need (fit after open, centre on a problem,
 * where the middle of the screen is). The mounted canvas registers its implementation; the handle
 * lives here, under the features, so that actions and project code can move the view without
 * importing the canvas (which imports them).
 */
export interface CanvasControl {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  centreOn(position: Position): void;
  /** The flow coordinate at the centre of the visible canvas. */
  viewportCentre(): Position;
  /** Fits the view when none of these blocks is on screen (an undo that moved them all away). */
  keepInView(nodeIds: readonly string[]): void;
}

let current: CanvasControl | null = null;

export function registerCanvasControl(control: CanvasControl | null): void {
  current = control;
}

export function canvasControl(): CanvasControl | null {
  return current;
}
