import { useState, type SubmitEvent } from 'react';
import type { z } from 'zod';
import { clinicUpdateSchema, clinicViewSchema } from '../../../src/contracts/admin.js';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { CheckField } from '../forms/CheckField.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { splitFieldProblems } from './field-errors.js';

const parseClinic = parserFor(clinicViewSchema);
type Clinic = z.output<typeof clinicViewSchema>;
type Jurisdiction = Clinic['jurisdiction'];
const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'EU', 'EU-FR', 'EU-IT', 'UK'];

type Field = 'name' | 'jurisdiction' | 'timeZone' | 'usModificationDate' | 'antiFalsification';
/** Where each field sits in the request, as the server's JSON Pointers name it. */
const FIELD_PATHS: Readonly<Record<Field, string>> = {
  name: 'name',
  jurisdiction: 'jurisdiction',
  timeZone: 'timeZone',
  usModificationDate: 'settings.usModificationDate',
  antiFalsification: 'settings.homeTestOptIn.antiFalsificationProcedure',
};
const FIELD_IDS: Readonly<Record<Field, string>> = {
  name: 'clinic-name',
  jurisdiction: 'clinic-jurisdiction',
  timeZone: 'clinic-time-zone',
  usModificationDate: 'clinic-us-date',
  antiFalsification: 'clinic-anti-falsification',
};
const FIELD_MESSAGES: Readonly<Record<Field, PlainMessageKey>> = {
  name: 'admin.clinic.nameMissing',
  jurisdiction: 'admin.clinic.conflict',
  timeZone: 'admin.clinic.timeZoneInvalid',
  usModificationDate: 'admin.clinic.usModificationDateInvalid',
  antiFalsification: 'admin.clinic.antiFalsificationHint',
};

interface Values {
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly timeZone: string;
  readonly usModificationDate: string;
  readonly enforcementDiscretion: boolean;
  readonly optedIn: boolean;
  readonly antiFalsification: string;
}

const valuesOf = (clinic: Clinic): Values => ({
  name: clinic.name,
  jurisdiction: clinic.jurisdiction,
  timeZone: clinic.timeZone,
  usModificationDate: clinic.settings.usModificationDate,
  enforcementDiscretion: clinic.settings.enforcementDiscretionHomeTests,
  optedIn: clinic.settings.homeTestOptIn.optedIn,
  antiFalsification: clinic.settings.homeTestOptIn.antiFalsificationProcedure ?? '',
});

/** The request body of a form; checked in the browser with the same contract schema as the server. */
export function clinicUpdateOf(values: Values): unknown {
  const procedure = values.antiFalsification.trim();
  return {
    name: values.name.trim(),
    jurisdiction: values.jurisdiction,
    timeZone: values.timeZone.trim(),
    settings: {
      usModificationDate: values.usModificationDate,
      enforcementDiscretionHomeTests: values.enforcementDiscretion,
      homeTestOptIn: procedure === '' ? { optedIn: values.optedIn } : { optedIn: values.optedIn, antiFalsificationProcedure: procedure },
    },
  };
}

function ClinicForm({ clinic, onSaved }: { readonly clinic: Clinic; readonly onSaved: (clinic: Clinic) => void }) {
  const client = useApiClient();
  const [values, setValues] = useState<Values>(() => valuesOf(clinic));
  const [problems, setProblems] = useState<readonly Field[]>([]);
  const [other, setOther] = useState<readonly string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = (patch: Partial<Values>): void => {
    setSaved(false);
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setOther([]);
    const body = clinicUpdateOf(values);
    const checked = clinicUpdateSchema.safeParse(body);
    if (!checked.success) {
      const found = splitFieldProblems(
        checked.error.issues.map((issue) => ({ pointer: `/${issue.path.map(String).join('/')}`, detail: issue.message })),
        FIELD_PATHS,
      );
      setProblems(found.fields);
      setOther(found.other);
      return;
    }
    setProblems([]);
    setBusy(true);
    client.sendFor('PUT', '/api/admin/clinic', parseClinic, { body: checked.data }).then(
      (answer) => {
        setBusy(false);
        setSaved(true);
        onSaved(answer);
      },
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.status === 409) {
          setProblems(['jurisdiction']);
          return;
        }
        if (error instanceof ApiError && error.errors.length > 0) {
          const found = splitFieldProblems(error.errors, FIELD_PATHS);
          setProblems(found.fields);
          setOther(found.other);
          return;
        }
        setOther([error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected')]);
      },
    );
  };

  const errorFor = (field: Field): string | undefined => (problems.includes(field) ? t(FIELD_MESSAGES[field]) : undefined);
  const summary = [...problems.map((field) => ({ message: t(FIELD_MESSAGES[field]), fieldId: FIELD_IDS[field] })), ...other.map((message) => ({ message }))];

  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      {saved ? (
        <p className="notice notice--success" role="status" data-testid="clinic-saved">
          {t('admin.saved')}
        </p>
      ) : null}
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-label={t('admin.clinic.title')}>
        <TextField id={FIELD_IDS.name} label={t('admin.clinic.name')} value={values.name} onChange={(name) => { update({ name }); }} error={errorFor('name')} />
        <SelectField
          id={FIELD_IDS.jurisdiction}
          label={t('admin.clinic.jurisdiction')}
          hint={t('admin.clinic.jurisdictionHint')}
          options={JURISDICTIONS.map((value) => ({ value, label: t(`admin.clinic.jurisdiction.${value}`) }))}
          value={values.jurisdiction}
          onChange={(value) => {
            const jurisdiction = JURISDICTIONS.find((candidate) => candidate === value);
            if (jurisdiction !== undefined) update({ jurisdiction });
          }}
          error={errorFor('jurisdiction')}
        />
        <TextField
          id={FIELD_IDS.timeZone}
          label={t('admin.clinic.timeZone')}
          hint={t('admin.clinic.timeZoneHint')}
          value={values.timeZone}
          onChange={(timeZone) => { update({ timeZone }); }}
          error={errorFor('timeZone')}
          spellCheck={false}
          width="medium"
        />
        <fieldset className="radio-group">
          <legend className="radio-group__legend">{t('admin.clinic.rulesLegend')}</legend>
          <TextField
            id={FIELD_IDS.usModificationDate}
            type="date"
            label={t('admin.clinic.usModificationDate')}
            value={values.usModificationDate}
            onChange={(usModificationDate) => { update({ usModificationDate }); }}
            error={errorFor('usModificationDate')}
            width="medium"
          />
          <CheckField id="clinic-enforcement" label={t('admin.clinic.enforcementDiscretion')} checked={values.enforcementDiscretion} onChange={(enforcementDiscretion) => { update({ enforcementDiscretion }); }} />
          <CheckField id="clinic-home-tests" label={t('admin.clinic.homeTestOptIn')} checked={values.optedIn} onChange={(optedIn) => { update({ optedIn }); }} />
          <TextField
            id={FIELD_IDS.antiFalsification}
            label={t('admin.clinic.antiFalsification')}
            hint={t('admin.clinic.antiFalsificationHint')}
            value={values.antiFalsification}
            onChange={(antiFalsification) => { update({ antiFalsification }); }}
            error={errorFor('antiFalsification')}
          />
        </fieldset>
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </form>
    </>
  );
}

/** The clinic's settings (GET/PUT /api/admin/clinic), checked field by field before saving. */
export function ClinicSettingsPage() {
  const query = useApiQuery('/api/admin/clinic', parseClinic);
  return (
    <>
      <PageTitle>{t('admin.clinic.title')}</PageTitle>
      <p className="lead">{t('admin.clinic.intro')}</p>
      <LoadState query={query} testId="clinic">
        {(clinic) => <ClinicForm clinic={clinic} onSaved={() => undefined} />}
      </LoadState>
    </>
  );
}
