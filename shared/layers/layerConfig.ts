import type { JsonValue } from '../json';
import type { Params } from '../graph/types';
import type { ParamSpec } from './types';
import { validateParam } from './validateParam';

/**
 * Typed layer configs: a layer declares its ParamSpecs with literal names (`as const`) and gets
 * `config(p)`, an object whose keys are exactly those names and whose values have the TypeScript
 * type of a valid value of each spec. The compiler then checks every key a shape rule reads, and
 * nullable settings carry `null` in their type, so no reader can quietly turn "unset" into 0.
 */

type Nullable<S, T> = S extends { readonly nullable: true } ? T | null : T;

type Pair = readonly [number, number];

/** The type a value of spec S has once validateParam accepted it (mirrors validateParam case by case). */
export type ParamValue<S extends ParamSpec> = S extends { readonly type: 'int' | 'float' }
  ? Nullable<S, number>
  : S extends { readonly type: 'bool' }
    ? boolean
    : S extends { readonly type: 'enum'; readonly options: readonly (infer O)[] }
      ? O
      : S extends { readonly type: 'string' }
        ? Nullable<S, string>
        : S extends { readonly type: 'tuple'; readonly length: 2 }
          ? Nullable<S, Pair>
          : S extends { readonly type: 'tuple' }
            ? Nullable<S, readonly number[]>
            : S extends { readonly type: 'ints' }
              ? readonly number[]
              : S extends { readonly type: 'shape' }
                ? Nullable<S, readonly (number | null)[]>
                : S extends { readonly type: 'axis' }
                  ? number | readonly number[]
                  : S extends { readonly type: 'padding2d' }
                    ? readonly [Pair, Pair]
                    : S extends { readonly type: 'activation' }
                      ? string
                      : JsonValue;

/**
 * One key per spec. A spec whose name was widened to `string` (declared without `as const`) is left
 * out rather than turning the config into an index signature that would accept any key.
 */
export type LayerConfig<Specs extends readonly ParamSpec[]> = {
  readonly [S in Specs[number] as string extends S['name'] ? never : S['name']]: ParamValue<S>;
};

/**
 * The typed accessor of one layer, built once when the layer module loads. A spec whose default
 * fails its own validation is a bug in Blockprop and throws here, at import, where no test can miss it.
 *
 * Reading never throws: a missing or invalid value reads as the spec's default. Inference reports
 * every invalid value (paramIssues) before it runs a shape rule, so the fallback only keeps block
 * faces and half-edited blocks drawable; it never hides a mistake from the user.
 */
export function layerConfig<const Specs extends readonly ParamSpec[]>(specs: Specs): (params: Params) => LayerConfig<Specs> {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`param ${spec.name} is declared twice`);
    names.add(spec.name);
    const problem = validateParam(spec, spec.default);
    if (problem !== null) throw new Error(`param ${spec.name}: its default ${problem}`);
  }
  return (params) => {
    const out: { [name: string]: JsonValue } = {};
    for (const spec of specs) {
      const v = params[spec.name];
      out[spec.name] = v !== undefined && validateParam(spec, v) === null ? v : spec.default;
    }
    // Checked: every value has just passed validateParam for its spec (or is the spec's default,
    // validated above), and ParamValue<S> is what validateParam accepts for that spec's type.
    return out as LayerConfig<Specs>;
  };
}
