import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Outcome } from '../../../shared/api/outcome';

/** What a field's input needs from its draft: spread onto the `<input>`. */
export interface DraftInputProps {
  readonly value: string;
  readonly onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  readonly onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  readonly onBlur: () => void;
  readonly 'aria-invalid': boolean;
}

/**
 * A value typed as text. The text is checked on each keystroke and an invalid one shows its
 * message, but the value is committed only on Enter or when the field loses focus, never
 * half-typed (committing on each keystroke turned "3.5" into 3 and "1e9" into 1 on the way).
 * Escape puts the committed value back. While the person is not typing, the text follows the
 * committed value when it changes from elsewhere (undo, another block selected); so does a
 * text left invalid.
 *
 * `shown` is the committed value as text; `format(value)` is how a checked value reads, so a
 * commit that changes nothing (typing "32" over "32") is not committed again.
 */
export function useDraftField<T>(opts: { shown: string; check: (text: string) => Outcome<T>; format: (value: T) => string; onCommit: (value: T) => void }): {
  readonly error: string | null;
  readonly inputProps: DraftInputProps;
} {
  const { shown, check, format, onCommit } = opts;
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (editing.current) return;
    setText(shown);
    setError(null);
  }, [shown]);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    editing.current = true;
    setText(e.target.value);
    const checked = check(e.target.value);
    setError(checked.ok ? null : checked.error.message);
  };
  const commit = () => {
    if (!editing.current) return;
    const checked = check(text);
    editing.current = false;
    if (!checked.ok) {
      // The text and its message stay in view until the person fixes it or the value changes
      // from elsewhere (another block selected, undo), which shows that value instead.
      setError(checked.error.message);
      return;
    }
    setError(null);
    const committed = format(checked.value);
    if (committed !== shown) onCommit(checked.value);
    setText(committed);
  };
  const revert = () => {
    editing.current = false;
    setText(shown);
    setError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    else if (e.key === 'Escape') {
      // Escape here only leaves the field; it must not also close the panel or dialog around it.
      e.stopPropagation();
      revert();
    }
  };
  return { error, inputProps: { value: text, onChange, onKeyDown, onBlur: commit, 'aria-invalid': error !== null } };
}
