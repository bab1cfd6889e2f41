import { CheckField } from '../forms/CheckField.js';
import { t } from '../i18n/t.js';
import type { ManagedUser } from './UsersPage.js';

/** The active prescribers a designee may act for, one box each. */
export function PrescriberChoice({ prescribers, chosen, onChange, error }: { readonly prescribers: readonly ManagedUser[]; readonly chosen: readonly string[]; readonly onChange: (ids: string[]) => void; readonly error?: string | undefined }) {
  return (
    <fieldset className={error === undefined ? 'radio-group' : 'radio-group radio-group--error'} id="user-acts-for">
      <legend className="radio-group__legend">{t('admin.userNew.actsFor')}</legend>
      {error === undefined ? null : (
        <p className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {prescribers.length === 0 ? <p>{t('admin.none')}</p> : null}
      {prescribers.map((prescriber, index) => (
        <CheckField
          key={prescriber.id}
          id={index === 0 ? 'user-acts-for-first' : `user-acts-for-${prescriber.id}`}
          label={prescriber.displayName}
          checked={chosen.includes(prescriber.id)}
          onChange={(ticked) => {
            onChange(ticked ? [...chosen, prescriber.id] : chosen.filter((id) => id !== prescriber.id));
          }}
        />
      ))}
    </fieldset>
  );
}
