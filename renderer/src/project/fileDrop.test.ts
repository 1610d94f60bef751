import { describe, expect, it } from 'vitest';
import { MAX_DROP_BYTES, orderDropped, projectOf, toBase64 } from './fileDrop';

const f = (name: string, size = 10) => ({ name, size });

describe('dropped files', () => {
  it('puts the model first, whatever order the desktop gives', () => {
    const r = orderDropped([f('group1-shard1of1.bin'), f('model.json')]);
    expect(r.ok && r.value.map((x) => x.name)).toEqual(['model.json', 'group1-shard1of1.bin']);
    const p = orderDropped([f('cnn.blockprop.weights.h5'), f('cnn.blockprop.json')]);
    expect(p.ok && p.value[0]?.name).toBe('cnn.blockprop.json');
    expect(orderDropped([f('bn.h5')]).ok).toBe(true);
  });

  it('refuses what is no model before any bytes travel, naming the file and what it takes', () => {
    const r = orderDropped([f('holiday.png')]);
    expect(r.ok ? '' : r.error.message).toBe(
      "'holiday.png' is not a file Blockprop opens. Drop a Keras model (.keras, .h5), Keras JSON, a TF.js model.json (with its .bin files) or a .blockprop.json project.",
    );
    expect(orderDropped([]).ok).toBe(false);
    // A weights file alone has no architecture to open.
    expect(orderDropped([f('cnn.weights.h5')]).ok).toBe(false);
  });

  it('refuses a drop too large for the server, pointing to File → Open', () => {
    const r = orderDropped([f('big.keras', MAX_DROP_BYTES + 1)]);
    expect(r.ok ? '' : r.error.message).toMatch(/'big.keras' .* at most 180 MiB\. Open it with File → Open instead\./);
  });

  it('base64-encodes large byte arrays in slices, exactly', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('reads a dropped project for its settings, and nothing else', () => {
    const project = { format: 'blockprop-project', version: 1, graph: { name: 'm', nodes: [], edges: [] }, dataset: { kind: 'fashion-mnist' } };
    expect(projectOf(new TextEncoder().encode(JSON.stringify(project)))?.dataset).toEqual({ kind: 'fashion-mnist' });
    expect(projectOf(new TextEncoder().encode('{"class_name": "Sequential"}'))).toBeNull();
    expect(projectOf(Uint8Array.from([0x50, 0x4b, 3, 4]))).toBeNull();
  });
});
