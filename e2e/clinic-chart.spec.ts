import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support/checks.js';
import { openChartFromWorklist, tabTo } from './support/clinic.js';
import { signInAs } from './support/session.js';

// The patient chart (/clinic/courses/:courseId) on the demo clinic's courses. The chart only
// reads (the programme check and the planner record nothing), so other specs' changes (Jordan's
// logged doses, Sam's dispense) can only change numbers, which the tests do not pin.

test.describe.configure({ timeout: 90_000 });

const section = (page: Page, testId: string) => page.getByTestId(testId);

test.describe('the patient chart', () => {
  test('Jordan: header, contents, the decision panel’s reasons with rules and dates, dose and the cumulative chart in words', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openChartFromWorklist(page, 'Jordan Lee');
    await expect(page.getByTestId('chart-status')).toHaveText('Active');
    await expect(page.getByTestId('chart-risk')).toHaveText('Can get pregnant');
    // the table of contents leads to each section
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await contents.getByRole('link', { name: 'Programme decision' }).click();
    await expect(page).toHaveURL(/#chart-decision$/);

    const decision = section(page, 'decision-issue_authorization');
    await expect(decision.getByTestId('decision-outcome')).toContainText('Not allowed now.');
    const reasons = decision.getByTestId('decision-reasons');
    await expect(reasons).toContainText('already dispensed');
    await expect(reasons).toContainText('Rule DECISION-7');
    await expect(reasons).toContainText('Rule US6');
    await expect(reasons).toContainText(/Earliest: \w+day \d+ \w+ \d{4}\./);
    await expect(decision.getByTestId('decision-next-steps')).toContainText('Clinic: Write a new prescription for the next month.');
    await expect(section(page, 'decision-finish_course')).toBeVisible();

    await expect(page.getByTestId('chart-capsules')).toHaveText('2 × 20 mg');
    const cumulative = page.getByTestId('chart-cumulative-text');
    await expect(cumulative).toContainText(/Taken so far: [\d,]+ mg, [\d.]+ mg\/kg at 70 kg\./);
    await expect(cumulative).toContainText(/remain to the target of 8,400 mg \(120 mg\/kg\)/);
    await expect(cumulative).toContainText(/At 40 mg a day that takes \d+ more days: the projected last dose is on \w+day \d+ \w+ \d{4}\./);
    await expect(page.getByRole('img', { name: /Taken so far/ })).toBeVisible();

    const timeline = page.getByTestId('chart-timeline');
    await expect(timeline).toContainText('Prescription written');
    await expect(timeline).toContainText('40 mg a day, 60 capsules of 20 mg.');
    await expect(timeline).toContainText(/Number ISO-[A-Z0-9-]+, collect by .*; now dispensed\./);
    await expect(page.getByTestId('chart-photos')).toContainText('No progress photos.');
  });

  test('Chris: the grade-3 lab with its limit, trend and rule, raised as a red flag', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openChartFromWorklist(page, 'Chris Novak');
    await expect(page.getByTestId('chart-risk')).toHaveText('Cannot get pregnant');
    const labs = page.getByTestId('chart-lab-series').filter({ hasText: 'Triglyceride' });
    await expect(labs.getByRole('row').filter({ hasText: '620 mg/dL' })).toContainText('Grade 3');
    await expect(labs).toContainText('150 mg/dL');
    await expect(labs).toContainText('Rule LAB-TG');
    await expect(labs).toContainText('One result so far.');
    await expect(page.getByTestId('chart-flags')).toContainText('Urgent Lab result: Triglyceride');
  });

  test('Taylor: PHQ-9 history with the item 9 red flag; Casey: the positive test and the stopped course', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openChartFromWorklist(page, 'Taylor Brooks');
    const phq9 = page.getByTestId('chart-phq9');
    await expect(phq9.getByRole('row').nth(1)).toContainText('Red flag: answered 2');
    await expect(phq9).toContainText('of 27');
    await expect(page.getByTestId('chart-flags')).toContainText('Urgent PHQ-9');

    await openChartFromWorklist(page, 'Casey Morgan');
    await expect(page.getByTestId('chart-status')).toHaveText('Stopped');
    await expect(page.getByTestId('chart-timeline')).toContainText(/test, positive/);
    await expect(page.getByTestId('chart-decision')).toContainText('This course is closed');
    // a closed course offers no form: no empty "Actions" section, no entry in the contents
    await expect(page.getByTestId('chart-actions')).toHaveCount(0);
  });

  test('Riley: no prescription yet; the planner, used with the keyboard only, gives the earliest day and the dated checklist', async ({ page }) => {
    await signInAs(page, 'prescriber');
    await openChartFromWorklist(page, 'Riley Chen');
    await expect(page.getByTestId('decision-no-prescription')).toBeVisible();
    await expect(page.getByTestId('dose-none')).toBeVisible();
    const date = page.getByLabel('Intended pickup day');
    // today is pre-filled: the confirmation test cannot be before the one-month wait
    await expect(date).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await tabTo(page, page.getByRole('button', { name: 'Plan the pickup' }));
    await page.keyboard.press('Enter');
    const result = page.getByTestId('plan-result');
    await expect(result.getByRole('heading', { name: 'The plan' })).toBeFocused();
    await expect(result.getByTestId('plan-outcome')).toContainText(/is too early\. The earliest day that works is \w+day \d+ \w+ \d{4}\./);
    const steps = result.getByTestId('plan-steps');
    await expect(steps).toContainText('Clinic: Confirmation pregnancy test');
    await expect(steps).toContainText('Rule US4');
    await expect(steps).toContainText('Pharmacy: Obtain the RMA');
  });

  test('a designee sees the same chart: decision, grades and planner', async ({ page }) => {
    await signInAs(page, 'designee');
    await openChartFromWorklist(page, 'Chris Novak');
    await expect(page.getByTestId('chart-lab-series').filter({ hasText: 'Triglyceride' })).toContainText('Grade 3');
    await expect(page.getByTestId('chart-decision')).toContainText('Issue the next authorization');
    await page.getByRole('button', { name: 'Plan the pickup' }).click();
    await expect(page.getByTestId('plan-outcome')).toBeVisible();
  });

  test('a clinic administrator can read the chart too (the API’s staff roles)', async ({ page }) => {
    await signInAs(page, 'clinic_admin');
    await openChartFromWorklist(page, 'Chris Novak');
    await expect(page.getByTestId('chart-lab-series').filter({ hasText: 'Triglyceride' })).toContainText('Grade 3');
    await expect(page.getByTestId('decision-issue_authorization').getByTestId('decision-outcome')).toBeVisible();
    // the forms are for prescribers and designees: the administrator gets no empty "Actions" section
    await expect(page.getByTestId('chart-actions')).toHaveCount(0);
  });

  test('accessibility and screenshots: desktop and phone width, no sideways scrolling', async ({ page }, testInfo) => {
    await signInAs(page, 'prescriber');
    await openChartFromWorklist(page, 'Jordan Lee');
    await expect(page.getByTestId('chart-cumulative-text')).toBeVisible();
    await expect(page.getByTestId('decision-outcome').first()).toBeVisible();
    await expect(page.getByTestId('server-status')).toHaveText('Server: ready (database up)');
    await expectNoSeriousA11yViolations(page, 'clinic chart');
    await keepScreenshot(page, testInfo, 'clinic-chart');
    await page.setViewportSize({ width: 375, height: 800 });
    await openChartFromWorklist(page, 'Chris Novak');
    await expect(page.getByTestId('chart-lab-series').first()).toBeVisible();
    await page.getByRole('button', { name: 'Plan the pickup' }).click();
    await expect(page.getByTestId('plan-outcome')).toBeVisible();
    await expectNoHorizontalScroll(page, 'the chart at 375 px');
    await expectNoSeriousA11yViolations(page, 'clinic chart (phone)');
    await keepScreenshot(page, testInfo, 'clinic-chart-phone');
  });
});
