import { appVersion } from '../services/version';
import { parseArgs, synopsis } from './args';
import { exitUsage, processIo, type CliCommand, type CliIo } from './command';
import { terminalIo } from './terminalText';

function usageOf(c: CliCommand): string {
  return `blockprop ${c.name} ${c.usage ?? (c.args ? synopsis(c.args) : '')}`.trimEnd();
}

function help(commands: readonly CliCommand[]): string {
  const lines = [
    'Blockprop — design, train and look inside convolutional neural networks.',
    '',
    'Usage:',
    ...commands.flatMap((c) => [`  ${usageOf(c)}`, `      ${c.summary}`]),
    '  blockprop --help | --version',
    '',
    'FILE is a Blockprop project (.blockprop.json), Keras 3 JSON, Keras 2 / tf.keras JSON or a TensorFlow.js model.json.',
    'Exit codes: 0 ok, 1 the model is invalid (diagnostics on stderr), 2 usage error or unreadable file, 3 training stopped: the loss became NaN or Infinity.',
  ];
  return `${lines.join('\n')}\n`;
}

function commandHelp(c: CliCommand): string {
  const lines = [`Usage: ${usageOf(c)}`, '', c.summary];
  for (const o of c.args?.options ?? []) {
    const label = `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.kind === 'value' ? ` ${o.choices ? o.choices.join('|') : (o.valueName ?? 'VALUE')}` : ''}`;
    lines.push(`  ${label.padEnd(34)} ${o.help}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one CLI invocation against a command table; resolves to the exit code. Never throws: a bug is reported in one line. */
export async function runCli(commands: readonly CliCommand[], argv: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  const io = terminalIo(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? commandHelp(topic) : help(commands));
    return name === undefined ? exitUsage : 0;
  }
  if (name === '--version' || name === '-v' || name === '-V') {
    io.out(`${appVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`blockprop: unknown command '${name}'; run \`blockprop --help\` for the list.\n`);
    return exitUsage;
  }
  if (command.args && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    if (!command.args) return await command.run({ argv: rest, args: { positionals: rest, flags: new Set(), values: new Map() }, io });
    const parsed = parseArgs(rest, command.args);
    if (!parsed.ok) {
      io.err(`blockprop ${command.name}: ${parsed.error.message}. Usage: ${usageOf(command)}\n`);
      return exitUsage;
    }
    return await command.run({ argv: rest, args: parsed.value, io });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    io.err(`blockprop ${command.name}: internal error: ${detail} (this is a Blockprop bug; please report it)\n`);
    return exitUsage;
  }
}
