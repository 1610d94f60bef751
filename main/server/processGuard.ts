import type { EventEmitter } from 'node:events';

/**
 * The last resort of a long-running server (browser mode, the desktop app's main process): an
 * exception or rejection that escaped every handler is logged in one line and the process keeps
 * serving. Each request path already turns failures into error replies; this only guards against
 * the one we did not foresee, so one bad request can never end everyone's session.
 * Returns a function that removes the guard.
 */
export function installProcessGuard(log: (line: string) => void, target: Pick<EventEmitter, 'on' | 'off'> = process): () => void {
  const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
  const onException = (error: unknown) => log(`Blockprop kept running after an unexpected error: ${describe(error)}`);
  const onRejection = (reason: unknown) => log(`Blockprop kept running after an unhandled rejection: ${describe(reason)}`);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
