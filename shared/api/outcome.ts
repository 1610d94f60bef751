/**
 * The one shape for work that can fail because of its input (a file, a user's text, a model that does
 * not fit): `{ok: true, value}` or `{ok: false, error}`. The failure defaults to a sentence for a person;
 * a caller that needs more (a code, diagnostics) names its own failure type. Replies between renderer and
 * main are the same shape with an `ApiError` (see `Result` in ./result). Throws stay for programmer errors.
 */
export type Outcome<T, F = Failure> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: F };

/** What went wrong and, where it helps, what to do: one sentence, shown as is. */
export interface Failure {
  readonly message: string;
}

export function success<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function failure(message: string): { readonly ok: false; readonly error: Failure } {
  return { ok: false, error: { message } };
}

/** A failure carrying a richer error (diagnostics, a code) than a sentence. */
export function failureOf<F>(error: F): { readonly ok: false; readonly error: F } {
  return { ok: false, error };
}
