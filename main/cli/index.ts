// The `blockprop` entry point (bundled to dist/cli.cjs, run by bin/blockprop.cjs). The command
// table and dispatcher live in cli.ts so tests and other hosts can import them without running.
import { main } from './cli';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
