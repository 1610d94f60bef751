import type { z } from 'zod';
import { isEventName, isMethodName } from './channels';
import { events, methods, type EventName, type EventOf, type MethodName, type ParsedRequestOf, type ResultOf } from './contract';
import { apiErrorSchema, fail, ok, type Result } from './result';

/** "graph.nodes.0.id: expected string" lines, for the `details` of an invalid-request error. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Checks a payload received for `method` against its request schema. */
export function parseRequest<M extends MethodName>(method: M, payload: unknown): Result<ParsedRequestOf<M>> {
  const parsed = methods[method].request.safeParse(payload);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    return fail('invalid-request', `The request for ${method} is not valid: ${details[0] ?? 'unexpected shape'}.`, details);
  }
  // zod's output type for a member of the `methods` record, narrowed back to this method.
  return ok(parsed.data as ParsedRequestOf<M>);
}

/** Checks a reply received for `method` (the renderer trusts nothing that crosses the wire). */
export function parseResult<M extends MethodName>(method: M, reply: unknown): ResultOf<M> {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    return fail('invalid-reply', `The reply to ${method} is not a result value.`);
  }
  if (reply.ok === false) {
    const error = apiErrorSchema.safeParse('error' in reply ? reply.error : undefined);
    return error.success ? { ok: false, error: error.data } : fail('invalid-reply', `The reply to ${method} carries a malformed error.`);
  }
  const value = methods[method].response.safeParse('value' in reply ? reply.value : undefined);
  if (!value.success) {
    return fail('invalid-reply', `The reply to ${method} does not match the contract: ${describeIssues(value.error)[0] ?? ''}`, describeIssues(value.error));
  }
  return { ok: true, value: value.data as ResultOf<M> extends { ok: true; value: infer V } ? V : never };
}

/** Checks an event payload; null when the name or payload does not match the contract. */
export function parseEvent<E extends EventName>(name: E, payload: unknown): EventOf<E> | null {
  const parsed = events[name].safeParse(payload);
  return parsed.success ? (parsed.data as EventOf<E>) : null;
}

export { isEventName, isMethodName };
