import { failure, success, type Outcome } from '../../../shared/api/outcome';
import { useDraftField } from './useDraftField';

/**
 * A number typed as text: kept as typed while invalid (with the reason under it) and committed
 * on Enter or blur only when `validate` accepts it, so a half-typed "0." or "1e" never lands in
 * the project.
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
  const { error, inputProps } = useDraftField<number | null>({
    shown: formatNumber(props.value),
    check: (text) => checkNumber(text, props.validate, props.allowBlank === true),
    format: formatNumber,
    onCommit: props.onCommit,
  });
  return (
    <label className="tf-field">
      <span className="tf-label">{props.label}</span>
      <input
        className={`field-input num${error === null ? '' : ' invalid'}`}
        inputMode="decimal"
        placeholder={props.placeholder}
        disabled={props.disabled}
        {...inputProps}
        data-testid={props.testId}
      />
      {error !== null && <span className="field-message">{error}</span>}
      {error === null && props.help !== undefined && <span className="field-help">{props.help}</span>}
    </label>
  );
}

const formatNumber = (value: number | null): string => (value === null ? '' : String(value));

/** The typed number (null for a blank where blank is allowed), or why it is not one. */
function checkNumber(text: string, validate: (value: number) => string | null, allowBlank: boolean): Outcome<number | null> {
  if (text.trim() === '') return allowBlank ? success(null) : failure('A number is needed here.');
  const v = Number(text);
  if (!Number.isFinite(v)) return failure(`“${text}” is not a number.`);
  const problem = validate(v);
  return problem === null ? success(v) : failure(problem);
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
