import { failure, type Outcome } from '../../../../shared/api/outcome';
import type { JsonValue } from '../../../../shared/json';
import type { ParamSpec } from '../../../../shared/layers/types';
import { validateParam } from '../../../../shared/layers/validateParam';
import { formatParamText, parseParamText } from '../paramText';
import type { FieldProps } from './fieldTypes';
import { FieldMessage } from '../../ui/FieldMessage';
import { useDraftField } from '../../ui/useDraftField';

/** The text's value, or the sentence that says why it is not one. */
function check(spec: ParamSpec, text: string): Outcome<JsonValue> {
  const parsed = parseParamText(spec, text);
  if (!parsed.ok) return parsed;
  const issue = validateParam(spec, parsed.value);
  // validateParam completes "<param> …"; the field shows it as a sentence.
  return issue === null ? parsed : failure(`${spec.name} ${issue}.`);
}

/**
 * Numbers, tuples, shapes, axes and padding typed as text, committed on Enter or blur (see
 * useDraftField for why never per keystroke).
 */
export function TextParamField({ spec, value, onCommit, id }: FieldProps) {
  const { error, inputProps } = useDraftField({
    shown: formatParamText(spec, value),
    check: (text) => check(spec, text),
    format: (v) => formatParamText(spec, v),
    onCommit,
  });
  return (
    <>
      <input
        id={id}
        className={`field-input num${error === null ? '' : ' invalid'}`}
        inputMode={spec.type === 'float' ? 'decimal' : spec.type === 'string' ? 'text' : 'numeric'}
        placeholder={'nullable' in spec && spec.nullable === true ? 'None' : ''}
        {...inputProps}
        data-testid={`param-${spec.name}`}
      />
      <FieldMessage message={error} />
    </>
  );
}
