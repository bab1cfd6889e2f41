import type { ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.js';
import { describedBy } from './TextField.js';

export interface CheckboxOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

interface CheckboxGroupProps<V extends string> {
  /** The group is `${name}`; each option's input `${name}-${value}` (the first one is where an error links). */
  readonly name: string;
  readonly legend: ReactNode;
  readonly options: readonly CheckboxOption<V>[];
  readonly checked: readonly V[];
  readonly onChange: (checked: V[]) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** Several answers to one question, in a fieldset whose legend is the question. */
export function CheckboxGroup<V extends string>({ name, legend, options, checked, onChange, hint, error }: CheckboxGroupProps<V>) {
  return (
    <fieldset className={error === undefined ? 'radio-group' : 'radio-group radio-group--error'} aria-describedby={describedBy(name, hint, error)}>
      <legend className="radio-group__legend">{legend}</legend>
      <FieldMessages id={name} hint={hint} error={error} />
      <div className="radio-group__options">
        {options.map((option) => (
          <div className="radio" key={option.value}>
            <input
              className="radio__input checkbox__input"
              type="checkbox"
              id={`${name}-${option.value}`}
              name={name}
              value={option.value}
              checked={checked.includes(option.value)}
              onChange={(event) => {
                onChange(event.target.checked ? [...checked, option.value] : checked.filter((v) => v !== option.value));
              }}
            />
            <label className="radio__label" htmlFor={`${name}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
