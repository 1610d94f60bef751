import { z } from 'zod';
import type { Outcome } from './outcome';

/**
 * Every reply between renderer and main is a value, never a thrown Error:
 * `{ok: true, value}` or `{ok: false, error: {code, message}}`.
 */
export const apiErrorSchema = z.object({
  /** Stable machine-readable code: 'invalid-request', 'not-found', 'exists', 'not-ready', … */
  code: z.string(),
  /** A sentence for a person: what went wrong and what to do. */
  message: z.string(),
  /** Optional structured detail (e.g. the zod issue path of an invalid request). */
  details: z.array(z.string()).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** A reply: an `Outcome` whose failure is an `ApiError`. */
export type Result<T> = Outcome<T, ApiError>;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, details?: string[]): { readonly ok: false; readonly error: ApiError } {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
