/*
 * The CLI's arguments: Node's parseArgs splits them (long options, `--format=keras3`, short aliases,
 * `--` to end options, positionals); this file adds what parseArgs leaves to its caller: allowed
 * values, an option given twice, a value option followed by another option, required and surplus
 * positionals, each as a one-line usage error, and the synopsis shown in help.
 */
import { parseArgs as splitArgs } from 'node:util';
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
  const declared = Object.fromEntries(
    spec.options.map((o) => [o.name, { type: o.kind === 'flag' ? ('boolean' as const) : ('string' as const), ...(o.short ? { short: o.short } : {}) }]),
  );
  // Not strict: unknown options and missing values come back as tokens, answered below in our words.
  const { tokens } = splitArgs({ args: [...argv], options: declared, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = spec.options.find((o) => o.name === token.name);
    if (option === undefined) return failure(`unknown option ${token.rawName}`);
    if (option.kind === 'flag') {
      if (token.value !== undefined) return failure(`--${option.name} takes no value`);
      flags.add(option.name);
      continue;
    }
    const value = token.value;
    // parseArgs takes the next word as the value even when it is an option (`-o --json`).
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) return failure(`${optionLabel(option)} needs a value`);
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
    const label =
      o.kind === 'value' ? `${o.short ? `-${o.short}|` : ''}--${o.name} ${o.choices ? o.choices.join('|') : (o.valueName ?? 'VALUE')}` : `--${o.name}`;
    return `[${label}]`;
  });
  return [...pos, ...opts].join(' ');
}
