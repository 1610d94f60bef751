import type { SampleRef } from '../../../shared/api/inspect';
import { createStore, useStore } from './createStore';

/** The colour maps the Inspect tab can draw with (their tables are in inspect/colormap). */
export type ColormapName = 'viridis' | 'grey' | 'diverging';

export type InspectView = 'activations' | 'look' | 'kernels' | 'fc' | 'confusion' | 'mistakes' | 'health' | 'summary';

/** What the Inspect tab looks at: the sample, the layer (when not the canvas selection), how maps are drawn. */
export interface InspectState {
  readonly view: InspectView;
  /** 'test': the i-th held-out image; 'draw': the drawing pad's pixels. */
  readonly source: 'test' | 'draw';
  readonly testIndex: number;
  /** 28×28 drawn pixels in [0, 1], or null before anything is drawn. */
  readonly drawn: readonly number[] | null;
  /** A layer picked from the list; null = follow the canvas selection. */
  readonly layer: string | null;
  readonly colormap: ColormapName;
  readonly scale: 'map' | 'layer';
  /** Feature-map tile size in pixels chosen with the slider; null = sized by the number of maps. */
  readonly tileSize: number | null;
}

export const inspectStore = createStore<InspectState>({
  view: 'activations',
  source: 'test',
  testIndex: 0,
  drawn: null,
  layer: null,
  colormap: 'viridis',
  scale: 'map',
  tileSize: null,
});

export function useInspect<T>(selector: (s: InspectState) => T): T {
  return useStore(inspectStore, selector);
}

export function setInspect(update: Partial<InspectState>): void {
  inspectStore.setState((s) => ({ ...s, ...update }));
}

/** The sample the views use, or null when the pad is empty. */
export function sampleOf(s: InspectState): SampleRef | null {
  if (s.source === 'test') return { kind: 'test', index: s.testIndex };
  if (s.drawn === null) return null;
  return { kind: 'pixels', width: 28, height: 28, channels: 1, data: [...s.drawn] };
}
