import { useState, type SubmitEvent } from 'react';
import { managedUserSchema, temporaryPasswordSchema, type UpdateUserRequest } from '../../../src/contracts/admin.js';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { useApiClient, useSignedInUser } from '../session/session-context.js';
import { PrescriberChoice } from './PrescriberChoice.js';
import { TemporaryPassword } from './TemporaryPassword.js';
import { SPECIALTIES, type Specialty } from './user-form.js';
import { parseUsers, userStatusText, type ManagedUser } from './UsersPage.js';

const parseUser = parserFor(managedUserSchema);
const parseTemporary = parserFor(temporaryPasswordSchema);
type Temporary = z.output<typeof temporaryPasswordSchema>;

const errorText = (error: unknown): string => (error instanceof ApiError ? apiErrorMessage(error) : t('apiError.unexpected'));

function DetailsForm({ user, prescribers, onSaved }: { readonly user: ManagedUser; readonly prescribers: readonly ManagedUser[]; readonly onSaved: (user: ManagedUser) => void }) {
  const client = useApiClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [specialty, setSpecialty] = useState<Specialty>(SPECIALTIES.find((s) => s === user.specialty) ?? 'other');
  const [certifiedOn, setCertifiedOn] = useState(user.certifiedOn ?? '');
  const [actsFor, setActsFor] = useState<readonly string[]>(user.actsFor);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setSaved(false);
    if (displayName.trim() === '') {
      setProblem(t('admin.userNew.displayNameMissing'));
      return;
    }
    setProblem(undefined);
    const body: UpdateUserRequest = {
      displayName: displayName.trim(),
      ...(user.role === 'prescriber' ? { specialty, certifiedOn: certifiedOn === '' ? null : certifiedOn } : {}),
      ...(user.role === 'designee' ? { actsFor: [...actsFor] } : {}),
    };
    setBusy(true);
    client.sendFor('PATCH', `/api/admin/users/${encodeURIComponent(user.id)}`, parseUser, { body }).then(
      (answer) => {
        setBusy(false);
        setSaved(true);
        onSaved(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(errorText(error));
      },
    );
  };

  return (
    <section className="home-section" aria-labelledby="details-heading">
      <h2 id="details-heading" className="section-title">
        {t('admin.user.editHeading')}
      </h2>
      <ErrorSummary items={problem === undefined ? [] : [{ message: problem, fieldId: 'user-name' }]} focusKey={attempt} />
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('admin.saved')}
        </p>
      ) : null}
      <form className="form form--narrow" noValidate onSubmit={onSubmit} aria-labelledby="details-heading">
        <TextField id="user-name" label={t('admin.userNew.displayName')} value={displayName} onChange={setDisplayName} autoComplete="off" />
        {user.role === 'prescriber' ? (
          <>
            <SelectField
              id="user-specialty"
              label={t('admin.userNew.specialty')}
              options={SPECIALTIES.map((value) => ({ value, label: t(`admin.specialty.${value}`) }))}
              value={specialty}
              onChange={(value) => {
                setSpecialty(SPECIALTIES.find((candidate) => candidate === value) ?? specialty);
              }}
            />
            <TextField id="user-certified" type="date" width="medium" label={t('admin.userNew.certifiedOn')} value={certifiedOn} onChange={setCertifiedOn} />
          </>
        ) : null}
        {user.role === 'designee' ? <PrescriberChoice prescribers={prescribers} chosen={actsFor} onChange={setActsFor} /> : null}
        <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </form>
    </section>
  );
}

type Pending = 'disable' | 'reset' | undefined;

function AccessActions({ user, onChanged }: { readonly user: ManagedUser; readonly onChanged: (user: ManagedUser) => void }) {
  const client = useApiClient();
  const me = useSignedInUser();
  const [pending, setPending] = useState<Pending>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [temporary, setTemporary] = useState<Temporary | undefined>(undefined);
  const own = user.id === me.id;

  const run = (action: 'disable' | 'enable'): void => {
    setBusy(true);
    setFailure(undefined);
    client.sendFor('POST', `/api/admin/users/${encodeURIComponent(user.id)}/${action}`, parseUser).then(
      (answer) => {
        setBusy(false);
        setPending(undefined);
        setMessage(action === 'disable' ? t('admin.user.disabledNow') : t('admin.user.enabledNow'));
        onChanged(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(errorText(error));
      },
    );
  };
  const reset = (): void => {
    setBusy(true);
    setFailure(undefined);
    client.sendFor('POST', `/api/admin/users/${encodeURIComponent(user.id)}/password-reset`, parseTemporary).then(
      (answer) => {
        setBusy(false);
        setPending(undefined);
        setTemporary(answer);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(errorText(error));
      },
    );
  };

  return (
    <section className="home-section" aria-labelledby="access-heading">
      <h2 id="access-heading" className="section-title">
        {t('admin.user.accessHeading')}
      </h2>
      <p data-testid="user-status">
        {t('admin.users.status')}: <strong>{userStatusText(user)}</strong>
      </p>
      {message === undefined ? null : (
        <p className="notice notice--success" role="status" data-testid="user-access-message">
          {message}
        </p>
      )}
      {temporary === undefined ? null : <TemporaryPassword password={temporary.temporaryPassword} expiresAt={temporary.expiresAt} />}
      {pending === undefined ? (
        <div className="button-row">
          {user.disabled ? (
            <button type="button" className="button button--secondary" aria-disabled={busy ? true : undefined} onClick={() => { if (!busy) run('enable'); }}>
              {t('admin.user.enable')}
            </button>
          ) : own ? (
            <p className="small-print">{t('admin.user.ownAccount')}</p>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => { setMessage(undefined); setPending('disable'); }}>
              {t('admin.user.disable')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => { setMessage(undefined); setTemporary(undefined); setPending('reset'); }}>
            {t('admin.user.reset')}
          </button>
        </div>
      ) : (
        <div className="confirm" role="group" aria-label={pending === 'disable' ? t('admin.user.disable') : t('admin.user.reset')} data-testid="user-confirm">
          <p>{pending === 'disable' ? t('admin.user.disableConfirm', { name: user.displayName }) : t('admin.user.resetConfirm', { name: user.displayName })}</p>
          <div className="button-row">
            <button type="button" className="button" aria-disabled={busy ? true : undefined} onClick={() => { if (!busy) { if (pending === 'disable') run('disable'); else reset(); } }}>
              {pending === 'disable' ? t('admin.user.confirmDisable') : t('admin.user.confirmReset')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => { setPending(undefined); }}>
              {t('admin.cancel')}
            </button>
          </div>
        </div>
      )}
      {failure === undefined ? null : (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

function UserDetail({ initial, prescribers }: { readonly initial: ManagedUser; readonly prescribers: readonly ManagedUser[] }) {
  const [user, setUser] = useState(initial);
  return (
    <>
      <p className="lead" data-testid="user-heading">
        <strong>{user.displayName}</strong> · {t(`admin.role.${user.role}`)} · <span className="path-text">{user.email}</span>
      </p>
      <p className="small-print">{t('admin.user.created', { date: formatLongDate(user.createdAt.slice(0, 10)) })}</p>
      <DetailsForm user={user} prescribers={prescribers.filter((p) => p.id !== user.id)} onSaved={setUser} />
      <AccessActions user={user} onChanged={setUser} />
      <p>
        <AppLink to={screenPath('adminUsers')}>{t('admin.backToList')}</AppLink>
      </p>
    </>
  );
}

/** One account: change its details, disable or enable it, reset its password. */
export function UserPage({ userId }: { readonly userId: string }) {
  // there is no single-account read: the clinic's list holds it, and its prescribers for designees
  const query = useApiQuery('/api/admin/users?status=all', parseUsers);
  return (
    <>
      <PageTitle>{t('admin.user.title')}</PageTitle>
      <LoadState query={query} testId="user">
        {(users) => {
          const user = users.find((candidate) => candidate.id === userId);
          if (user === undefined) return <p className="notice">{t('admin.user.notFound')}</p>;
          return <UserDetail key={user.id} initial={user} prescribers={users.filter((candidate) => candidate.role === 'prescriber' && !candidate.disabled)} />;
        }}
      </LoadState>
    </>
  );
}
