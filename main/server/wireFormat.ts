/**
 * The WebSocket framing of the contract, one JSON object per message:
 *   page -> main  {id, method, payload}
 *   main -> page  {id, result}              (result = {ok, value} | {ok: false, error})
 *   main -> page  {event, payload}
 */
export type ClientMessage =
  | { kind: 'call'; id: number | string; method: string; payload: unknown }
  | { kind: 'invalid'; id: number | string | null; reason: string };

export function parseClientMessage(text: string | null): ClientMessage {
  if (text === null) return { kind: 'invalid', id: null, reason: 'Binary messages are not part of the API.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', id: null, reason: 'The message is not JSON.' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { kind: 'invalid', id: null, reason: 'The message is not an object.' };
  const id = 'id' in json && (typeof json.id === 'number' || typeof json.id === 'string') ? json.id : null;
  if (id === null) return { kind: 'invalid', id: null, reason: 'The message has no id.' };
  if (!('method' in json) || typeof json.method !== 'string') return { kind: 'invalid', id, reason: 'The message names no method.' };
  return { kind: 'call', id, method: json.method, payload: 'payload' in json ? json.payload : undefined };
}
