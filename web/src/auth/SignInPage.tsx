import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary, type SummaryItem } from '../forms/ErrorSummary.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { navigate, useSearch } from '../routing/use-location.js';
import { homePathFor, roleNameKey } from '../session/roles.js';
import { safeReturnPath } from '../session/return-path.js';
import { useSession } from '../session/session-context.js';
import { checkBeforeSending, describeSignInError, type SignInField } from './sign-in-errors.js';

const FIELD_IDS: Record<SignInField, string> = { email: 'sign-in-email', password: 'sign-in-password', totpCode: 'sign-in-code' };
const FIELD_ORDER: readonly SignInField[] = ['email', 'password', 'totpCode'];

function summaryItems(general: string | undefined, fields: Partial<Record<SignInField, string>>): SummaryItem[] {
  const items: SummaryItem[] = general === undefined ? [] : [{ message: general }];
  for (const field of FIELD_ORDER) {
    const message = fields[field];
    if (message !== undefined) items.push({ message, fieldId: FIELD_IDS[field] });
  }
  return items;
}

export function SignInPage() {
  const session = useSession();
  const search = useSearch();
  const returnPath = safeReturnPath(new URLSearchParams(search).get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SignInField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const focusCode = useRef(false);

  useEffect(() => {
    if (needsCode && focusCode.current) {
      focusCode.current = false;
      codeRef.current?.focus();
    }
  }, [needsCode, attempt]);

  if (session.state.status === 'signedIn') {
    const { user } = session.state;
    return (
      <>
        <PageTitle>{t('signIn.title')}</PageTitle>
        <p className="lead">{t('signIn.alreadySignedIn', { name: user.displayName, role: t(roleNameKey[user.role]) })}</p>
        <p>
          <AppLink to={homePathFor(user.role)}>{t('signIn.goHome')}</AppLink>
        </p>
      </>
    );
  }

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const values = { email, password, totpCode };
    const local = checkBeforeSending(values, needsCode);
    if (Object.keys(local).length > 0) {
      setGeneral(undefined);
      setFieldErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const user = await session.signIn({
        email: email.trim(),
        password,
        ...(needsCode ? { totpCode: totpCode.trim() } : {}),
      });
      // the sign-in form is not a place to go back to: replace it in the history
      navigate(returnPath ?? homePathFor(user.role), { replace: true });
    } catch (error) {
      const outcome = describeSignInError(error, needsCode, new Date());
      if (outcome.kind === 'needsCode') {
        setGeneral(undefined);
        setFieldErrors({});
        setNeedsCode(true);
        focusCode.current = true;
        setAttempt((n) => n + 1);
      } else {
        setGeneral(outcome.general);
        setFieldErrors(outcome.fields);
        if (outcome.general !== undefined) {
          // a refused attempt is not repeated by pressing Enter again with the same secret
          setPassword('');
          setTotpCode('');
        }
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const items = summaryItems(general, fieldErrors);
  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      {session.state.status === 'signedOut' && session.state.justSignedOut ? (
        <p className="notice notice--success" role="status" data-testid="signed-out-notice">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      {returnPath === undefined ? null : <p className="lead">{t('signIn.toContinue')}</p>}
      <ErrorSummary items={items} focusKey={attempt} />
      <form
        className="form form--narrow"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          void onSubmit(event);
        }}
      >
        <TextField
          id={FIELD_IDS.email}
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
        />
        <TextField
          id={FIELD_IDS.password}
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        {needsCode ? (
          <TextField
            id={FIELD_IDS.totpCode}
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            width="short"
            inputRef={codeRef}
            value={totpCode}
            onChange={setTotpCode}
            error={fieldErrors.totpCode}
          />
        ) : null}
        <button className="button" type="submit" aria-disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p className="small-print">{t('signIn.noAccount')}</p>
      <p>
        <AppLink to="/learn">{t('signIn.learnLink')}</AppLink>
      </p>
    </>
  );
}
