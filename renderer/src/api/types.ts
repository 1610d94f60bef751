import type { EventName, EventOf, MethodName, RequestOf, ResultOf } from '../../../shared/api/contract';

/**
 * 'open': calls go through. 'connecting'/'reconnecting': calls wait. 'lost': several reconnects
 * failed in a row (the server stopped, or restarted with a new token): calls fail at once while
 * the transport keeps trying slowly. 'closed': the client was closed.
 */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'lost' | 'closed';

/**
 * The renderer's one API client, typed from shared/api/contract.ts. Which transport carries it
 * (Electron IPC or WebSocket) is invisible from here on.
 */
export interface Api {
  invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  /** Connection changes (browser mode can lose its server); called at once with the current status. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  readonly status: ConnectionStatus;
  close(): void;
}

/** What a transport must do: carry one call, deliver raw events, report its connection. */
export interface Transport {
  call(method: MethodName, payload: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}
