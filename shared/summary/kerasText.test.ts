import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModel } from '../keras';
import { formatSummary } from './index';

/*
 * The real catalog and importer end to end: each Keras 3 JSON fixture (fixtures/<name>.keras3.json)
 * printed by formatSummary equals what Keras 3.15's model.summary() printed for it
 * (shared/summary/fixtures/<name>.keras3.txt, captured with ../shared/tools/keras-check):
 * multiple inputs and outputs, merges, wrapped cells, ellipses, Sequential with every layer kind.
 */

describe.each(['keras_cnn', 'inception_module', 'residual', 'all_sequential', 'all_functional'])('%s', (name) => {
  it('prints exactly what Keras 3 prints', () => {
    const json: unknown = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', `${name}.keras3.json`), 'utf8'));
    const imported = importModel(json);
    if (!imported.ok) throw new Error(imported.error.message);
    const expected = readFileSync(path.join(__dirname, 'fixtures', `${name}.keras3.txt`), 'utf8').replace(/\n$/, '');
    expect(formatSummary(imported.value.graph)).toBe(expected);
  });
});
