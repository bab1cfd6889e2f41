import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support/checks.js';
import { findWorklistEntry, openWorklist, tabTo, worklistEntries, worklistEntry } from './support/clinic.js';
import { signInAs } from './support/session.js';

// The clinic worklist (GET /api/clinics/:clinicId/worklist) on the demo clinic: red flags first,
// what is due, overdue and blocked with dates, filters kept in the address. Nothing here changes
// the record.

test.describe.configure({ timeout: 90_000 });

/** Every entry with a red flag comes before every entry without one. */
async function expectFlagsFirst(page: Page): Promise<void> {
  const flagged = await worklistEntries(page).evaluateAll((entries) => entries.map((e) => e.querySelector('[data-testid="worklist-flags"]') !== null));
  const firstUnflagged = flagged.indexOf(false);
  expect(firstUnflagged === -1 ? [] : flagged.slice(firstUnflagged)).not.toContain(true);
}

async function expectDemoRedFlags(page: Page): Promise<void> {
  await expectFlagsFirst(page);
  await expect((await findWorklistEntry(page, 'Taylor Brooks')).getByTestId('worklist-flags')).toContainText('PHQ-9 item 9');
  await expect((await findWorklistEntry(page, 'Chris Novak')).getByTestId('worklist-flags')).toContainText('CTCAE grade 3');
  await expect((await findWorklistEntry(page, 'Casey Morgan')).getByTestId('worklist-flags')).toContainText('Positive pregnancy test');
}

test.describe('the clinic worklist', () => {
  test('a prescriber opens it from the clinic home and sees the red flags first', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await page.goto('/clinic');
    await page.getByRole('main').getByRole('link', { name: 'Open the worklist' }).click();
    await expect(page).toHaveURL('/clinic/worklist');
    await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeFocused();
    await expect(worklistEntries(page).first()).toBeVisible();
    await expect(page.getByTestId('worklist-asof')).toContainText(/As of \w+day \d+ \w+ \d{4}/);
    await expectDemoRedFlags(page);
    // each entry links to its chart
    await expect(worklistEntry(page, 'Chris Novak').getByRole('link', { name: 'Chris Novak' })).toHaveAttribute('href', /^\/clinic\/courses\/[0-9a-f-]{36}$/);
  });

  test('filtered to blocked: Riley’s unmet requirements with their earliest dates and rules, and the filter in the address', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openWorklist(page);
    await page.getByLabel('Next authorization blocked').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL('/clinic/worklist?filter=blocked');
    await expect(page.getByLabel('Next authorization blocked')).toBeChecked();
    const riley = await findWorklistEntry(page, 'Riley Chen');
    const blocked = riley.getByTestId('worklist-blocked');
    await expect(blocked).toContainText('Next authorization blocked until:');
    await expect(blocked).toContainText('No valid confirmation test');
    await expect(blocked).toContainText(/Earliest: \w+day \d+ \w+ \d{4}\./);
    await expect(blocked).toContainText('Rule US3');
    // every course shown is blocked
    const shown = await worklistEntries(page).count();
    await expect(page.locator('[data-testid="worklist-entry"] [data-testid="worklist-blocked"]')).toHaveCount(shown);
    // the address is the state: a reload shows the same list
    await page.reload();
    await expect(page.getByLabel('Next authorization blocked')).toBeChecked();
    await expect(worklistEntry(page, 'Riley Chen')).toBeVisible();
  });

  test('a designee sees the same worklist, red flags first', async ({ page }) => {
    await signInAs(page, 'designee');
    await openWorklist(page);
    await expectDemoRedFlags(page);
  });

  test('keyboard only: status and filter chosen and applied without a mouse', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openWorklist(page);
    const active = page.getByRole('checkbox', { name: 'Active' });
    await tabTo(page, active);
    await page.keyboard.press('Space');
    await expect(active).toBeChecked();
    await tabTo(page, page.getByRole('radio', { name: 'Everything' }));
    // arrow keys move between the choices of one question
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Something due' })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Red flags' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Apply filters' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/clinic/worklist?status=active&filter=flagged');
    await expect(worklistEntry(page, 'Taylor Brooks')).toBeVisible();
    await expect(worklistEntry(page, 'Chris Novak')).toBeVisible();
    // Casey's course is stopped: not in a list of active courses
    await expect(worklistEntry(page, 'Casey Morgan')).toHaveCount(0);
    // the link to the chart is reachable and followed with the keyboard
    const link = worklistEntry(page, 'Taylor Brooks').getByRole('link', { name: 'Taylor Brooks' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Taylor Brooks' })).toBeVisible();
  });

  test('“Show more courses” reads the next keyset page with the cursor, and focus moves to the first course read', async ({ page }) => {
    await signInAs(page, 'prescriber');
    // pages of 3 (the demo clinic has 8 courses), so the real server's cursor is used
    await page.route('**/api/clinics/*/worklist*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '3');
      return route.continue({ url: url.toString() });
    });
    await openWorklist(page);
    await expect(worklistEntries(page)).toHaveCount(3);
    await expectFlagsFirst(page);
    await page.getByTestId('worklist-more').click();
    await expect(worklistEntries(page)).toHaveCount(6);
    await expect(worklistEntries(page).nth(3).getByRole('link')).toBeFocused();
    // no course twice across pages
    await findWorklistEntry(page, 'Riley Chen');
    const ids = await worklistEntries(page).evaluateAll((entries) => entries.map((e) => e.querySelector('a')?.getAttribute('href')));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('accessibility and screenshots: desktop and phone width, no sideways scrolling', async ({ page }, testInfo) => {
    await signInAs(page, 'prescriber');
    await openWorklist(page);
    await expect(page.getByTestId('server-status')).toHaveText('Server: ready (database up)');
    await expectNoSeriousA11yViolations(page, 'clinic worklist');
    await keepScreenshot(page, testInfo, 'clinic-worklist');
    await page.setViewportSize({ width: 375, height: 800 });
    await openWorklist(page, '?filter=blocked');
    await expectNoHorizontalScroll(page, 'the clinic worklist at 375 px');
    await expectNoSeriousA11yViolations(page, 'clinic worklist (phone)');
    await keepScreenshot(page, testInfo, 'clinic-worklist-phone');
  });
});
