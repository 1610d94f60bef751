import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { themes } from '../theme/tokens';
import { diagramSvg, type BlockFace } from './diagramSvg';

const graph: Graph = {
  name: 'm',
  nodes: [
    { id: 'a', kind: 'InputLayer', name: 'input_layer', params: {}, position: { x: 0, y: 0 } },
    { id: 'b', kind: 'Conv2D', name: 'conv<2d>', params: {}, position: { x: 0, y: 150 } },
  ],
  edges: [{ id: 'e1', source: 'a', target: 'b', targetIndex: 0 }],
};
const face = (kind: string, name: string): BlockFace => ({ kind, name, family: 'convolution', detail: '32 × 3×3, relu', params: '320', severity: null });

describe('diagramSvg', () => {
  it('draws blocks, escaped names and shape labels', () => {
    const { svg, width, height } = diagramSvg({
      graph,
      faces: new Map([
        ['a', face('InputLayer', 'input_layer')],
        ['b', face('Conv2D', 'conv<2d>')],
      ]),
      edgeLabels: new Map([['e1', '(None, 28, 28, 1)']]),
      tokens: themes.light,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('conv&lt;2d&gt;');
    expect(svg).toContain('(None, 28, 28, 1)');
    expect(svg).not.toContain('stroke-dasharray');
    expect(width).toBeGreaterThan(200);
    expect(height).toBeGreaterThan(200);
  });

  it('dashes wires whose shape is unknown', () => {
    const { svg } = diagramSvg({ graph, faces: new Map(), edgeLabels: new Map([['e1', null]]), tokens: themes.dark });
    expect(svg).toContain('stroke-dasharray');
  });
});
