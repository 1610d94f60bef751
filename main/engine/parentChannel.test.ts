import { describe, expect, it } from 'vitest';
import { describeExit, forProcess } from './channel';
import { isFatalEngineError } from './parentChannel';

describe('engine recovery', () => {
  it.each([
    'Training failed: RuntimeError: memory access out of bounds',
    'Aborted(OOM). Build with -sASSERTIONS for more info.',
    'RangeError: WebAssembly.Memory(): could not allocate memory',
    'Array buffer allocation failed',
  ])('"%s" is fatal: the engine reports it, exits and a fresh one starts', (message) => {
    expect(isFatalEngineError(message)).toBe(true);
  });

  it.each(['The model has no Input block.', 'Training failed: loss is NaN at batch 3'])('"%s" is an ordinary error', (message) => {
    expect(isFatalEngineError(message)).toBe(false);
  });

  it('says how a process ended, and what the stop flag becomes across a process boundary', () => {
    expect(describeExit(null, 'SIGABRT')).toEqual({ reason: 'crash', detail: 'signal SIGABRT (a native crash, e.g. in TensorFlow or CUDA)' });
    expect(describeExit(null, 'SIGKILL').reason).toBe('out-of-memory');
    expect(describeExit(1, null)).toEqual({ reason: 'crash', detail: 'exit code 1' });
    expect(describeExit(0, null).reason).toBe('exit');
    expect(forProcess({ kind: 'train', request: { a: 1 }, stopFlag: new SharedArrayBuffer(4) })).toEqual({ kind: 'train', request: { a: 1 } });
  });
});
