import { failure, success, type Outcome } from '../../../../shared/api/outcome';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json';
import { kerasObjectClasses, kerasObjectDefaults, type ObjectKind } from '../../../../shared/layers/kerasObjects';
import type { FieldProps } from './fieldTypes';
import { FieldMessage } from '../../ui/FieldMessage';
import { useDraftField } from '../../ui/useDraftField';

/**
 * Initializers, regularizers and constraints: `{class_name, config}` values. A class picker
 * (with "None" where the parameter may be empty) and one number box per numeric config entry.
 */
export function ObjectParamField({ spec, value, onCommit, id, kind }: FieldProps & { kind: ObjectKind }) {
  // Initializers always have a value; regularizers and constraints may be None.
  const nullable = kind !== 'initializer';
  const current = isJsonObject(value) && typeof value.class_name === 'string' ? value.class_name : null;
  const config: JsonObject = isJsonObject(value) && isJsonObject(value.config) ? value.config : {};
  const names = kerasObjectClasses(kind);
  const options = current === null || names.includes(current) ? names : [...names, current];
  const pick = (name: string) => {
    if (name === '') {
      onCommit(null);
      return;
    }
    onCommit({ class_name: name, config: kerasObjectDefaults(kind, name) ?? {} });
  };
  const numeric = Object.entries(config).filter((e): e is [string, number] => typeof e[1] === 'number');
  return (
    <div className="object-field">
      <select id={id} className="field-input" value={current ?? ''} onChange={(e) => pick(e.target.value)} data-testid={`param-${spec.name}`}>
        {nullable && <option value="">None</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {current !== null &&
        numeric.map(([key, v]) => (
          <ConfigNumber
            key={`${current}.${key}`}
            label={key}
            value={v}
            testId={`param-${spec.name}-${key}`}
            onCommit={(n) => onCommit({ class_name: current, config: { ...config, [key]: n } })}
          />
        ))}
    </div>
  );
}

/** A number in an object's config; blank or not a number shows "Enter a number." and commits nothing. */
function checkConfigNumber(text: string): Outcome<number> {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? failure('Enter a number.') : success(n);
}

function ConfigNumber({ label, value, onCommit, testId }: { label: string; value: number; onCommit: (v: JsonValue) => void; testId: string }) {
  const { error, inputProps } = useDraftField({ shown: String(value), check: checkConfigNumber, format: String, onCommit });
  return (
    <label className="config-number">
      <span>{label}</span>
      <input className={`field-input num${error === null ? '' : ' invalid'}`} inputMode="decimal" {...inputProps} data-testid={testId} />
      <FieldMessage message={error} />
    </label>
  );
}
