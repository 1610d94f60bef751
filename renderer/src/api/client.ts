import { parseEvent, parseResult, isEventName } from '../../../shared/api/validate';
import type { EventName, EventOf } from '../../../shared/api/contract';
import { fail } from '../../../shared/api/result';
import type { Api, ConnectionStatus, Transport } from './types';

/**
 * Wraps a transport into the typed Api: every reply and event is checked against the contract
 * (the renderer trusts nothing that crosses the wire) and a failing transport becomes an error
 * value, never a thrown Error.
 */
export function createClient(transport: Transport): Api {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let status: ConnectionStatus = 'connecting';
  transport.onStatus((s) => (status = s));

  transport.subscribe((event, payload) => {
    if (!isEventName(event)) return;
    const set = listeners.get(event);
    if (set === undefined || set.size === 0) return;
    const parsed = parseEvent(event, payload);
    if (parsed === null) {
      console.warn(`Blockprop: dropped a malformed ${event} event`);
      return;
    }
    for (const listener of [...set]) listener(parsed);
  });

  return {
    async invoke(method, request) {
      let reply: unknown;
      try {
        reply = await transport.call(method, request);
      } catch (error) {
        return fail('disconnected', `Blockprop's background process did not answer (${error instanceof Error ? error.message : String(error)}).`);
      }
      return parseResult(method, reply);
    },
    on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      // Payloads reaching this set were parsed with events[event] just above.
      const wrapped = (payload: unknown) => listener(payload as EventOf<E>);
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    onStatus(listener) {
      return transport.onStatus(listener); // transports call it at once with the current status
    },
    get status() {
      return status;
    },
    close() {
      transport.close();
    },
  };
}
