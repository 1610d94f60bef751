import type { ReactNode } from 'react';

export interface Segment<T> {
  readonly value: T;
  readonly label: ReactNode;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly testId?: string;
}

/**
 * A row of buttons of which one is on (theme/app.css .segmented/.seg). As a tablist its buttons
 * are tabs (aria-selected), as a radiogroup radios (aria-checked); without a role they are plain
 * buttons, for a setting whose choice the highlight alone shows.
 */
export function Segmented<T extends string | number>(props: {
  readonly segments: readonly Segment<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly role?: 'tablist' | 'radiogroup';
  readonly label?: string;
  readonly small?: boolean;
  readonly className?: string;
}) {
  const className = ['segmented', props.small === true ? 'small' : null, props.className ?? null].filter((c) => c !== null).join(' ');
  return (
    <div className={className} role={props.role} aria-label={props.label}>
      {props.segments.map((s) => {
        const on = s.value === props.value;
        return (
          <button
            key={s.value}
            type="button"
            role={props.role === 'tablist' ? 'tab' : props.role === 'radiogroup' ? 'radio' : undefined}
            aria-selected={props.role === 'tablist' ? on : undefined}
            aria-checked={props.role === 'radiogroup' ? on : undefined}
            className={`seg${on ? ' active' : ''}`}
            disabled={s.disabled}
            title={s.title}
            onClick={() => props.onChange(s.value)}
            data-testid={s.testId}
          >
            {s.label}
          </button>
        );
      })}
    </div>
  );
}
