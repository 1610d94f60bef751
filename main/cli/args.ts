/*
 * A small typed argument parser for the CLI: long options (`--json`, `--format keras3`,
 * `--format=keras3`), short aliases (`-o out.json`), `--` to end options, positionals.
 * Commands declare what they take; everything else is a one-line usage error.
 */
import { failure, success, type Outcome } from '../../shared/api/outcome';

export interface OptionSpec {
  /** Long name without dashes: 'json' for --json. */
  readonly name: string;
  /** One-letter alias without the dash: 'o' for -o. */
  readonly short?: string;
  /** A flag takes no value; a value option takes exactly one. */
  readonly kind: 'flag' | 'value';
  /** Placeholder shown in help, e.g. 'FILE'. */
  readonly valueName?: string;
  /** Allowed values (checked here, listed in the message). */
  readonly choices?: readonly string[];
  readonly help: string;
}

export interface PositionalSpec {
  readonly name: string;
  readonly required: boolean;
}

export interface ArgSpec {
  readonly positionals: readonly PositionalSpec[];
  readonly options: readonly OptionSpec[];
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
}

function optionLabel(o: OptionSpec): string {
  return o.kind === 'value' ? `--${o.name} ${o.valueName ?? 'VALUE'}` : `--${o.name}`;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): Outcome<ParsedArgs> {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let option: OptionSpec | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      option = spec.options.find((o) => o.name === name);
    } else {
      name = arg.slice(1);
      option = spec.options.find((o) => o.short === name);
    }
    if (!option) return failure(`unknown option ${arg}`);
    if (option.kind === 'flag') {
      if (inline !== undefined) return failure(`--${option.name} takes no value`);
      flags.add(option.name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-')) {
      return failure(`${optionLabel(option)} needs a value`);
    }
    if (option.choices && !option.choices.includes(value)) {
      return failure(`--${option.name} must be one of ${option.choices.join(', ')} (got '${value}')`);
    }
    if (values.has(option.name)) return failure(`--${option.name} is given twice`);
    values.set(option.name, value);
  }
  const required = spec.positionals.filter((p) => p.required).length;
  if (positionals.length < required) {
    const missing = spec.positionals[positionals.length];
    return failure(`missing ${missing?.name ?? 'argument'}`);
  }
  if (positionals.length > spec.positionals.length) {
    return failure(`unexpected argument '${positionals[spec.positionals.length] ?? ''}'`);
  }
  return success({ positionals, flags, values });
}

/** "FILE [--json]"-style synopsis for help and usage errors. */
export function synopsis(spec: ArgSpec): string {
  const pos = spec.positionals.map((p) => (p.required ? p.name : `[${p.name}]`));
  const opts = spec.options.map((o) => {
    const label = o.kind === 'value' ? `${o.short ? `-${o.short}|` : ''}--${o.name} ${o.choices ? o.choices.join('|') : (o.valueName ?? 'VALUE')}` : `--${o.name}`;
    return `[${label}]`;
  });
  return [...pos, ...opts].join(' ');
}
