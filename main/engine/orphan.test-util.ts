// Run by host.test.ts as a separate process: starts a long training run, prints the engine's pid
// at its first batch, then waits to be killed.
import { defaultTraining } from '../../shared/project';
import { getTemplate } from '../../shared/templates';
import { Engine } from './host';

const graph = getTemplate('fc_200_200')?.build();
if (graph === undefined) throw new Error('fc_200_200 template missing');
const engine = new Engine({ isolation: 'process' });
let printed = false;
engine.startTraining(
  {
    graph,
    training: { ...defaultTraining, epochs: 50, batchSize: 16, seed: 1 },
    dataset: { kind: 'mnist' },
    backend: 'wasm',
    limit: { train: 4096, test: 64 },
  },
  (e) => {
    if (e.event === 'batch' && !printed) {
      printed = true;
      process.stdout.write(`${engine.enginePid ?? 'none'}\n`);
    }
  },
);
setInterval(() => undefined, 1000);
