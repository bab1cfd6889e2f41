import type { HTMLInputAutoCompleteAttribute, Ref } from 'react';
import { FieldMessages } from './FieldMessages.js';

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly type?: 'text' | 'email' | 'password' | 'date';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute;
  readonly inputMode?: 'text' | 'email' | 'numeric' | 'decimal';
  readonly width?: 'short' | 'medium' | 'full';
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly spellCheck?: boolean;
  readonly testId?: string;
}

/** Describes a field by its hint and its error, in reading order (ids that exist only). */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter(
    (value): value is string => value !== undefined,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A labelled input with its hint and its error next to it, both read out with the field. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  autoComplete,
  inputMode,
  width = 'full',
  inputRef,
  spellCheck,
  testId,
}: TextFieldProps) {
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        ref={inputRef}
        id={id}
        name={id}
        className={`field__input field__input--${width}`}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
