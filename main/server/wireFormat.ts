/**
 * The WebSocket framing of the contract, one JSON object per message:
 *   page -> main  {id, method, payload}
 *   main -> page  {id, result}              (result = {ok, value} | {ok: false, error})
 *   main -> page  {event, payload}
 */
import { failureOf, success, type Failure, type Outcome } from '../../shared/api/outcome';

/** A call from the page. */
export interface ClientCall {
  readonly id: number | string;
  readonly method: string;
  readonly payload: unknown;
}

/** A message that is no call, with its id when it had one (so the reply can still name it). */
export interface InvalidMessage extends Failure {
  readonly id: number | string | null;
}

export function parseClientMessage(text: string | null): Outcome<ClientCall, InvalidMessage> {
  if (text === null) return failureOf({ id: null, message: 'Binary messages are not part of the API.' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failureOf({ id: null, message: 'The message is not JSON.' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return failureOf({ id: null, message: 'The message is not an object.' });
  const id = 'id' in json && (typeof json.id === 'number' || typeof json.id === 'string') ? json.id : null;
  if (id === null) return failureOf({ id: null, message: 'The message has no id.' });
  if (!('method' in json) || typeof json.method !== 'string') return failureOf({ id, message: 'The message names no method.' });
  return success({ id, method: json.method, payload: 'payload' in json ? json.payload : undefined });
}
