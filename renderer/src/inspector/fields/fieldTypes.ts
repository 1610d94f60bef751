import type { JsonValue } from '../../../../shared/json';
import type { ParamSpec } from '../../../../shared/layers/types';

/** Every inspector field: the spec it edits, the current value, and how to commit a new one. */
export interface FieldProps {
  readonly spec: ParamSpec;
  readonly value: JsonValue;
  /** `typing`: the change came from a keystroke (coalesced into one undo step). */
  readonly onCommit: (value: JsonValue, typing?: boolean) => void;
  readonly id: string;
}
