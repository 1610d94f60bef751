import { backendChoiceSchema, type BackendChoice } from '../../shared/api/training';
import type { DatasetRef } from '../../shared/project/schema';
import type { OptionSpec, ParsedArgs } from './args';

/** The options several commands take, declared once so their names, values and help agree. */

/** `--weights FILE`, which every command that takes a model accepts. */
export const weightsOption: OptionSpec = {
  name: 'weights',
  kind: 'value',
  valueName: 'FILE',
  help: 'weights for a model JSON: a Keras 3 .weights.h5 or a legacy weights-only .h5',
};

/** `--backend auto|tensorflow|…`: the parser refuses any other value. */
export const backendOption: OptionSpec = { name: 'backend', kind: 'value', choices: [...backendChoiceSchema.options], help: 'compute backend (default auto)' };

/** `--dataset mnist|fashion-mnist|PATH`. */
export function datasetOption(help: string): OptionSpec {
  return { name: 'dataset', kind: 'value', valueName: 'mnist|fashion-mnist|PATH', help };
}

export function backendOf(args: ParsedArgs): BackendChoice {
  const parsed = backendChoiceSchema.safeParse(args.values.get('backend'));
  return parsed.success ? parsed.data : 'auto';
}

export function datasetRefOf(value: string): DatasetRef {
  if (value === 'mnist' || value === 'fashion-mnist') return { kind: value };
  return { kind: 'folder', path: value };
}

/** A whole-number option: undefined when absent, null when it is not a whole number ≥ min. */
export function wholeNumber(args: ParsedArgs, name: string, min: number): number | undefined | null {
  const v = args.values.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? n : null;
}
