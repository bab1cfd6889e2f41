import { expect, type Page } from '@playwright/test';
import { accounts, type RealAccount, type SimulatedAccount, type TestRole } from './accounts.js';

/**
 * Signs in through the API (the page's own cookie jar gets the HttpOnly session cookie), for
 * tests about something other than the sign-in form. The server allows 10 sign-ins a minute per
 * address (and locks an account after 5 wrong passwords): use this only where a real session is
 * needed, and prefer one sign-in per test.
 */
async function signInForReal(page: Page, account: RealAccount): Promise<void> {
  const response = await page.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), await response.text()).toBe(200);
}

let simulatedIds = 0;

/** Answers the session check as if `account` were signed in; see accounts.ts for why and when. */
async function simulate(page: Page, account: SimulatedAccount): Promise<void> {
  simulatedIds += 1;
  const user = {
    id: `simulated-${String(simulatedIds)}`,
    displayName: account.displayName,
    role: account.role,
    clinicId: account.role === 'pharmacist' ? null : 'simulated-clinic',
    pharmacyId: account.role === 'pharmacist' ? 'simulated-pharmacy' : null,
    patientId: account.role === 'patient' ? 'simulated-patient' : null,
    actsFor: account.role === 'designee' ? ['simulated-prescriber'] : [],
  };
  await page.route('**/api/auth/session', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ user, csrfToken: 'simulated-csrf-token' }) }),
  );
}

/** Makes the page's user the given role, for real or simulated (accounts.ts decides). */
export async function signInAs(page: Page, role: TestRole): Promise<void> {
  const account = accounts[role];
  if (account.kind === 'real') await signInForReal(page, account);
  else await simulate(page, account);
}
