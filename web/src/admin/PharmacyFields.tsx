import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';

export interface PharmacyValues {
  readonly name: string;
  readonly certifiedOn: string;
  readonly activatedOn: string;
}

/** The body of a create or update: empty dates are null (not recorded). */
export const pharmacyBody = (values: PharmacyValues) => ({
  name: values.name.trim(),
  certifiedOn: values.certifiedOn === '' ? null : values.certifiedOn,
  activatedOn: values.activatedOn === '' ? null : values.activatedOn,
});

/** A pharmacy's name and its two programme dates. */
export function PharmacyFields({ idPrefix, values, onChange, nameError }: { readonly idPrefix: string; readonly values: PharmacyValues; readonly onChange: (patch: Partial<PharmacyValues>) => void; readonly nameError?: string | undefined }) {
  return (
    <>
      <TextField id={`${idPrefix}-name`} label={t('admin.pharmacies.name')} value={values.name} onChange={(name) => { onChange({ name }); }} error={nameError} autoComplete="off" />
      <TextField id={`${idPrefix}-certified`} type="date" width="medium" label={t('admin.pharmacies.certifiedOn')} hint={t('admin.pharmacies.dateHint')} value={values.certifiedOn} onChange={(certifiedOn) => { onChange({ certifiedOn }); }} />
      <TextField id={`${idPrefix}-activated`} type="date" width="medium" label={t('admin.pharmacies.activatedOn')} hint={t('admin.pharmacies.dateHint')} value={values.activatedOn} onChange={(activatedOn) => { onChange({ activatedOn }); }} />
    </>
  );
}
