import { t } from '../i18n/t.js';

/**
 * A field's hint and error, with the ids `describedBy` names (`${id}-hint`, `${id}-error`), so a
 * screen reader reads them with the field; the error says "Error:" to those who cannot see its colour.
 */
export function FieldMessages({ id, hint, error }: { readonly id: string; readonly hint: string | undefined; readonly error: string | undefined }) {
  return (
    <>
      {hint === undefined ? null : (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}
