import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatSummary, summaryJson } from '../summary';
import { summaryFixture } from './applicationFixtures.test-util';
import { getTemplate, templates } from './index';

/*
 * Each template's summary (shapes, parameter counts, totals, model.layers order) through the
 * core's inference, against what real Keras 3.15 prints for the same model
 * (tests/fixtures/applications/<id>.summary.json; keras_cnn and inception_module also equal
 * tests/fixtures/keras/, copied from the example models the project started with, which were
 * built in Keras by hand rather than from the templates).
 */

function fixture(id: string): z.infer<typeof summaryFixture> {
  return summaryFixture.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/applications/${id}.summary.json`, import.meta.url), 'utf8')));
}

const cases = templates.map((t) => ({ id: t.id }));

describe.each(cases)('summary of template $id', ({ id }) => {
  it("equals Keras's, layer by layer", () => {
    const template = getTemplate(id);
    if (!template) throw new Error(id);
    const expected = fixture(id);
    const got = summaryJson(template.build());
    expect(got.layers.length).toBe(expected.layers.length);
    got.layers.forEach((layer, i) => expect(layer, `layer ${i}`).toEqual(expected.layers[i]));
    expect(got.total_params).toBe(expected.total_params);
    expect(got.trainable_params).toBe(expected.trainable_params);
    expect(got.non_trainable_params).toBe(expected.non_trainable_params);
    expect(got.total_params).toBe(template.expectedTotalParams);
  });
});

describe.each(cases)('summary text of template $id', ({ id }) => {
  // Captured from model.summary() with ../shared/tools/keras-check on the real Keras models.
  it('is the table Keras prints', () => {
    const template = getTemplate(id);
    if (!template) throw new Error(id);
    const expected = readFileSync(new URL(`../../tests/fixtures/applications/${id}.summary.txt`, import.meta.url), 'utf8').replace(/\n$/, '');
    expect(formatSummary(template.build())).toBe(expected);
  });
});

describe("the chapter's printed summaries", () => {
  // Keras 2 in the chapter, so names differ (conv2d_1 …) but shapes and counts must not.
  it.each([
    ['keras_cnn', [320, 18496, 0, 0, 0, 1179776, 0, 1290], 1_199_882],
    ['cnn_64_5x5', [1664, 0, 0, 921700, 1010], 924_374],
    ['fc_200_200', [0, 157000, 0, 40200, 2010], 199_210],
  ] as const)("%s has the chapter's per-layer counts", (id, counts, total) => {
    expect(fixture(id).layers.map((l) => l.params)).toEqual(counts);
    expect(getTemplate(id)?.expectedTotalParams).toBe(total);
  });

  it('vgg16_cats_dogs matches the chapter (input_6 there is input_layer in Keras 3)', () => {
    const f = fixture('vgg16_cats_dogs');
    expect(f.layers.length).toBe(23);
    expect(f.layers[19]).toEqual({ name: 'flatten', class: 'Flatten', output_shape: [null, 512], params: 0 });
    expect(f.layers[22]).toEqual({ name: 'predictions', class: 'Dense', output_shape: [null, 2], params: 8194 });
    expect(f.total_params).toBe(33_605_442);
  });

  it.each(['keras_cnn', 'inception_module'])("%s fixture equals the hand-built Keras example's", (id) => {
    const other = summaryFixture.parse(JSON.parse(readFileSync(new URL(`../../tests/fixtures/keras/${id}.summary.json`, import.meta.url), 'utf8')));
    expect(other.layers.length).toBeGreaterThan(0);
    expect(fixture(id).layers).toEqual(other.layers);
  });
});
