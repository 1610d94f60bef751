/**
 * The helper threads' program, started with `new Worker(source, { eval: true })`. It is a string
 * rather than a file so that no path has to be resolved: the same code runs from sources under
 * tsx/vitest, from the esbuild bundles in dist/ and from inside the packaged app's asar archive.
 *
 * Each helper instantiates the kernel module on the shared memory, moves its shadow stack to its
 * own region, says 'ready' and then sleeps on the control block's generation word. A new
 * generation means "run your share of the job"; when done it counts itself in DONE and the last
 * one wakes the calling thread. QUIT ends the loop (dispose), after which the worker exits.
 * Control words (int32 indices): 0 generation, 1 done, 2 quit, 3 failures.
 */
export const workerSource = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { module, memory, tid, helpers, jobPtr, ctrlOffset, stackPointer } = workerData;
let instance;
try {
  instance = new WebAssembly.Instance(module, { env: { memory } });
  instance.exports.__stack_pointer.value = stackPointer;
} catch (e) {
  parentPort.postMessage({ ready: false, reason: String(e && e.message ? e.message : e) });
  process.exit(0);
}
const ctrl = new Int32Array(memory.buffer, ctrlOffset, 16);
parentPort.postMessage({ ready: true });
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  const gen = Atomics.load(ctrl, 0);
  if (gen === seen) continue;
  seen = gen;
  if (Atomics.load(ctrl, 2) !== 0) break;
  try {
    instance.exports.run(jobPtr, tid);
  } catch (e) {
    Atomics.add(ctrl, 3, 1);
  }
  if (Atomics.add(ctrl, 1, 1) + 1 === helpers) Atomics.notify(ctrl, 1);
}
parentPort.close();
`;
