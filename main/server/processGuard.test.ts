import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessGuard } from './processGuard';

describe('installProcessGuard', () => {
  it('logs escaped exceptions and rejections in one line each instead of ending the process', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    const remove = installProcessGuard((line) => lines.push(line), target);
    // Without a listener, emitting 'uncaughtException' on an emitter would be harmless, but
    // 'error'-style semantics on process end it; the guard must be listening for both kinds.
    expect(target.listenerCount('uncaughtException')).toBe(1);
    expect(target.listenerCount('unhandledRejection')).toBe(1);
    target.emit('uncaughtException', new RangeError('Maximum call stack size exceeded'));
    target.emit('unhandledRejection', 'x'.repeat(10_000));
    expect(lines[0]).toBe('Blockprop kept running after an unexpected error: RangeError: Maximum call stack size exceeded');
    expect(lines[1]?.length).toBeLessThan(600);
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });
});
