import { t } from '../i18n/t.js';
import { describedBy } from './TextField.js';

interface CheckFieldProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** One labelled checkbox (a confirmation or a yes/no setting), with its hint and error read with it. */
export function CheckField({ id, label, checked, onChange, hint, error }: CheckFieldProps) {
  return (
    <div className={error === undefined ? 'field check' : 'field check field--error'}>
      {error === undefined ? null : (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="check__row">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="check__input"
          checked={checked}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />
        <label className="check__label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint === undefined ? null : (
        <p className="field__hint check__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
