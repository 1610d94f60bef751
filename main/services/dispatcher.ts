import { isMethodName, parseRequest } from '../../shared/api/validate';
import type { MethodName, ParsedRequestOf, ResultOf } from '../../shared/api/contract';
import { fail, type Result } from '../../shared/api/result';
import { jsonDepth } from '../../shared/json';

/** Deeper payloads are refused before validation (the schema walk is recursive); real ones stay under ~20. */
export const MAX_PAYLOAD_DEPTH = 200;

/** One async handler per contract method; receives the validated request, answers a Result. */
export type Handlers = { readonly [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResultOf<M>> };

export interface Dispatcher {
  /** Validates the method name and payload, runs the handler, never throws. */
  invoke(method: unknown, payload: unknown): Promise<Result<unknown>>;
}

export function createDispatcher(handlers: Handlers, onInternalError?: (method: string, error: unknown) => void): Dispatcher {
  async function run<M extends MethodName>(method: M, payload: unknown): Promise<Result<unknown>> {
    const request = parseRequest(method, payload);
    if (!request.ok) return request;
    const handler: (request: ParsedRequestOf<M>) => Promise<ResultOf<M>> = handlers[method];
    return handler(request.value);
  }
  return {
    async invoke(method, payload) {
      if (!isMethodName(method)) return fail('unknown-method', `There is no method called ${String(method).slice(0, 80)}.`);
      if (jsonDepth(payload, MAX_PAYLOAD_DEPTH) > MAX_PAYLOAD_DEPTH) {
        return fail('invalid-request', `The ${method} request nests more than ${MAX_PAYLOAD_DEPTH} levels deep; no project or model does.`);
      }
      try {
        return await run(method, payload);
      } catch (error) {
        // A bug, not a user mistake: report it as a value, keep the process alive.
        onInternalError?.(method, error);
        const message = error instanceof Error ? error.message : String(error);
        return fail('internal', `Blockprop hit an internal error in ${method}: ${message}`);
      }
    },
  };
}
