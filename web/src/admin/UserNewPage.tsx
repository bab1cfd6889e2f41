import { useState, type SubmitEvent } from 'react';
import { z } from 'zod';
import { createUserResponseSchema, patientListingSchema, pharmacySchema } from '../../../src/contracts/admin.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup } from '../forms/RadioGroup.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient } from '../session/session-context.js';
import { PrescriberChoice } from './PrescriberChoice.js';
import { TemporaryPassword } from './TemporaryPassword.js';
import { emptyNewUser, newUserRequest, SPECIALTIES, type NewUserField, type NewUserValues } from './user-form.js';
import { parseUsers, ROLES } from './UsersPage.js';

const parseCreated = parserFor(createUserResponseSchema);
const parsePharmacies = parserFor(z.array(pharmacySchema));
const parsePatients = parserFor(z.array(patientListingSchema));
type Created = z.output<typeof createUserResponseSchema>;

const MESSAGES: Readonly<Record<NewUserField, PlainMessageKey>> = {
  displayName: 'admin.userNew.displayNameMissing',
  email: 'admin.userNew.emailInvalid',
  actsFor: 'admin.userNew.actsForMissing',
  pharmacyId: 'admin.userNew.pharmacyMissing',
  patientId: 'admin.userNew.patientMissing',
};
const IDS: Readonly<Record<NewUserField, string>> = {
  displayName: 'user-name',
  email: 'user-email',
  actsFor: 'user-acts-for-first',
  pharmacyId: 'user-pharmacy',
  patientId: 'user-patient',
};

/** Creates an account with its role and scope; the temporary password is shown once. */
export function UserNewPage() {
  const client = useApiClient();
  const [values, setValues] = useState<NewUserValues>(emptyNewUser);
  const [problems, setProblems] = useState<readonly NewUserField[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | undefined>(undefined);
  const prescribers = useApiQuery(values.role === 'designee' ? '/api/admin/users?role=prescriber&status=active' : undefined, parseUsers);
  const pharmacies = useApiQuery(values.role === 'pharmacist' ? '/api/admin/pharmacies' : undefined, parsePharmacies);
  const patients = useApiQuery(values.role === 'patient' ? '/api/admin/patients' : undefined, parsePatients);
  const update = (patch: Partial<NewUserValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFailure(undefined);
    const outcome = newUserRequest(values);
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    client.sendFor('POST', '/api/admin/users', parseCreated, { body: outcome.request }).then(
      (answer) => {
        setBusy(false);
        setCreated(answer);
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.status === 409) setFailure(t('admin.userNew.emailInUse'));
        else setFailure(error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));
      },
    );
  };

  if (created !== undefined) {
    return (
      <>
        <PageTitle>{t('admin.userNew.title')}</PageTitle>
        <p className="lead" data-testid="user-created">
          {t('admin.userNew.created', { name: created.user.displayName })}
        </p>
        <TemporaryPassword password={created.temporaryPassword} expiresAt={created.expiresAt} />
        <ul className="plain-list">
          <li>
            <AppLink to={screenPath('adminUser', { userId: created.user.id })}>{t('admin.users.open', { name: created.user.displayName })}</AppLink>
          </li>
          <li>
            <AppLink to={screenPath('adminUsers')}>{t('admin.backToList')}</AppLink>
          </li>
        </ul>
      </>
    );
  }

  const errorFor = (field: NewUserField): string | undefined => (problems.includes(field) ? t(MESSAGES[field]) : undefined);
  const summary = [...problems.map((field) => ({ message: t(MESSAGES[field]), fieldId: IDS[field] })), ...(failure === undefined ? [] : [{ message: failure }])];
  const chooseOption = { value: '', label: t('admin.userNew.choose') };

  return (
    <>
      <PageTitle>{t('admin.userNew.title')}</PageTitle>
      <p className="lead">{t('admin.userNew.intro')}</p>
      <ErrorSummary items={summary} focusKey={attempt} />
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-label={t('admin.userNew.title')}>
        <RadioGroup
          name="user-role"
          legend={t('admin.userNew.role')}
          options={ROLES.map((value) => ({ value, label: t(`admin.role.${value}`) }))}
          value={values.role}
          onChange={(role) => {
            update({ role });
          }}
        />
        <TextField id={IDS.displayName} label={t('admin.userNew.displayName')} value={values.displayName} onChange={(displayName) => { update({ displayName }); }} error={errorFor('displayName')} autoComplete="off" />
        <TextField id={IDS.email} type="email" label={t('admin.userNew.email')} hint={t('admin.userNew.emailHint')} value={values.email} onChange={(email) => { update({ email }); }} error={errorFor('email')} autoComplete="off" spellCheck={false} />
        {values.role === 'prescriber' ? (
          <>
            <SelectField
              id="user-specialty"
              label={t('admin.userNew.specialty')}
              options={SPECIALTIES.map((value) => ({ value, label: t(`admin.specialty.${value}`) }))}
              value={values.specialty}
              onChange={(value) => {
                const specialty = SPECIALTIES.find((candidate) => candidate === value);
                if (specialty !== undefined) update({ specialty });
              }}
            />
            <TextField id="user-certified" type="date" width="medium" label={t('admin.userNew.certifiedOn')} value={values.certifiedOn} onChange={(certifiedOn) => { update({ certifiedOn }); }} />
          </>
        ) : null}
        {values.role === 'designee' && prescribers.state.status === 'ready' ? (
          <PrescriberChoice prescribers={prescribers.state.data} chosen={values.actsFor} onChange={(actsFor) => { update({ actsFor }); }} error={errorFor('actsFor')} />
        ) : null}
        {values.role === 'pharmacist' && pharmacies.state.status === 'ready' ? (
          pharmacies.state.data.length === 0 ? (
            <p className="notice">{t('admin.userNew.noPharmacies')}</p>
          ) : (
            <SelectField
              id={IDS.pharmacyId}
              label={t('admin.userNew.pharmacy')}
              options={[chooseOption, ...pharmacies.state.data.map((pharmacy) => ({ value: pharmacy.id, label: pharmacy.name }))]}
              value={values.pharmacyId}
              onChange={(pharmacyId) => { update({ pharmacyId }); }}
              error={errorFor('pharmacyId')}
            />
          )
        ) : null}
        {values.role === 'patient' && patients.state.status === 'ready' ? (
          <SelectField
            id={IDS.patientId}
            label={t('admin.userNew.patient')}
            options={[chooseOption, ...patients.state.data.filter((patient) => patient.accountId === null).map((patient) => ({ value: patient.id, label: patient.displayName }))]}
            value={values.patientId}
            onChange={(patientId) => { update({ patientId }); }}
            error={errorFor('patientId')}
          />
        ) : null}
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('admin.saving') : t('admin.userNew.submit')}
        </button>
      </form>
    </>
  );
}
