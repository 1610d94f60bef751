import { describe, expect, it } from 'vitest';
import { removeNodes } from '../../../shared/graph/commands';
import { getTemplate } from '../../../shared/templates';
import { checkAgainstChapter, estimateDuration } from './lessonCheck';
import { lessonSteps } from './lessonSteps';

describe('the lesson checks the model against the chapter', () => {
  it.each(lessonSteps.filter((s) => s.template !== null).map((s) => [s.id, s] as const))(
    '%s: the template equals the chapter’s printed summary',
    (_id, step) => {
      const g = getTemplate(step.template ?? '')?.build();
      if (g === undefined) throw new Error('template');
      const r = checkAgainstChapter(g, step);
      expect(r?.ok, JSON.stringify(r?.lines)).toBe(true);
    },
  );

  it('names the first layer that differs and the total', () => {
    const step = lessonSteps.find((s) => s.id === 'dropout');
    const g = getTemplate('fc_200_200')?.build();
    if (step === undefined || g === undefined) throw new Error('step');
    const dropout = g.nodes.find((n) => n.kind === 'Dropout');
    const r = checkAgainstChapter(removeNodes(g, dropout === undefined ? [] : [dropout.id]), step);
    expect(r?.ok).toBe(false);
    expect(r?.lines[0]?.text).toContain('5 layers after the input; this one has 4');
    expect(checkAgainstChapter({ name: 'm', nodes: [], edges: [] }, step)?.lines[0]?.text).toContain('empty');
  });

  it('estimates the chapter’s VGG run from a measured speed', () => {
    expect(estimateDuration(20_000, 20, 10)).toBe('about 11 h 7 min');
    expect(estimateDuration(20_000, 20, 100_000)).toBe('about 4 s');
  });
});
