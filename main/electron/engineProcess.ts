import { utilityProcess } from 'electron';
import { describeExit, forProcess, type EngineChannel, type EngineExit } from '../engine/channel';

/**
 * The desktop app's engine process: Electron's utilityProcess (a Node child that Electron
 * manages; fork would need ELECTRON_RUN_AS_NODE, which the RunAsNode fuse turns off). A native
 * abort in TensorFlow or CUDA ends this process only; the engine host reports it and starts a
 * fresh one on the next call.
 */
export function spawnUtilityEngine(file: string, options: { maxHeapMb?: number }): EngineChannel {
  const child = utilityProcess.fork(file, [], {
    serviceName: 'Blockprop engine',
    stdio: 'inherit',
    ...(options.maxHeapMb !== undefined ? { execArgv: [`--max-old-space-size=${options.maxHeapMb}`] } : {}),
  });
  let exited: ((detail: EngineExit) => void) | null = null;
  let reported = false;
  let alive = true;
  const report = (detail: EngineExit) => {
    alive = false;
    if (reported) return;
    reported = true;
    exited?.(detail);
  };
  // utilityProcess reports only an exit code; a native crash shows as a non-zero one.
  child.on('exit', (code) => report(describeExit(code, null)));
  return {
    get pid() {
      return child.pid ?? null;
    },
    send: (message) => {
      if (alive) child.postMessage(forProcess(message));
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void (exited = listener),
    terminate: async () => {
      reported = true;
      if (!alive) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      });
    },
  };
}
