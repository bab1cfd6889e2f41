import type { ReactNode } from 'react';
import { FieldMessages } from './FieldMessages.js';
import { describedBy } from './TextField.js';

export interface RadioOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

interface RadioGroupProps<V extends string> {
  /** Base of the ids: the group is `${name}`, each option `${name}-${value}`. */
  readonly name: string;
  readonly legend: ReactNode;
  readonly options: readonly RadioOption<V>[];
  readonly value: V | undefined;
  readonly onChange: (value: V) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly inline?: boolean;
  readonly testId?: string;
}

/** The id of an option's input, for links from an error summary. */
export const radioId = (name: string, value: string): string => `${name}-${value}`;

/**
 * One question with its answers: a fieldset whose legend is the question, so a screen reader
 * reads the question with each answer; arrow keys move between the answers.
 */
export function RadioGroup<V extends string>({ name, legend, options, value, onChange, hint, error, inline = false, testId }: RadioGroupProps<V>) {
  return (
    <fieldset
      className={error === undefined ? 'radio-group' : 'radio-group radio-group--error'}
      aria-describedby={describedBy(name, hint, error)}
      data-testid={testId}
    >
      <legend className="radio-group__legend">{legend}</legend>
      <FieldMessages id={name} hint={hint} error={error} />
      <div className={inline ? 'radio-group__options radio-group__options--inline' : 'radio-group__options'}>
        {options.map((option) => (
          <div className="radio" key={option.value}>
            <input
              className="radio__input"
              type="radio"
              id={radioId(name, option.value)}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <label className="radio__label" htmlFor={radioId(name, option.value)}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
