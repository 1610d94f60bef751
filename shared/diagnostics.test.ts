import { describe, expect, it } from 'vitest';
import { countProblems, hasErrors, type Diagnostic } from './diagnostics';

const d = (severity: Diagnostic['severity']): Diagnostic => ({ severity, code: 'x', message: 'm' });

describe('diagnostic counts', () => {
  it.each([
    { list: [], errors: 0, warnings: 0, failed: false },
    { list: [d('info'), d('warning')], errors: 0, warnings: 1, failed: false },
    { list: [d('error'), d('warning'), d('error'), d('info')], errors: 2, warnings: 1, failed: true },
  ])('$errors errors, $warnings warnings', ({ list, errors, warnings, failed }) => {
    expect(countProblems(list)).toEqual({ errors, warnings });
    expect(hasErrors(list)).toBe(failed);
  });
});
