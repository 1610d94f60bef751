// The `blockprop` entry point (bundled to dist/cli.cjs, run by bin/blockprop.cjs).
import { runCli } from './cli';
import { activationsCommand } from './commands/activations';
import type { CliCommand } from './command';
import { evaluateCommand } from './commands/evaluate';
import { exportCommand } from './commands/export';
import { newCommand } from './commands/new';
import { predictCommand } from './commands/predict';
import { summaryCommand } from './commands/summary';
import { templatesCommand } from './commands/templates';
import { trainCommand } from './commands/train';
import { validateCommand } from './commands/validate';
import { runWeb } from './commands/web';

/**
 * Every `blockprop` command, in help order. To add one: write main/cli/commands/<name>.ts
 * exporting a CliCommand (see command.ts; declare `args` to get parsing, usage and --help for
 * free) and add one line here.
 */
const commands: readonly CliCommand[] = [
  summaryCommand,
  validateCommand,
  exportCommand,
  templatesCommand,
  newCommand,
  trainCommand,
  evaluateCommand,
  predictCommand,
  activationsCommand,
  { name: 'web', summary: 'serve the app to your browser on 127.0.0.1', usage: '[--port N] [--no-open]', run: ({ argv }) => runWeb(argv) },
];

void runCli(commands, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
