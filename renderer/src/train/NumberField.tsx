import { useEffect, useState } from 'react';

/**
 * A number typed as text: kept as typed while invalid (with the reason under it) and committed
 * only when `validate` accepts it, so a half-typed "0." never lands in the project.
 */
export function NumberField(props: {
  label: string;
  value: number | null;
  onCommit: (value: number | null) => void;
  validate: (value: number) => string | null;
  /** Blank means null (e.g. "random seed"). */
  allowBlank?: boolean;
  placeholder?: string;
  help?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const shown = props.value === null ? '' : String(props.value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);
  const onChange = (t: string) => {
    setText(t);
    if (t.trim() === '') {
      if (props.allowBlank === true) {
        setError(null);
        props.onCommit(null);
      } else setError('A number is needed here.');
      return;
    }
    const v = Number(t);
    if (!Number.isFinite(v)) {
      setError(`“${t}” is not a number.`);
      return;
    }
    const problem = props.validate(v);
    setError(problem);
    if (problem === null) props.onCommit(v);
  };
  return (
    <label className="tf-field">
      <span className="tf-label">{props.label}</span>
      <input
        className={`field-input num${error === null ? '' : ' invalid'}`}
        inputMode="decimal"
        value={text}
        placeholder={props.placeholder}
        disabled={props.disabled}
        onChange={(e) => onChange(e.target.value)}
        data-testid={props.testId}
        aria-invalid={error !== null}
      />
      {error !== null && <span className="field-message">{error}</span>}
      {error === null && props.help !== undefined && <span className="field-help">{props.help}</span>}
    </label>
  );
}

/** Validators from simple bounds, with messages that say what is allowed. */
export function between(min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean; exclusiveMax?: boolean } = {}) {
  return (v: number): string | null => {
    if (opts.integer === true && !Number.isInteger(v)) return 'Use a whole number.';
    if (opts.exclusiveMin === true ? v <= min : v < min) return `Use a number ${opts.exclusiveMin === true ? 'above' : 'of at least'} ${min}.`;
    if (opts.exclusiveMax === true ? v >= max : v > max) return `Use a number ${opts.exclusiveMax === true ? 'below' : 'of at most'} ${max}.`;
    return null;
  };
}
