import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../shared/diagnostics';
import type { LayerDef } from '../../../shared/layers/types';
import { getLayerDef } from '../../../shared/layers/registry';
import { describeSafely, diagnosticsByNode, worstSeverity } from './blockFacts';

const d = (severity: Diagnostic['severity'], nodeId?: string): Diagnostic => ({
  severity,
  code: 'x',
  message: severity,
  ...(nodeId === undefined ? {} : { nodeId }),
});
const node = { id: 'n1', kind: 'Dense', name: 'dense', params: { units: 10, activation: 'relu' }, position: { x: 0, y: 0 } };

describe('block facts', () => {
  it.each([
    { problems: [], severity: null },
    { problems: [d('info')], severity: null },
    { problems: [d('info'), d('warning')], severity: 'warning' },
    { problems: [d('warning'), d('error')], severity: 'error' },
  ])('worst of $problems.length problems is $severity', ({ problems, severity }) => {
    expect(worstSeverity(problems)).toBe(severity);
  });

  it('groups diagnostics by block and leaves out model-wide ones', () => {
    const byNode = diagnosticsByNode([d('error', 'a'), d('warning'), d('warning', 'a'), d('info', 'b')]);
    expect([...byNode.keys()]).toEqual(['a', 'b']);
    expect(byNode.get('a')?.map((x) => x.severity)).toEqual(['error', 'warning']);
  });

  it('describes a block, and says nothing when describe() throws on a half-typed value', () => {
    const dense = getLayerDef('Dense');
    if (dense === undefined) throw new Error('Dense is in the catalog');
    expect(describeSafely(node, dense)).not.toBe('');
    const broken: LayerDef = {
      ...dense,
      describe: () => {
        throw new Error('half-typed');
      },
    };
    expect(describeSafely(node, broken)).toBe('');
  });
});
