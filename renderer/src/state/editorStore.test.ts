import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../shared/graph/types';
import { createEditor } from './editorStore';

const base: Graph = { name: 'm', nodes: [{ id: 'n1', kind: 'Dense', name: 'dense', params: { units: 1 }, position: { x: 0, y: 0 } }], edges: [] };
const setUnits =
  (units: number) =>
  (g: Graph): Graph => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, params: { ...n.params, units } })) });
const units = (g: Graph) => g.nodes[0]?.params.units;

describe('editor store', () => {
  it('makes every edit undoable and redoable', () => {
    const ed = createEditor(base);
    ed.edit(setUnits(2));
    ed.edit(setUnits(3));
    ed.undo();
    expect(units(ed.graph())).toBe(2);
    ed.redo();
    expect(units(ed.graph())).toBe(3);
    ed.undo();
    ed.undo();
    expect(ed.graph()).toBe(base);
    expect(ed.canUndo()).toBe(false);
  });

  it('turns a drag into a single history entry on drop', () => {
    const ed = createEditor(base);
    ed.dragTo(new Map([['n1', { x: 10, y: 0 }]]));
    ed.dragTo(new Map([['n1', { x: 20, y: 5 }]]));
    expect(ed.graph()).toBe(base);
    ed.endDrag((g, moves) => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, position: moves.get(n.id) ?? n.position })) }));
    expect(ed.graph().nodes[0]?.position).toEqual({ x: 20, y: 5 });
    expect(ed.store.getState().drag).toBeNull();
    ed.undo();
    expect(ed.graph()).toBe(base);
  });

  it('drops selected ids that an undo removed', () => {
    const ed = createEditor(base);
    ed.edit((g) => ({ ...g, nodes: [...g.nodes, { id: 'n2', kind: 'Dense', name: 'dense_1', params: {}, position: { x: 0, y: 100 } }] }));
    ed.select({ nodes: ['n2'], edges: [] });
    ed.undo();
    expect(ed.store.getState().selection.nodes).toEqual([]);
  });
});

describe('editor store names an unnamed model as Keras does', () => {
  it('a new model becomes functional when an edit adds a branch, and undo brings sequential back', () => {
    const at = { x: 0, y: 0 };
    const ed = createEditor();
    expect(ed.graph().name).toBe('sequential');
    ed.edit(() => ({
      name: 'sequential',
      nodes: [
        { id: 'in', kind: 'InputLayer', name: 'input_layer', params: {}, position: at },
        { id: 'a', kind: 'Dense', name: 'dense', params: {}, position: at },
        { id: 'b', kind: 'Dense', name: 'dense_1', params: {}, position: at },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'a', targetIndex: 0 },
        { id: 'e2', source: 'in', target: 'b', targetIndex: 0 },
      ],
    }));
    expect(ed.graph().name).toBe('functional');
    ed.undo();
    expect(ed.graph().name).toBe('sequential');
  });
});
