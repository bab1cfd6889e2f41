import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './checks.js';

/** A name no other run or test uses (the demo database is shared by the whole run). */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** POST to the API as the page's signed-in account (with the session's CSRF token). */
export async function apiPost(page: Page, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrfToken } });
  return { status: response.status(), json: (await response.json()) as unknown };
}

/** Enrolls a patient through the API (for tests about a later form), returning the course id. */
export async function enrollByApi(page: Page, displayName: string, canGetPregnant: boolean): Promise<string> {
  const today = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const risk = canGetPregnant
    ? { category: 'can_get_pregnant', confirmedBy: 'prescriber', confirmedOn: today }
    : { category: 'cannot_get_pregnant', basis: [{ kind: 'total_hysterectomy' }], confirmedBy: 'prescriber', confirmedOn: today };
  const answer = await apiPost(page, '/api/patients', { displayName, birthDate: '1980-02-03', risk, baselineWeightKg: 70 });
  expect(answer.status).toBe(201);
  return (answer.json as { course: { id: string } }).course.id;
}

/** Presses Tab until `target` has focus (keyboard only), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The page has settled: an h1 and a ready server; then axe (no serious or critical) and a screenshot. */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('server-status')).toHaveText('Server: ready (database up)');
  await expectNoSeriousA11yViolations(page, name);
  await expectNoHorizontalScroll(page, name);
  await keepScreenshot(page, testInfo, name);
}
