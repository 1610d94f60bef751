import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../shared/templates';
import { createModelService } from './models';
import { tempDir } from './testSupport';

function kerasCnn() {
  const template = getTemplate('keras_cnn');
  if (template === undefined) throw new Error('keras_cnn template missing');
  return template.build();
}

const service = createModelService({ engine: () => null });
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('model import and export', () => {
  it('exports Keras 3 JSON that imports back to the same layers', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'cnn.keras3.json');
    const graph = kerasCnn();
    const written = await service.exportWrite({ format: 'keras3', path: file, overwrite: false, graph });
    expect(written).toMatchObject({ ok: true, value: { path: file, files: [file] } });
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ module: 'keras', class_name: 'Sequential' });
    const imported = await service.importModel({ path: file });
    expect(imported.ok && imported.value.format).toBe('keras3');
    expect(imported.ok && imported.value.graph.nodes.map((n) => n.name)).toEqual(graph.nodes.map((n) => n.name));
    const fromText = await service.importModel({ text, name: 'pasted' });
    expect(fromText.ok).toBe(true);
  });

  it.each([
    ['keras2', /"keras_version"/],
    ['python', /import keras|from tensorflow|keras\./],
  ] as const)('exports %s', async (format, pattern) => {
    const dir = await tempDir();
    const file = path.join(dir, `out.${format}`);
    expect(await service.exportWrite({ format, path: file, overwrite: false, graph: kerasCnn(), strategy: 'mirrored' })).toMatchObject({ ok: true });
    expect(await readFile(file, 'utf8')).toMatch(pattern);
  });

  it('writes PNG and SVG content from the renderer, refusing content of the wrong kind', async () => {
    const dir = await tempDir();
    expect(await service.exportWrite({ format: 'png', path: path.join(dir, 'a.png'), overwrite: false, content: PNG_1x1 })).toMatchObject({
      ok: true,
      value: { bytes: 70 },
    });
    expect(
      await service.exportWrite({ format: 'png', path: path.join(dir, 'b.png'), overwrite: false, content: Buffer.from('<svg/>').toString('base64') }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(
      await service.exportWrite({ format: 'svg', path: path.join(dir, 'a.svg'), overwrite: false, content: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
    ).toMatchObject({ ok: true });
    expect(await service.exportWrite({ format: 'svg', path: path.join(dir, 'b.svg'), overwrite: false, content: '<script>alert(1)</script>' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('never overwrites an existing file unless asked', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'model.json');
    await writeFile(file, 'keep me');
    expect(await service.exportWrite({ format: 'keras3', path: file, overwrite: false, graph: kerasCnn() })).toMatchObject({
      ok: false,
      error: { code: 'exists' },
    });
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await service.exportWrite({ format: 'keras3', path: file, overwrite: true, graph: kerasCnn() })).toMatchObject({ ok: true });
  });

  it('refuses an invalid graph with the diagnostics, and trained formats without an engine', async () => {
    const dir = await tempDir();
    const broken = { name: 'm', nodes: [{ id: 'a', kind: 'Dense', name: 'dense', params: { units: 4 }, position: { x: 0, y: 0 } }], edges: [] };
    const result = await service.exportWrite({ format: 'keras3', path: path.join(dir, 'x.json'), overwrite: false, graph: broken });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-model' } });
    expect(await service.exportWrite({ format: 'keras', path: path.join(dir, 'x.keras'), overwrite: false })).toMatchObject({
      ok: false,
      error: { code: 'not-ready' },
    });
  });

  it.each([
    ['truncated JSON', '{"class_name": "Sequ', /it looks truncated/],
    [
      'pasted text that is not JSON (never quoted back)',
      'root:x:0:0:root:/root:/bin/bash',
      /^model\.json: the file is not JSON: it looks like plain text\. Export the model/,
    ],
    ['a non-model', '{"hello": 1}', /.+/],
  ])('import of %s answers a message', async (_label, text, message) => {
    const result = await service.importModel({ text, name: 'model.json' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toContain('model.json');
  });

  it('import of a missing file answers not-found', async () => {
    expect(await service.importModel({ path: '/nonexistent/model.json' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('files dropped onto the window (bytes, no paths)', () => {
  const trained = path.resolve(__dirname, '../../tests/fixtures/trained');
  const dropped = async (name: string) => ({ name, base64: (await readFile(path.join(trained, name))).toString('base64') });

  it.each([
    ['cnn.keras', 'keras'],
    ['cnn.h5', 'h5'],
    ['cnn.json', 'keras3'],
  ] as const)('opens a dropped %s through the model-file reader (%s)', async (name, format) => {
    const r = await service.importModel({ files: [await dropped(name)] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe(format);
    expect(r.value.graph.nodes.some((n) => n.name === 'conv_a')).toBe(true);
    // No engine in this test: the weights are found and the reason they are not loaded is said.
    if (format !== 'keras3') expect(r.value.warnings.join(' ')).toContain('trained weights');
  });

  it('refuses a file that is no model, naming it and saying what it looks like', async () => {
    const r = await service.importModel({ files: [{ name: 'holiday.png', base64: Buffer.from(PNG_1x1, 'base64').toString('base64') }] });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toContain('holiday.png');
  });

  it('never writes outside its scratch folder: a name with folders keeps only its base name', async () => {
    const r = await service.importModel({ files: [{ ...(await dropped('cnn.keras')), name: '../../etc/cnn.keras' }] });
    expect(r.ok && r.value.format).toBe('keras');
  });
});
