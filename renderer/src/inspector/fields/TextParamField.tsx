import { useEffect, useRef, useState } from 'react';
import { failure, type Outcome } from '../../../../shared/api/outcome';
import type { JsonValue } from '../../../../shared/json';
import type { ParamSpec } from '../../../../shared/layers/types';
import { validateParam } from '../../../../shared/layers/validateParam';
import { formatParamText, parseParamText } from '../paramText';
import type { FieldProps } from './fieldTypes';
import { FieldMessage } from './FieldMessage';

/** The text's value, or the sentence that says why it is not one. */
function check(spec: ParamSpec, text: string): Outcome<JsonValue> {
  const parsed = parseParamText(spec, text);
  if (!parsed.ok) return parsed;
  const issue = validateParam(spec, parsed.value);
  // validateParam completes "<param> …"; the field shows it as a sentence.
  return issue === null ? parsed : failure(`${spec.name} ${issue}.`);
}

/**
 * Numbers, tuples, shapes, axes and padding typed as text. Each keystroke is checked and an
 * invalid text shows its message under the field; the value is committed on Enter or when the
 * field loses focus, never half-typed (committing on each keystroke turned "3.5" into 3 and
 * "1e9" into 1 on the way). Escape puts the model's value back.
 */
export function TextParamField({ spec, value, onCommit, id }: FieldProps) {
  const shown = formatParamText(spec, value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  // Follow the graph when it changes from elsewhere (undo, another block selected).
  useEffect(() => {
    if (editing.current) return;
    setText(shown);
    setError(null);
  }, [shown]);
  const onChange = (next: string) => {
    editing.current = true;
    setText(next);
    const checked = check(spec, next);
    setError(checked.ok ? null : checked.error.message);
  };
  const commit = () => {
    if (!editing.current) return;
    const checked = check(spec, text);
    if (!checked.ok) {
      setError(checked.error.message);
      return;
    }
    editing.current = false;
    setError(null);
    if (formatParamText(spec, checked.value) !== shown) onCommit(checked.value);
    setText(formatParamText(spec, checked.value));
  };
  const revert = () => {
    editing.current = false;
    setText(shown);
    setError(null);
  };
  return (
    <>
      <input
        id={id}
        className={`field-input num${error === null ? '' : ' invalid'}`}
        value={text}
        inputMode={spec.type === 'float' ? 'decimal' : spec.type === 'string' ? 'text' : 'numeric'}
        placeholder={'nullable' in spec && spec.nullable === true ? 'None' : ''}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            e.stopPropagation();
            revert();
          }
        }}
        onBlur={commit}
        aria-invalid={error !== null}
        data-testid={`param-${spec.name}`}
      />
      <FieldMessage message={error} />
    </>
  );
}
