import { success } from '../api/outcome';
import { fail, formatShape, issue } from './common';
import { makeCodec } from './configCodec';
import { resolveAxis } from './normalizationCommon';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const axis = {
  name: 'axis',
  type: 'int',
  default: -1,
  key: true,
  help: 'The axis along which the inputs are joined: -1, the channels, for images.',
} as const satisfies ParamSpec;
const params = [axis] as const;
const config = layerConfig(params);
const codec = makeCodec(params, ['axis']);

export const concatenate: LayerDef = {
  className: 'Concatenate',
  family: 'merge',
  summary: 'Joins its inputs side by side along one axis (the channels).',
  explanation:
    'Concatenate stacks two or more tensors along one axis, by default the channels: 64 and 128 channels make 192. ' +
    'Inception modules and U-Net use it to combine the outputs of parallel branches. ' +
    'All other sizes must match; axis chooses the joining axis.',
  params,
  inputs: { min: 2, max: Infinity },
  outputShape(inputs, p) {
    if (inputs.length < 2) return fail('missing-input', `has ${inputs.length} input; connect at least two blocks to it`);
    const a = config(p).axis;
    const [first] = inputs;
    if (first === undefined) return fail('missing-input', 'has no input; connect at least two blocks to it');
    const rank = first.length;
    const resolved = a < 0 ? a + rank : a;
    const bad = () =>
      fail(
        'merge-shape-mismatch',
        `gets inputs of shapes ${inputs.map(formatShape).join(', ')}, which differ in more than the joining axis ${a}; make the other sizes equal (same padding and strides on each branch)`,
      );
    if (inputs.some((s) => s.length !== rank)) return bad();
    if (resolveAxis(a, rank) === null) {
      return fail('bad-axis', `joins along axis ${a}, which its ${rank}-D inputs do not have; use -1 for the channels`, 'axis');
    }
    for (let d = 1; d < rank; d++) {
      if (d === resolved) continue;
      const known = new Set(inputs.map((s) => s[d]).filter((x): x is number => typeof x === 'number'));
      if (known.size > 1) return bad();
    }
    // Keras keeps the first input's other dimensions and sums the joining axis (None if any is None).
    const out = [...first];
    let total: number | null = 0;
    for (const s of inputs) {
      const v = s[resolved];
      total = total === null || typeof v !== 'number' ? null : total + v;
    }
    out[resolved] = total;
    return success(out);
  },
  weights: () => [],
  check(inputs, p) {
    const issues = paramIssues(params, p);
    const first = inputs[0];
    const a = config(p).axis;
    if (first !== undefined && resolveAxis(a, first.length) === null) {
      issues.push(
        issue('bad-axis', `joins along axis ${a}, which is the batch axis or not an axis of its ${first.length}-D inputs; use -1 for the channels`, 'axis'),
      );
    }
    return issues;
  },
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe(p) {
    const a = config(p).axis;
    return a === -1 ? '' : `axis ${a}`;
  },
};
