import type { FieldProps } from './fieldTypes';

export function BoolField({ spec, value, onCommit, id }: FieldProps) {
  return (
    <input
      id={id}
      type="checkbox"
      className="field-check"
      checked={value === true}
      onChange={(e) => onCommit(e.target.checked)}
      data-testid={`param-${spec.name}`}
    />
  );
}
