import { describe, expect, it } from 'vitest';
import { commandItems, filterCommands, matchScore } from './commandItems';

describe('command palette matching', () => {
  it('matches subsequences and ranks word starts and shorter labels first', () => {
    expect(matchScore('sva', 'Save As…')).not.toBeNull();
    expect(matchScore('xyz', 'Save As…')).toBeNull();
    const labels = filterCommands(commandItems(), 'save').map((c) => c.label);
    expect(labels.slice(0, 2)).toEqual(['Save', 'Save As…']);
    expect(filterCommands(commandItems(), 'resnet').map((c) => c.label)[0]).toBe('Open Template: ResNet50');
  });

  it('lists every visible action and every template, Escape left out', () => {
    const keys = commandItems().map((c) => c.key);
    expect(keys).toContain('lesson');
    expect(keys).toContain('about');
    expect(keys).not.toContain('escape');
    expect(keys.filter((k) => k.startsWith('template:')).length).toBeGreaterThan(10);
  });
});
