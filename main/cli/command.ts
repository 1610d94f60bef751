import type { ArgSpec, ParsedArgs } from './args';

/** Where a command writes; tests and other hosts can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};

export interface CommandContext {
  /** The arguments after the command name, as given. */
  readonly argv: readonly string[];
  /** Parsed against `args` when the command declares it (otherwise empty). */
  readonly args: ParsedArgs;
  readonly io: CliIo;
}

/**
 * One `blockprop <name>` command. Add a command by writing main/cli/commands/<name>.ts that
 * exports one of these and adding it to the table in main/cli/index.ts.
 * Exit codes: 0 ok, 1 the model is invalid (diagnostics on stderr), 2 usage error or unreadable file,
 * 3 training stopped because the loss became NaN or Infinity (train only).
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `blockprop --help`. */
  readonly summary: string;
  /** Declared arguments; omit to parse `argv` yourself (e.g. a command with its own parser). */
  readonly args?: ArgSpec;
  /** Usage line without "blockprop <name>"; derived from `args` when omitted. */
  readonly usage?: string;
  run(ctx: CommandContext): number | Promise<number>;
}

export const exitOk = 0;
export const exitInvalid = 1;
export const exitUsage = 2;
/** `train`: the run stopped because the loss diverged (NaN / Infinity); the model is not usable. */
export const exitDiverged = 3;
