import { FieldMessages } from './FieldMessages.js';
import { describedBy } from './TextField.js';

interface SelectFieldProps<V extends string> {
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

export function SelectField<V extends string>({ id, label, options, value, onChange, hint, error }: SelectFieldProps<V>) {
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        className="field__select"
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
