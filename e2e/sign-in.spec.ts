import { expect, test, type Page } from '@playwright/test';
import { clinicAdmin } from './support/accounts.js';
import { collectProblems } from './support/checks.js';
import { signInAs } from './support/session.js';

// Signing in and out against the real server, as the bootstrapped clinic administrator. Refusals
// the test cannot cause without locking the account for 15 minutes (a locked account, the rate
// limit, a one-time code) are answered by the test with the server's own problem+json shape.

const emailField = (page: Page) => page.getByLabel('E-mail address');
const passwordField = (page: Page) => page.getByLabel('Password', { exact: true });
const summary = (page: Page) => page.getByTestId('error-summary');
const problem = (code: string, status: number, extra: Record<string, unknown> = {}) => ({
  status,
  contentType: 'application/problem+json; charset=utf-8',
  body: JSON.stringify({ type: `urn:isocourse:problem:${code}`, title: code, status, code, requestId: 'e2e', ...extra }),
});

test.describe('signing in', () => {
  test('a wrong password is refused without saying whether the account exists; then the right one opens the clinic home, a reload keeps the session, and sign-out ends it', async ({ page }) => {
    // the wrong password's 401 and the signed-out session checks are expected; nothing else is
    const problems = collectProblems(page, [
      { pathEnd: '/api/auth/login', status: 401 },
      { pathEnd: '/api/auth/session', status: 401 },
    ]);
    await page.goto('/sign-in');
    await emailField(page).fill(clinicAdmin.email);
    await passwordField(page).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(summary(page)).toBeFocused();
    await expect(summary(page)).toContainText('There is a problem');
    await expect(summary(page)).toContainText('The e-mail address or the password is not right. Check them and try again.');
    await expect(passwordField(page)).toHaveValue('');
    await expect(emailField(page)).toHaveValue(clinicAdmin.email);

    await passwordField(page).fill(clinicAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/clinic');
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeFocused();
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Alex Morgan, clinic administrator.');
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Alex Morgan (clinic administrator)');
    await expect(page.getByTestId('coming-soon')).toContainText('Nothing here shows sample data.');
    // a clinic administrator sees their two areas only
    const nav = page.getByRole('navigation', { name: 'Areas' });
    await expect(nav.getByRole('link')).toHaveText(['Clinic', 'Administration', 'Learn']);

    await page.reload();
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Alex Morgan, clinic administrator.');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/sign-in');
    await expect(page.getByTestId('signed-out-notice')).toHaveText('You have signed out.');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused();
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await page.goto('/clinic');
    await expect(page).toHaveURL('/sign-in?next=%2Fclinic');
    expect(problems).toEqual([]);
  });

  test('a signed-out visit to a role page goes to sign-in, and back to that page afterwards', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL('/sign-in?next=%2Fadmin');
    await expect(page.getByText('Sign in to continue to the page you asked for.')).toBeVisible();
    await emailField(page).fill(clinicAdmin.email);
    await passwordField(page).fill(clinicAdmin.password);
    await passwordField(page).press('Enter');
    await expect(page).toHaveURL('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Alex Morgan, clinic administrator.');
    // the sign-in form was replaced in the history: Back does not return to it
    await page.goBack();
    await expect(page).not.toHaveURL(/sign-in/);
  });

  test('asks for both fields before sending anything, each error next to its field', async ({ page }) => {
    const logins: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/login')) logins.push(request.url());
    });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole('link')).toHaveText(['Enter your e-mail address.', 'Enter your password.']);
    await expect(emailField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#sign-in-email-error')).toHaveText('Error: Enter your e-mail address.');
    await summary(page).getByRole('link', { name: 'Enter your password.' }).click();
    await expect(passwordField(page)).toBeFocused();
    expect(logins).toEqual([]);
  });

  test('shows the fields the server refused, from its errors[] list', async ({ page }) => {
    await page.goto('/sign-in');
    await emailField(page).fill('ab');
    await passwordField(page).fill('whatever');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary(page)).toBeFocused();
    await expect(page.locator('#sign-in-email-error')).toHaveText('Error: Enter your e-mail address in the right format, like name@example.com.');
    await expect(emailField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(passwordField(page)).not.toHaveAttribute('aria-invalid', 'true');
  });

  test.describe('in Tokyo', () => {
    test.use({ timezoneId: 'Asia/Tokyo' });

    test('a locked account is told the local time when it can try again', async ({ page }) => {
      await page.clock.setFixedTime(new Date('2026-03-02T01:00:00Z'));
      await page.route('**/api/auth/login', (route) =>
        route.fulfill(problem('account_locked', 403, { detail: 'Too many failed attempts.', lockedUntil: '2026-03-02T01:15:00.000Z' })),
      );
      await page.goto('/sign-in');
      await emailField(page).fill(clinicAdmin.email);
      await passwordField(page).fill('anything');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // 01:15 UTC is 10:15 in Tokyo
      await expect(summary(page)).toContainText('Signing in is paused after too many wrong attempts. Try again after 10:15.');
    });
  });

  test('too many attempts says how long to wait', async ({ page }) => {
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({ ...problem('too_many_requests', 429), headers: { 'retry-after': '42' } }),
    );
    await page.goto('/sign-in');
    await emailField(page).fill(clinicAdmin.email);
    await passwordField(page).fill('anything');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(summary(page)).toContainText('Too many sign-in attempts from this device in a short time. Wait 42 seconds, then try again.');
  });

  test('asks for the one-time code when the account needs one, and sends it', async ({ page }) => {
    const bodies: unknown[] = [];
    await page.route('**/api/auth/login', async (route) => {
      const body: unknown = route.request().postDataJSON();
      bodies.push(body);
      if (bodies.length === 1) return route.fulfill(problem('totp_required', 401, { detail: 'Enter the 6-digit code.' }));
      const user = { id: 'u', displayName: 'Robin Admin', role: 'clinic_admin', clinicId: 'c', pharmacyId: null, patientId: null, actsFor: [] };
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ user, csrfToken: 't' }) });
    });
    await page.goto('/sign-in');
    await expect(page.getByLabel('One-time code')).toHaveCount(0);
    await emailField(page).fill(clinicAdmin.email);
    await passwordField(page).fill(clinicAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const code = page.getByLabel('One-time code');
    await expect(code).toBeFocused();
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await code.fill('12345');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#sign-in-code-error')).toHaveText('Error: Enter the 6-digit code from your authenticator app, like 123456.');
    expect(bodies).toHaveLength(1);

    await code.fill('123456');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/clinic');
    expect(bodies[1]).toEqual({ email: clinicAdmin.email, password: clinicAdmin.password, totpCode: '123456' });
  });

  test('can be done with the keyboard only', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    // from the top of the page: skip link, then straight to the form
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(emailField(page)).toBeFocused();
    await page.keyboard.type(clinicAdmin.email);
    await page.keyboard.press('Tab');
    await expect(passwordField(page)).toBeFocused();
    await page.keyboard.type(clinicAdmin.password);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/clinic');
    await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeFocused();
  });
});

test.describe('role areas', () => {
  test('another role’s page says clearly that it is not available, and leads home', async ({ page }) => {
    await signInAs(page, 'clinic_admin');
    await page.goto('/patient/mood-check');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
    await expect(page.getByTestId('not-for-role')).toHaveText(
      'The page “Mood check-in (PHQ-9)” in the Patient area is not available to you: you are signed in as clinic administrator.',
    );
    await expect(page).toHaveTitle('Not available for your role · isocourse');

    // the dose calculator is for prescribers and designees, not for the clinic's administrator
    await page.goto('/clinic/dose-calculator');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('listitem')).toHaveText(['prescriber', 'designee (acts for a prescriber)']);
    await page.getByRole('link', { name: 'Go to your home page' }).click();
    await expect(page).toHaveURL('/clinic');
    await expect(page.getByTestId('dose-for-prescribers')).toHaveText('The dose calculator is for prescribers and their designees.');
  });
});
