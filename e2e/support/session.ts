import { expect, type Cookie, type Page } from '@playwright/test';
import { accounts, type RealAccount, type TestRole } from './accounts.js';

/**
 * Sessions opened by this worker, by e-mail. The server allows 10 sign-ins a minute per address,
 * so each account signs in once per worker through the API, and later tests get the same session
 * cookie (checked with GET /api/auth/session first, and opened again if it has ended).
 */
const sessions = new Map<string, Cookie[]>();

async function sessionIsLive(page: Page): Promise<boolean> {
  const response = await page.request.get('/api/auth/session');
  return response.status() === 200;
}

/**
 * Signs `account` in for `page` (the page's own cookie jar gets the HttpOnly session cookie), for
 * tests about something other than the sign-in form.
 */
export async function signInAccount(page: Page, account: RealAccount): Promise<void> {
  const cookies = sessions.get(account.email);
  if (cookies !== undefined) {
    await page.context().addCookies(cookies);
    if (await sessionIsLive(page)) return;
    await page.context().clearCookies();
  }
  const response = await page.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(response.status(), await response.text()).toBe(200);
  sessions.set(account.email, await page.context().cookies());
}

/** Signs the page in as the given role's demo account (accounts.ts). */
export async function signInAs(page: Page, role: TestRole): Promise<void> {
  await signInAccount(page, accounts[role]);
}
