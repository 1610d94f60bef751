import type { FieldProps } from './fieldTypes';

/** A fixed set of choices (padding 'valid'/'same', data_format, interpolation, …). */
export function EnumField({ spec, value, onCommit, id, options }: FieldProps & { options: readonly string[] }) {
  const current = typeof value === 'string' ? value : '';
  const all = options.includes(current) || current === '' ? options : [...options, current];
  return (
    <select id={id} className="field-input" value={current} onChange={(e) => onCommit(e.target.value)} data-testid={`param-${spec.name}`}>
      {all.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
