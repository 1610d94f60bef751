import { success, type Outcome } from '../../../shared/api/outcome';
import type { Graph } from '../../../shared/graph/types';
import { exportKeras2, exportKeras3, toKerasJsonString } from '../../../shared/keras';
import { inferenceOf } from '../state/inference';
import { themes } from '../theme/tokens';
import type { Theme } from '../state/uiStore';
import { diagramFacts } from './blockFaces';
import { diagramSvg } from './diagramSvg';
import { svgToPngBase64 } from './rasterize';

export type DiagramFormat = 'png' | 'svg';

/** The diagram of the current graph as SVG text, in the given theme's colours. */
export function currentDiagramSvg(graph: Graph, theme: Theme): { svg: string; width: number; height: number } {
  const { faces, edgeLabels } = diagramFacts(graph, inferenceOf(graph));
  return diagramSvg({ graph, faces, edgeLabels, tokens: themes[theme] });
}

/** What export.write needs as `content` for png/svg (png: base64). */
export async function diagramContent(graph: Graph, format: DiagramFormat, theme: Theme): Promise<string> {
  const d = currentDiagramSvg(graph, theme);
  return format === 'svg' ? d.svg : svgToPngBase64(d.svg, d.width, d.height);
}

/** Keras JSON computed here, for the browser-download fallback (main computes the same for export.write). */
export function kerasJsonText(graph: Graph, format: 'keras3' | 'keras2'): Outcome<string> {
  const r = format === 'keras3' ? exportKeras3(graph) : exportKeras2(graph);
  return r.ok ? success(toKerasJsonString(r.value)) : r;
}
