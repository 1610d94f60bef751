import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportKeras3 } from '../keras';
import { summaryJson } from '../summary';
import { generatePython, modelSectionEnd } from './generatePython';
import { kerasBuiltCases } from '../../tests/fixtures/keras/load';

/*
 * What real Keras 3.15 built from our generated scripts (tests/fixtures/python/<id>.json, written
 * by tests/keras-check/gen_built_fixtures.py, which runs each script's build_model()). CI has no
 * Keras, so it checks the two halves: today's script is the one Keras ran, and our Keras 3
 * export equals Keras's model.to_json() of what that script built. The large Applications are
 * left out of the fixtures (hundreds of kB each); python_check.py covers them on a developer machine.
 */

const regenerate = 'rerun sh tests/keras-check/run.sh (it rewrites tests/fixtures/python with real Keras)';

const cases = kerasBuiltCases('python');

describe('generated Python, as real Keras built it', () => {
  it.each(cases)('$id: the script is the one Keras ran', ({ graph, built }) => {
    const model = generatePython(graph).split(modelSectionEnd)[0] ?? '';
    expect(createHash('sha256').update(model, 'utf8').digest('hex'), `the model code changed since Keras last ran it: ${regenerate}`).toBe(built.sha256);
  });

  it.each(cases)('$id: build_model() is our Keras 3 export, parameter for parameter', ({ graph, built }) => {
    const ours = exportKeras3(graph);
    if (!ours.ok) throw new Error(JSON.stringify(ours.error.diagnostics));
    expect(ours.value).toEqual(built.toJson);
    expect(summaryJson(graph).total_params).toBe(built.countParams);
  });
});
