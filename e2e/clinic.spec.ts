import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/session.js';

// The clinic area and the dose calculator (src/domain/dosing in the browser). Prescribers and
// designees are the demo clinic's (e2e/support/accounts.ts).

const main = (page: Page) => page.getByRole('main');

async function openCalculator(page: Page): Promise<void> {
  await page.goto('/clinic/dose-calculator');
  await expect(page.getByRole('heading', { level: 1, name: 'Dose calculator' })).toBeVisible();
}

test.describe('the clinic home', () => {
  test('for a prescriber: name, role, the dose calculator and what is coming', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await page.goto('/clinic');
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Dr Dana Reyes, prescriber.');
    await main(page).getByRole('link', { name: 'Dose calculator' }).click();
    await expect(page).toHaveURL('/clinic/dose-calculator');
    await expect(page.getByRole('heading', { level: 1, name: 'Dose calculator' })).toBeFocused();
  });

  test('for a designee: the same tools, with the role said plainly', async ({ page }) => {
    await signInAs(page, 'designee');
    await page.goto('/clinic');
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Noor Haddad (nurse), designee (acts for a prescriber).');
    await expect(main(page).getByRole('link', { name: 'Dose calculator' })).toBeVisible();
    await expect(page.getByTestId('coming-soon')).toBeVisible();
  });
});

test.describe('the dose calculator', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'prescriber');
  });

  test('70 kg at 0.5 mg/kg/day of US generic: 30 mg a day as one 30 mg capsule, 280 days to 120 mg/kg, with every warning and its rule', async ({ page }) => {
    await openCalculator(page);
    await page.getByLabel('Product').selectOption('us-generic');
    await page.getByLabel('Weight (kg)').fill('70');
    await page.getByLabel('Daily dose (mg/kg/day)').fill('0.5');
    await expect(page.getByRole('radio', { name: '120 mg/kg' })).toBeChecked();
    await page.getByLabel('Start date (optional)').fill('2026-01-05');
    await page.getByRole('button', { name: 'Calculate' }).click();

    await expect(page.getByRole('heading', { name: 'Result' })).toBeFocused();
    await expect(page.getByTestId('dose-daily')).toHaveText('30 mg a day');
    await expect(page.getByTestId('dose-capsules')).toHaveText('1 × 30 mg');
    await expect(page.getByTestId('dose-actual')).toHaveText('0.43 mg/kg/day');
    await expect(page.getByTestId('dose-requested')).toHaveText('35 mg a day (70 kg × 0.5 mg/kg/day)');
    await expect(page.getByTestId('dose-target')).toHaveText('8,400 mg (120 mg/kg)');
    await expect(page.getByTestId('dose-days')).toHaveText('280 days (about 40 weeks)');
    await expect(page.getByTestId('dose-end')).toHaveText('Sunday 11 October 2026');
    await expect(page.getByTestId('dose-warnings').locator('.rule-id')).toHaveText([
      'Rule DOSE-NEAREST',
      'Rule DOSE-RANGE',
      'Rule DOSE-FOOD',
      'Rule DOSE-COURSE-LENGTH',
    ]);
    await expect(page.getByTestId('dose-warnings')).toContainText('35 mg/day cannot be made from 10/20/30/40 mg capsules: nearest achievable 30 mg/day');
  });

  test('a target of 150 mg/kg and a titration phase change the days and the end date', async ({ page }) => {
    await openCalculator(page);
    await page.getByLabel('Weight (kg)').fill('70');
    await page.getByLabel('Daily dose (mg/kg/day)').fill('0.5');
    await page.getByLabel('Start date (optional)').fill('2026-01-05');
    await page.getByRole('button', { name: 'Add a titration phase' }).click();
    await page.getByLabel('Phase 1: mg per day').fill('20');
    await page.getByLabel('Phase 1: number of days').fill('28');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.getByTestId('dose-days')).toHaveText('290 days (about 41.4 weeks)');
    await expect(page.getByTestId('dose-end')).toHaveText('Wednesday 21 October 2026');
    await expect(page.getByTestId('dose-plan').locator('tbody tr')).toHaveCount(2);

    await page.getByRole('radio', { name: '150 mg/kg' }).check();
    await expect(page.getByTestId('dose-stale')).toBeVisible();
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.getByTestId('dose-stale')).toHaveCount(0);
    await expect(page.getByTestId('dose-target')).toHaveText('10,500 mg (150 mg/kg)');
  });

  test('shows each invalid input next to its field, and all of them in the summary', async ({ page }) => {
    await openCalculator(page);
    await page.getByLabel('Weight (kg)').fill('seventy');
    await page.getByRole('button', { name: 'Add a titration phase' }).click();
    await page.getByLabel('Phase 1: mg per day').fill('35');
    await page.getByLabel('Phase 1: number of days').fill('14');
    await page.getByRole('button', { name: 'Calculate' }).click();

    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Enter the weight as a number, for example 68.5.',
      'Enter the daily dose.',
      'US generic isotretinoin (10/20/30/40 mg) capsules cannot make 35 mg a day. The nearest they can make is 30 mg a day.',
    ]);
    await expect(page.locator('#dose-weight-error')).toHaveText('Error: Enter the weight as a number, for example 68.5.');
    await expect(page.getByLabel('Weight (kg)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#dose-phase-0-mg-error')).toContainText('The nearest they can make is 30 mg a day.');
    await expect(page.getByTestId('dose-result')).toHaveCount(0);

    await page.getByLabel('Weight (kg)').fill('701');
    await page.getByLabel('Daily dose (mg/kg/day)').fill('1');
    await page.getByLabel('Phase 1: mg per day').fill('30');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator('#dose-weight-error')).toHaveText('Error: Enter the weight of 700 or less. Check the unit.');
  });
});
