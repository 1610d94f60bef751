import { useEffect, useState } from 'react';
import { validateParam } from '../../../../shared/layers/validateParam';
import { formatParamText, parseParamText } from '../paramText';
import type { FieldProps } from './fieldTypes';
import { FieldMessage } from './FieldMessage';

/**
 * Numbers, tuples, shapes, axes and padding typed as text. Each keystroke is parsed and
 * validated; a valid value is committed at once (shapes update live), an invalid one shows its
 * message under the field and is not committed.
 */
export function TextParamField({ spec, value, onCommit, id }: FieldProps) {
  const shown = formatParamText(spec, value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // Follow the graph when it changes from elsewhere (undo, another block selected).
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);
  const onChange = (next: string) => {
    setText(next);
    const parsed = parseParamText(spec, next);
    if (!parsed.ok) { setError(parsed.message); return; }
    const issue = validateParam(spec, parsed.value);
    // validateParam completes "<param> …"; the field shows it as a sentence.
    const problem = issue === null ? null : `${spec.name} ${issue}.`;
    setError(problem);
    if (problem === null) onCommit(parsed.value, true);
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
        onBlur={() => { if (error !== null) { setText(shown); setError(null); } }}
        aria-invalid={error !== null}
        data-testid={`param-${spec.name}`}
      />
      <FieldMessage message={error} />
    </>
  );
}
