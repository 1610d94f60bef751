import { describe, expect, it } from 'vitest';
import { buildChain } from '../../../shared/graph/fromSpec';
import { checkModelData } from './dataCheck';

const colourNet = buildChain('sequential', [
  { name: 'input_layer', kind: 'InputLayer', params: { shape: [224, 224, 3] } },
  { name: 'flatten', kind: 'Flatten' },
  { name: 'dense', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);

describe('checkModelData for a model made for photos on MNIST', () => {
  it('offers resizing MNIST to the Input as the first choice, with a one-click fix', () => {
    const check = checkModelData(colourNet, { kind: 'mnist' }, null, 'sparse_categorical_crossentropy');
    expect(check.ok).toBe(false);
    const line = check.lines[0];
    expect(line?.text).toMatch(/made for larger colour images; MNIST's are 28×28×1\. Resize MNIST to 224×224×3, pick an image folder/);
    expect(line?.fix).toEqual({ label: 'Resize MNIST to 224×224×3', dataset: { kind: 'mnist', resize: true } });
  });

  it('with resize on, the same model fits and says how the images are made', () => {
    const check = checkModelData(colourNet, { kind: 'fashion-mnist', resize: true }, null, 'sparse_categorical_crossentropy');
    expect(check.ok).toBe(true);
    expect(check.lines[0]?.text).toBe("Fashion-MNIST's 28×28 grey images are resized to the Input's 224×224×3 (grey copied to R, G and B).");
  });
});
