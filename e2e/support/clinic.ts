import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Helpers of the clinic worklist and chart tests (e2e/clinic-worklist.spec.ts,
 * e2e/clinic-chart.spec.ts). Other specs may enroll courses, so an entry is looked for page by
 * page ("Show more courses") instead of being expected on the first page.
 */
export const worklistEntries = (page: Page): Locator => page.getByTestId('worklist-entry');

export function worklistEntry(page: Page, patientName: string): Locator {
  return page.locator(`[data-testid="worklist-entry"][data-patient="${patientName}"]`);
}

/** The patient's worklist entry, reading further pages until it is shown. */
export async function findWorklistEntry(page: Page, patientName: string): Promise<Locator> {
  const entry = worklistEntry(page, patientName);
  await expect(worklistEntries(page).first()).toBeVisible();
  for (let pages = 0; pages < 20 && (await entry.count()) === 0; pages += 1) {
    const more = page.getByTestId('worklist-more');
    if ((await more.count()) === 0) break;
    const before = await worklistEntries(page).count();
    await more.click();
    await expect.poll(() => worklistEntries(page).count()).toBeGreaterThan(before);
  }
  await expect(entry).toBeVisible();
  return entry;
}

/** Opens the worklist (with an optional query) and waits for its first entries. */
export async function openWorklist(page: Page, query = ''): Promise<void> {
  await page.goto(`/clinic/worklist${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible();
  await expect(worklistEntries(page).first()).toBeVisible();
}

/** Opens a patient's chart from the worklist, as a person would. */
export async function openChartFromWorklist(page: Page, patientName: string): Promise<void> {
  await openWorklist(page);
  const entry = await findWorklistEntry(page, patientName);
  await entry.getByRole('link', { name: patientName }).click();
  await expect(page).toHaveURL(/\/clinic\/courses\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: patientName })).toBeVisible();
}

/** Presses Tab until `target` has the focus (keyboard-only journeys), failing after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
