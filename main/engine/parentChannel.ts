import { parentPort } from 'node:worker_threads';

/**
 * The engine's side of its channel to the host (see channel.ts): a worker thread's parentPort,
 * Electron's utility-process parentPort, or a forked child's IPC — whichever this engine runs in.
 */
export interface ParentChannel {
  post(message: unknown): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** True in a process (no SharedArrayBuffer from the host; 'stop' messages instead). */
  readonly isProcess: boolean;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

export function parentChannel(): ParentChannel | null {
  const port = parentPort;
  if (port !== null) return { post: (m) => port.postMessage(m), onMessage: (l) => void port.on('message', l), isProcess: false };
  // Electron's utilityProcess gives the child process.parentPort (messages arrive as {data}).
  const electronPort: unknown = Reflect.get(process, 'parentPort');
  if (isObject(electronPort)) {
    const postMessage: unknown = Reflect.get(electronPort, 'postMessage');
    const on: unknown = Reflect.get(electronPort, 'on');
    if (typeof postMessage === 'function' && typeof on === 'function') {
      return {
        post: (m) => void Reflect.apply(postMessage, electronPort, [m]),
        onMessage: (l) => void Reflect.apply(on, electronPort, ['message', (e: unknown) => l(isObject(e) ? Reflect.get(e, 'data') : undefined)]),
        isProcess: true,
      };
    }
  }
  if (typeof process.send === 'function') {
    // The host is gone (killed, crashed): an engine nobody can talk to must not live on.
    process.once('disconnect', () => process.exit(0));
    return {
      post: (m) => {
        if (process.connected) process.send?.(m);
      },
      onMessage: (l) => void process.on('message', l),
      isProcess: true,
    };
  }
  return null;
}

/**
 * Errors after which this engine cannot be trusted: wasm's heap is corrupt or exhausted, or the
 * runtime aborted. Every later op would fail too, so the engine reports and then exits, and the
 * host starts a fresh one (the memory it held is given back to the system).
 */
export function isFatalEngineError(message: string): boolean {
  return /memory access out of bounds|out of memory|Cannot allocate Wasm memory|Array buffer allocation failed|Aborted\(|RuntimeError: unreachable|WebAssembly\.Memory/i.test(
    message,
  );
}

export const restartNote =
  ' The engine ran out of memory and was restarted, so the next run or look starts fresh; lower the batch size or use a smaller model.';
