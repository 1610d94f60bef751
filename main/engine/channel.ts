import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { HostToWorker } from './protocol';

/**
 * How the host talks to one running engine: a worker thread, a child process (child_process.fork,
 * for browser mode and the CLI) or, in the desktop app, Electron's utilityProcess (built in
 * main/electron, the only code importing electron). The messages are the same protocol.ts
 * messages everywhere; only the shared stop flag cannot cross a process boundary, so process
 * channels stop a run with the 'stop' message instead (the worker checks both).
 */
export interface EngineChannel {
  send(message: HostToWorker): void;
  onMessage(listener: (raw: unknown) => void): void;
  /** Called once when the engine is gone: its exit code or signal in words, and whether memory ran out. */
  onExit(listener: (detail: EngineExit) => void): void;
  terminate(): Promise<void>;
  /** The engine's OS process id (process channels), for diagnostics and tests. */
  readonly pid: number | null;
}

export interface EngineExit {
  readonly reason: 'out-of-memory' | 'crash' | 'exit';
  readonly detail: string;
}

export interface WorkerSpec {
  readonly code: string;
  readonly eval: boolean;
  /** The script's file (for processes). */
  readonly file: string;
}

/** Builds a channel for the engine script `file`; the desktop app passes one backed by utilityProcess. */
export type SpawnEngine = (file: string, options: { maxHeapMb?: number }) => EngineChannel;

const outOfMemory = /OUT_OF_MEMORY|out of memory|heap limit/i;

/**
 * A channel's end is told once, whichever comes first of an error and an exit event, and never after
 * it was terminated on purpose.
 */
function exitReport(): { report: (detail: EngineExit) => void; listen: (listener: (detail: EngineExit) => void) => void; silence: () => void } {
  let listener: ((detail: EngineExit) => void) | null = null;
  let reported = false;
  return {
    report: (detail) => {
      if (reported) return;
      reported = true;
      listener?.(detail);
    },
    listen: (l) => void (listener = l),
    silence: () => void (reported = true),
  };
}

/** The engine on a worker thread of this process (the old default; tests of the thread path). */
export function threadChannel(spec: WorkerSpec, maxHeapMb?: number): EngineChannel {
  const worker = new Worker(spec.code, {
    eval: spec.eval,
    ...(maxHeapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}),
  });
  const exit = exitReport();
  worker.on('error', (err: Error) =>
    exit.report({ reason: outOfMemory.test(`${String(Reflect.get(err, 'code'))} ${err.message}`) ? 'out-of-memory' : 'crash', detail: err.message }),
  );
  worker.on('exit', (code) => exit.report({ reason: 'exit', detail: `exit code ${code}` }));
  return {
    pid: null,
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: exit.listen,
    terminate: async () => {
      exit.silence();
      await worker.terminate();
    },
  };
}

/** Words for how a process ended: "signal SIGSEGV (a native crash)", "exit code 134". */
export function describeExit(code: number | null, signal: string | null): EngineExit {
  if (signal !== null) {
    const native = signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGBUS' || signal === 'SIGILL' || signal === 'SIGFPE';
    return {
      reason: signal === 'SIGKILL' ? 'out-of-memory' : 'crash',
      detail: `signal ${signal}${native ? ' (a native crash, e.g. in TensorFlow or CUDA)' : signal === 'SIGKILL' ? ' (killed, often by the system when memory runs out)' : ''}`,
    };
  }
  // An uncaught error exits 1; V8's own out-of-memory abort 134. A clean 0 means it was told to stop.
  return { reason: code !== 0 ? 'crash' : 'exit', detail: `exit code ${code ?? 'unknown'}` };
}

/** What a process channel sends: the train message without its SharedArrayBuffer (it cannot be cloned across processes). */
export function forProcess(message: HostToWorker): object {
  return message.kind === 'train' ? { kind: 'train', request: message.request } : message;
}

/**
 * The engine in a child process of this Node process: a native abort (CUDA, a segfault in
 * libtensorflow, V8 running out of heap) ends that process only. 'advanced' serialization keeps
 * typed arrays and Maps intact, as the thread channel's structured clone did.
 */
export function processChannel(file: string, maxHeapMb?: number): EngineChannel {
  const execArgv = [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), ...(maxHeapMb !== undefined ? [`--max-old-space-size=${maxHeapMb}`] : [])];
  // The engine's stdout goes to our stderr: stdout is the CLI's (train --json lines) alone.
  const child = fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  child.stdout?.pipe(process.stderr, { end: false });
  const exit = exitReport();
  child.on('error', (err) => exit.report({ reason: 'crash', detail: err.message }));
  child.on('exit', (code, signal) => exit.report(describeExit(code, signal)));
  // A send after the child died fails asynchronously; the exit handler reports it.
  const send = (message: HostToWorker) => {
    if (child.connected) child.send(forProcess(message), (err) => void err);
  };
  return {
    pid: child.pid ?? null,
    send,
    onMessage: (listener) => void child.on('message', listener),
    onExit: exit.listen,
    terminate: async () => {
      exit.silence();
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      });
    },
  };
}
