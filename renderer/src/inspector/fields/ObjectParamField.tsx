import { useEffect, useState } from 'react';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/json';
import { kerasObjectClasses, kerasObjectDefaults, type ObjectKind } from '../../../../shared/layers/kerasObjects';
import type { FieldProps } from './fieldTypes';
import { FieldMessage } from './FieldMessage';

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
            onCommit={(n) => onCommit({ class_name: current, config: { ...config, [key]: n } }, true)}
          />
        ))}
    </div>
  );
}

function ConfigNumber({ label, value, onCommit, testId }: { label: string; value: number; onCommit: (v: JsonValue) => void; testId: string }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  return (
    <label className="config-number">
      <span>{label}</span>
      <input
        className={`field-input num${error === null ? '' : ' invalid'}`}
        value={text}
        inputMode="decimal"
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          const bad = e.target.value.trim() === '' || !Number.isFinite(n);
          setError(bad ? 'Enter a number.' : null);
          if (!bad) onCommit(n);
        }}
      />
      <FieldMessage message={error} />
    </label>
  );
}
