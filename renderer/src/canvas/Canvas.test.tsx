// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../shared/templates';
import { editor } from '../state/editorStore';
import { Canvas } from './Canvas';

beforeAll(() => {
  // React Flow measures its pane and nodes with ResizeObserver, which jsdom lacks; nothing here
  // depends on sizes, so an observer that never reports is enough.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

beforeEach(() => {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  editor.load(t.build());
});
afterEach(cleanup);

function renderCanvas(): void {
  render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <Canvas showMinimap={false} showControls={false} />
      </div>
    </ReactFlowProvider>,
  );
}

const blocks = (): HTMLElement[] => screen.getAllByTestId('block');
const block = (name: string): HTMLElement => {
  const found = blocks().find((b) => b.dataset['name'] === name);
  if (found === undefined) throw new Error(`no block ${name}`);
  return found;
};

describe('Canvas', () => {
  it('draws one block per layer with its class and parameter count', () => {
    renderCanvas();
    expect(blocks().map((b) => b.dataset['name'])).toEqual(editor.graph().nodes.map((n) => n.name));
    expect(block('conv2d').dataset['kind']).toBe('Conv2D');
    expect(block('dense').querySelector('[data-testid="block-params"]')?.textContent).toBe('1,179,776');
  });

  it('a click on a block selects it in the editor', () => {
    renderCanvas();
    // Only the click itself: React Flow's drag handling (d3-drag) reads the mousedown's window,
    // which jsdom's events under vitest do not carry (the e2e tests drag and click for real).
    fireEvent.click(block('dense_1'));
    expect(editor.store.getState().selection.nodes).toEqual(['dense_1']);
  });

  it('an edit elsewhere redraws the block', () => {
    renderCanvas();
    act(() => {
      editor.edit((g) => ({ ...g, nodes: g.nodes.map((n) => (n.id === 'dense' ? { ...n, params: { ...n.params, units: 64 } } : n)) }));
    });
    // 9216 inputs × 64 units + 64 biases.
    expect(block('dense').querySelector('[data-testid="block-params"]')?.textContent).toBe('589,888');
  });
});
