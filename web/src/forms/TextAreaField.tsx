import { FieldMessages } from './FieldMessages.js';
import { describedBy } from './TextField.js';

interface TextAreaFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly rows?: number;
}

/** A labelled multi-line input with its hint and error read out with it. */
export function TextAreaField({ id, label, value, onChange, hint, error, rows = 3 }: TextAreaFieldProps) {
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        className="field__input field__input--full field__textarea"
        rows={rows}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
