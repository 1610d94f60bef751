import type { JsonValue } from '../../../../shared/json';
import type { ParamSpec } from '../../../../shared/layers/types';

/** Every inspector field: the spec it edits, the current value, and how to commit a new one. */
export interface FieldProps {
  readonly spec: ParamSpec;
  readonly value: JsonValue;
  readonly onCommit: (value: JsonValue) => void;
  readonly id: string;
}
