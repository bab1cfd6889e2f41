import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { collectProblems, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support/checks.js';
import { signInAs } from './support/session.js';

// The administration screens as the demo clinic administrator (Alex Morgan). Shared data is left
// as found: a changed clinic setting is put back, and users and pharmacies made here have names
// of their own (e2e/WEB.md).

test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 375, height: 800 };

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, name);
  await keepScreenshot(page, testInfo, name);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, name);
  await keepScreenshot(page, testInfo, `${name}-phone`);
  if (desktop !== null) await page.setViewportSize(desktop);
}

const unique = (): string => `${String(Date.now())}-${String(Math.floor(Math.random() * 1e6))}`;

test('the administration home links to every administration screen', async ({ page }, testInfo) => {
  await signInAs(page, 'clinic_admin');
  await page.goto('/admin');
  await expect(page.getByTestId('home-who')).toHaveText('Signed in as Alex Morgan, clinic administrator.');
  await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText(['Clinic settings', 'People and roles', 'Pharmacies', 'Audit log']);
  await check(page, testInfo, 'admin-home');
  await page.getByRole('link', { name: 'Clinic settings' }).click();
  await expect(page).toHaveURL('/admin/clinic');
});

test('clinic settings: a wrong time zone is refused at its field; a rule option is changed, saved and put back', async ({ page }, testInfo) => {
  const problems = collectProblems(page);
  await signInAs(page, 'clinic_admin');
  await page.goto('/admin/clinic');
  const timeZone = page.getByLabel('Time zone', { exact: true });
  await expect(timeZone).toHaveValue('America/New_York');
  await check(page, testInfo, 'admin-clinic');

  await timeZone.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter a time zone such as America/New_York');
  await expect(timeZone).toHaveAttribute('aria-invalid', 'true');
  await check(page, testInfo, 'admin-clinic-errors');
  await timeZone.fill('America/New_York');

  // the 2021 pack's home-test option: no decision of today's courses depends on it (the 2026 pack applies)
  const option = page.getByLabel('Accept home pregnancy tests under the 2021 rules (FDA enforcement discretion)');
  const before = await option.isChecked();
  await option.setChecked(!before);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('clinic-saved')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Accept home pregnancy tests under the 2021 rules (FDA enforcement discretion)')).toBeChecked({ checked: !before });
  // put back as found
  await page.getByLabel('Accept home pregnancy tests under the 2021 rules (FDA enforcement discretion)').setChecked(before);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('clinic-saved')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByLabel('Accept home pregnancy tests under the 2021 rules (FDA enforcement discretion)')).toBeChecked({ checked: before });
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('America/New_York');
  expect(problems).toEqual([]);
});

test('people and roles: a designee is created with a temporary password shown once, disabled, enabled, and given a new password', async ({ page }, testInfo) => {
  const problems = collectProblems(page);
  const id = unique();
  const name = `E2E Designee ${id}`;
  await signInAs(page, 'clinic_admin');
  await page.goto('/admin/users');
  await expect(page.getByTestId('users-list')).toContainText('Dr Dana Reyes');
  await check(page, testInfo, 'admin-users');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL('/admin/users/new');

  await page.getByLabel('Designee (acts for prescribers)').check();
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter the person’s name');
  await expect(page.getByTestId('error-summary')).toContainText('Choose at least one prescriber');
  await check(page, testInfo, 'admin-user-new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('E-mail address').fill(`e2e-designee-${id}@example.org`);
  await page.getByLabel('Dr Dana Reyes').check();
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByTestId('user-created')).toHaveText(`Account created for ${name}.`);
  await expect(page.getByTestId('temporary-password-value')).not.toBeEmpty();
  await check(page, testInfo, 'admin-user-created');

  await page.getByRole('link', { name: `Open ${name}` }).click();
  await expect(page.getByTestId('user-heading')).toContainText(name);
  await expect(page.getByLabel('Dr Dana Reyes')).toBeChecked();
  await expect(page.getByTestId('user-status')).toHaveText('Status: Temporary password');
  await check(page, testInfo, 'admin-user');

  await page.getByRole('button', { name: 'Disable the account' }).click();
  await expect(page.getByTestId('user-confirm')).toContainText(`Disable ${name}?`);
  await page.getByRole('button', { name: 'Yes, disable' }).click();
  await expect(page.getByTestId('user-access-message')).toHaveText('The account is disabled.');
  await expect(page.getByTestId('user-status')).toHaveText('Status: Disabled');
  await page.getByRole('button', { name: 'Enable the account' }).click();
  await expect(page.getByTestId('user-access-message')).toHaveText('The account is enabled.');
  await expect(page.getByTestId('user-status')).not.toHaveText('Status: Disabled');

  await page.getByRole('button', { name: 'Reset the password' }).click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByTestId('temporary-password-value')).not.toBeEmpty();

  await page.getByLabel('Name', { exact: true }).fill(`${name} (renamed)`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('user-heading')).toContainText(`${name} (renamed)`);
  expect(problems).toEqual([]);
});

test('pharmacies: one is added with its certification date and its name corrected', async ({ page }, testInfo) => {
  const problems = collectProblems(page);
  const name = `E2E Pharmacy ${unique()}`;
  await signInAs(page, 'clinic_admin');
  await page.goto('/admin/pharmacies');
  await expect(page.getByTestId('pharmacies-list')).toBeVisible();
  await page.getByRole('button', { name: 'Add the pharmacy' }).click();
  await expect(page.getByTestId('pharmacy-errors')).toContainText('Enter the pharmacy name');
  await check(page, testInfo, 'admin-pharmacies');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Certified on').fill('2026-01-15');
  await page.getByRole('button', { name: 'Add the pharmacy' }).click();
  await expect(page.getByTestId('pharmacy-added')).toHaveText(`${name} was added.`);
  const entry = page.getByTestId('pharmacy-entry').filter({ hasText: name });
  await expect(entry).toContainText('Thursday 15 January 2026');

  await entry.getByRole('link', { name: `Change ${name}` }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await check(page, testInfo, 'admin-pharmacy');
  await page.getByLabel('Name', { exact: true }).fill(`${name} (corrected)`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await expect(page.getByTestId('pharmacy-entry').filter({ hasText: `${name} (corrected)` })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('the audit log says the chain is intact, filters by action and person, and refuses a reversed date range', async ({ page }, testInfo) => {
  const problems = collectProblems(page);
  await signInAs(page, 'clinic_admin');
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-verification')).toContainText('The audit log is intact: all');
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await check(page, testInfo, 'admin-audit');
  // the demo's history is longer than a page: older entries are added below, none repeated
  await expect(page.getByTestId('audit-count')).toHaveText('50 entries shown.');
  await page.getByRole('button', { name: 'Show older entries' }).click();
  await expect(page.getByTestId('audit-count')).not.toHaveText('50 entries shown.');
  const numbers = await page.getByTestId('audit-entry').locator('.rule-id').allTextContents();
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.length).toBeGreaterThan(50);

  await page.getByLabel('Action', { exact: true }).fill('Sign In!');
  await page.getByLabel('From (first day)').fill('2026-11-20');
  await page.getByLabel('To (last day)').fill('2026-11-01');
  await page.getByRole('button', { name: 'Apply the filters' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter the action in lower case with underscores');
  await check(page, testInfo, 'admin-audit-errors');
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await page.getByLabel('From (first day)').fill('2026-11-20');
  await page.getByLabel('To (last day)').fill('2026-11-01');
  await page.getByRole('button', { name: 'Apply the filters' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('The first day must not be after the last day');
  await page.getByRole('button', { name: 'Clear the filters' }).click();

  // the administrator's own reads of the log: action "read" by Alex Morgan
  await page.getByLabel('Who').selectOption({ label: 'Alex Morgan' });
  await page.getByLabel('Action', { exact: true }).fill('read');
  await page.getByRole('button', { name: 'Apply the filters' }).click();
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toBeVisible();
  const count = await entries.count();
  for (let i = 0; i < count; i += 1) {
    await expect(entries.nth(i)).toContainText('read');
    await expect(entries.nth(i)).toContainText('Alex Morgan');
  }
  expect(problems).toEqual([]);
});
