import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { collectProblems, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support/checks.js';
import { openAuthorizationOf } from './support/demo-authorizations.js';
import { signInAs } from './support/session.js';

// The pharmacy screens as the demo pharmacist (Pat Okafor): look-up by number and date of birth,
// dispense with the Medication Guide, the worklist, reverse. Owned shared changes (e2e/WEB.md):
// Sam Rivera's open authorization is dispensed, Jamie Park's (window missed) is reversed.

test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 375, height: 800 };

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, name);
  await keepScreenshot(page, testInfo, name);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, name);
  await keepScreenshot(page, testInfo, `${name}-phone`);
  if (desktop !== null) await page.setViewportSize(desktop);
}

/** A day that is not the patient's birthday (the day after, or before at a month's end). */
function wrongDay(birthDate: string): string {
  const day = Number(birthDate.slice(8, 10));
  return `${birthDate.slice(0, 8)}${String(day >= 28 ? day - 1 : day + 1).padStart(2, '0')}`;
}

async function lookUp(page: Page, number: string, birthDate: string): Promise<void> {
  await page.getByLabel('Authorization number').fill(number);
  await page.getByLabel('Patient’s date of birth').fill(birthDate);
  await page.getByRole('button', { name: 'Look up' }).click();
}

const expectedProblems = [
  { pathEnd: '/api/auth/session', status: 401 },
  { pathEnd: '/api/authorizations/verify', status: 404 },
];

test('a pharmacist looks up Sam’s authorization, is refused with a wrong date of birth, and dispenses it with the Medication Guide', async ({ page, browser, baseURL }, testInfo) => {
  const sam = await openAuthorizationOf(browser, baseURL ?? '', 'Sam Rivera');
  const problems = collectProblems(page, expectedProblems);
  await signInAs(page, 'pharmacist');

  await page.goto('/pharmacy');
  await expect(page.getByTestId('home-who')).toHaveText('Signed in as Pat Okafor, pharmacist.');
  await check(page, testInfo, 'pharmacy-home');
  await page.getByRole('link', { name: 'Look up an authorization' }).click();
  await expect(page).toHaveURL('/pharmacy/lookup');
  await check(page, testInfo, 'pharmacy-lookup');

  // the format is checked before anything is sent, with what is wrong said plainly
  await lookUp(page, 'ISO-ABCD-EFGH', sam.birthDate);
  await expect(page.getByTestId('error-summary')).toContainText('Enter the number as ISO followed by three groups of four letters or digits');
  await lookUp(page, sam.number.replace(/.$/, 'O'), sam.birthDate);
  await expect(page.getByTestId('error-summary')).toContainText('never use 0, 1, I or O');
  await check(page, testInfo, 'pharmacy-lookup-errors');

  // a wrong date of birth: the same answer as a wrong number, nothing about the patient
  await lookUp(page, sam.number.toLowerCase().replace(/-/g, ' '), wrongDay(sam.birthDate));
  await expect(page.getByTestId('lookup-failure')).toHaveText('No authorization matches that number and date of birth. Check both with the patient; do not dispense.');
  await expect(page.getByTestId('verify-result')).toHaveCount(0);
  await expect(page.getByText('Sam Rivera')).toHaveCount(0);

  await lookUp(page, sam.number, sam.birthDate);
  await expect(page.getByTestId('verdict')).toHaveText('Yes: you may dispense this now.');
  await expect(page.getByTestId('verify-patient')).toHaveText('Sam Rivera');
  await expect(page.getByRole('heading', { level: 2, name: `Authorization ${sam.number}` })).toBeFocused();
  await expect(page.getByText('Last day to collect (do not dispense after)')).toBeVisible();
  await check(page, testInfo, 'pharmacy-verified');

  // looked up here, it waits on the pharmacy's worklist, last day first
  await page.goto('/pharmacy/worklist');
  await expect(page.getByTestId(`waiting-${sam.number}`)).toContainText('Sam Rivera');
  await check(page, testInfo, 'pharmacy-worklist');
  await page.getByRole('link', { name: `Dispense ${sam.number}` }).click();
  await expect(page).toHaveURL(`/pharmacy/lookup/${sam.number}`);
  await expect(page.getByLabel('Authorization number')).toHaveValue(sam.number);
  await page.getByLabel('Patient’s date of birth').fill(sam.birthDate);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByTestId('verdict')).toHaveText('Yes: you may dispense this now.');

  // the Medication Guide and the RMA are required before anything is sent
  await expect(page.getByLabel('Do Not Dispense To Patient After date')).toHaveValue(sam.lastDayToCollect);
  await page.getByRole('button', { name: 'Record the dispense' }).click();
  await expect(page.getByTestId('dispense-errors')).toContainText('Confirm that you gave the Medication Guide');
  await expect(page.getByTestId('dispense-errors')).toContainText('Enter the RMA number from iPLEDGE');
  await page.getByLabel('iPLEDGE RMA number').fill('RMA-E2E-0001');
  await page.getByLabel('I gave the patient the Medication Guide with this dispense').check();
  await check(page, testInfo, 'pharmacy-dispense-form');
  await page.getByRole('button', { name: 'Record the dispense' }).click();
  await expect(page.getByTestId('dispense-done')).toContainText('Dispense recorded. Hand the medicine to Sam Rivera.');
  await expect(page.getByTestId('dispense-rma')).toHaveText('RMA-E2E-0001');
  await expect(page.getByTestId('dispense-record')).not.toBeEmpty();
  await check(page, testInfo, 'pharmacy-dispensed');

  // dispensed, it leaves the waiting list; looked up again, it says so and may not be dispensed
  await page.goto('/pharmacy/worklist');
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting to be collected' })).toBeVisible();
  await expect(page.getByTestId(`waiting-${sam.number}`)).toHaveCount(0);
  await page.goto('/pharmacy/lookup');
  await lookUp(page, sam.number, sam.birthDate);
  await expect(page.getByTestId('verdict')).toHaveText('Do not dispense now.');
  await expect(page.getByText('This authorization has already been dispensed.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the dispense' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a missed window: the look-up says why not with rule ids, the worklist offers to reverse, and the reversal is confirmed first', async ({ page, browser, baseURL }, testInfo) => {
  const jamie = await openAuthorizationOf(browser, baseURL ?? '', 'Jamie Park');
  const problems = collectProblems(page);
  await signInAs(page, 'pharmacist');
  await page.goto('/pharmacy/lookup');
  await lookUp(page, jamie.number, jamie.birthDate);
  await expect(page.getByTestId('verdict')).toHaveText('Do not dispense now.');
  await expect(page.getByTestId('verify-patient')).toHaveText('Jamie Park');
  await expect(page.getByTestId('verify-reasons')).toContainText('Rule US7');
  await expect(page.getByRole('button', { name: 'Record the dispense' })).toHaveCount(0);
  await check(page, testInfo, 'pharmacy-refused');

  await page.goto('/pharmacy/worklist');
  await expect(page.getByTestId(`to-reverse-${jamie.number}`)).toContainText('Jamie Park');
  await page.getByRole('link', { name: `Reverse ${jamie.number}` }).click();
  await expect(page).toHaveURL(`/pharmacy/authorizations/${jamie.authorizationId}/reverse`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Choose a reason');
  await check(page, testInfo, 'pharmacy-reverse');
  await page.getByLabel('Not collected before the last day').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('reverse-confirm')).toContainText(`Reverse ${jamie.number} for Jamie Park?`);
  // going back changes nothing
  await page.getByRole('button', { name: 'No, go back' }).click();
  await expect(page.getByLabel('Not collected before the last day')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await check(page, testInfo, 'pharmacy-reverse-confirm');
  await page.getByRole('button', { name: 'Yes, reverse it' }).click();
  await expect(page.getByTestId('reverse-done')).toHaveText(new RegExp(`Authorization ${jamie.number} is reversed\\.`));
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /To reverse/ })).toBeVisible();
  await expect(page.getByTestId(`to-reverse-${jamie.number}`)).toHaveCount(0);
  expect(problems).toEqual([]);
});
