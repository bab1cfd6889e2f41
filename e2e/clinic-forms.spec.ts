import { expect, test, type Page } from '@playwright/test';
import { checkScreen, enrollByApi, tabTo, uniqueName } from './support/clinic-forms.js';
import { signInAs } from './support/session.js';

// The clinic's forms (web/src/clinic-forms) as the demo prescriber, on NEW patients only (unique
// names per run): enroll, record programme events, prescribe with the live preview, issue an
// authorization, change a course's status. The demo clinic is in the US.

test.describe.configure({ timeout: 240_000 });

const main = (page: Page) => page.getByRole('main');

async function recordEvent(page: Page, courseId: string, kind: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.goto(`/clinic/courses/${courseId}/record`);
  await page.getByLabel('Event', { exact: true }).selectOption(kind);
  await fill();
  await page.getByRole('button', { name: 'Record the event' }).click();
  await expect(page.getByTestId('event-result')).toBeVisible();
}

async function signConsent(page: Page, courseId: string, form: string): Promise<void> {
  await recordEvent(page, courseId, 'form_signed', async () => {
    await page.getByLabel('Form', { exact: true }).selectOption(form);
    await page.getByLabel('The patient').check();
    await page.getByLabel('The prescriber').check();
  });
}

async function fillPrescription(page: Page): Promise<void> {
  await page.getByLabel('Capsule strength').selectOption('20');
  await page.getByLabel('Daily dose (mg)').fill('40');
  await page.getByLabel('Days of supply').fill('30');
  // the live preview: the same dose rules as the server, before anything is saved
  await expect(page.getByTestId('prescribe-preview-summary')).toHaveText('2 capsules a day, 60 capsules for 30 days.');
  await expect(page.getByTestId('dose-daily')).toHaveText('40 mg a day');
}

test.describe('clinic forms', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'prescriber');
  });

  test('enroll someone who can get pregnant, record the events toward a first authorization, prescribe past a contraindication, and see every reason the authorization is refused', async ({ page }, testInfo) => {
    const name = uniqueName('Robin Forms');
    await page.goto('/clinic');
    await main(page).getByRole('link', { name: 'Enroll a patient' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Enroll a patient' })).toBeFocused();

    // nothing filled: the summary takes focus and each entry links to its field
    await page.getByRole('button', { name: 'Enroll the patient' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Enter name.', 'Enter date of birth.', 'Choose an answer for “Can this patient get pregnant?”.']);
    await checkScreen(page, testInfo, 'clinic-forms-enroll-errors');
    await summary.getByRole('link', { name: 'Enter date of birth.' }).click();
    await expect(page.getByLabel('Date of birth')).toBeFocused();

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Date of birth').fill('2001-06-15');
    await page.getByLabel('Yes, or it cannot be ruled out').check();
    await page.getByLabel('Weight at the start (kg, optional)').fill('60');
    await page.getByLabel('Current medicines and supplements (optional, one a line)').fill('doxycycline 100 mg\nvitamin D');
    await page.getByRole('button', { name: 'Enroll the patient' }).click();
    const result = page.getByTestId('enroll-result');
    await expect(result.getByRole('heading', { name: `${name} is enrolled.` })).toBeFocused();
    await expect(page.getByTestId('enroll-interactions')).toContainText('Contraindication');
    await expect(page.getByTestId('enroll-decision')).toBeVisible();
    await checkScreen(page, testInfo, 'clinic-forms-enrolled');
    const courseId = (await page.getByTestId('enroll-course-id').textContent()) ?? '';
    await expect(main(page).getByRole('link', { name: `Open ${name}’s course` })).toHaveAttribute('href', `/clinic/courses/${courseId}`);

    // the events of a first month, as far as one day allows
    await page.goto(`/clinic/courses/${courseId}/record`);
    await page.getByRole('button', { name: 'Record the event' }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expect(page.getByTestId('error-summary').getByRole('link')).toHaveText(['Choose an answer for “Event”.']);
    await signConsent(page, courseId, 'us_patient_information_consent');
    await signConsent(page, courseId, 'us_birth_defects_consent');
    await recordEvent(page, courseId, 'counselling');
    await recordEvent(page, courseId, 'contraception_started', async () => {
      await page.getByLabel('Method').selectOption('iud_hormonal');
    });
    await recordEvent(page, courseId, 'comprehension_questions', async () => {
      await page.getByLabel('Questions answered correctly').fill('5');
    });
    await recordEvent(page, courseId, 'pregnancy_test', async () => {
      await page.getByLabel('Purpose').selectOption('screening');
      await page.getByLabel('Specimen').selectOption('serum');
      await page.getByLabel('Where it was done').selectOption('clia_lab');
      await page.getByLabel('Result', { exact: true }).selectOption('negative');
    });
    // the engine's answer on the test: valid (or not) for its purpose
    await expect(page.getByTestId('event-decision')).toBeVisible();
    await checkScreen(page, testInfo, 'clinic-forms-event-recorded');

    // prescribe: the baseline's contraindication first, then the programme's reasons
    await page.goto(`/clinic/courses/${courseId}/prescribe`);
    await fillPrescription(page);
    await checkScreen(page, testInfo, 'clinic-forms-prescribe-preview');
    await page.getByRole('button', { name: 'Write the prescription' }).click();
    await expect(page.getByTestId('prescribe-contraindications')).toContainText('Rule');
    await page.getByLabel('I reviewed these contraindications and prescribe anyway').check();
    await page.getByRole('button', { name: 'Write the prescription' }).click();
    await expect(page.getByTestId('prescribe-result')).toContainText('Prescription written: 60 capsules of 20 mg, 40 mg a day.');
    await expect(page.getByTestId('prescribe-interactions')).toContainText('Rule INT-TETRACYCLINE');
    await checkScreen(page, testInfo, 'clinic-forms-prescribed-acknowledged');

    // the first authorization: the programme still needs what one day cannot give; every reason, with its earliest day
    await main(page).getByRole('link', { name: 'Issue the authorization for this prescription' }).click();
    await page.getByRole('button', { name: 'Issue the authorization' }).click();
    await expect(page.getByTestId('authorize-blocked')).toBeVisible();
    const unmet = page.getByTestId('authorize-failure-decision-unmet').getByRole('listitem');
    expect(await unmet.count()).toBeGreaterThan(0);
    await expect(unmet.first()).toContainText(/Rule (US|DECISION)/);
    await expect(page.getByTestId('authorize-failure-decision')).toContainText('Earliest:');
    await checkScreen(page, testInfo, 'clinic-forms-authorize-blocked');
  });

  test('enroll by keyboard only someone who cannot get pregnant, prescribe, issue the authorization once, then stop the course with a reason', async ({ page }, testInfo) => {
    const name = uniqueName('Kai Forms');
    await page.goto('/clinic/patients/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Enroll a patient' })).toBeVisible();
    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Date of birth')).toBeFocused();
    await page.keyboard.type('03041975');
    await tabTo(page, page.getByLabel('Yes, or it cannot be ruled out'));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('No, for a medical reason')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Reason the patient cannot get pregnant')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Reason the patient cannot get pregnant')).toHaveValue('total_hysterectomy');
    await tabTo(page, page.getByLabel('Weight at the start (kg, optional)'));
    await page.keyboard.type('72.5');
    await tabTo(page, page.getByRole('button', { name: 'Enroll the patient' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('enroll-result').getByRole('heading', { name: `${name} is enrolled.` })).toBeFocused();
    await expect(page.getByTestId('enroll-no-interactions')).toBeVisible();
    const courseId = (await page.getByTestId('enroll-course-id').textContent()) ?? '';
    // on to the new course's chart, whose actions lead to the forms
    await main(page).getByRole('link', { name: `Open ${name}’s course` }).click();
    await expect(page).toHaveURL(`/clinic/courses/${courseId}`);
    const actions = page.getByTestId('chart-actions');
    await expect(actions.getByRole('link', { name: 'Issue an authorization' })).toHaveCount(0);
    await actions.getByRole('link', { name: 'Record a programme event' }).click();
    await expect(page).toHaveURL(`/clinic/courses/${courseId}/record`);
    await expect(page.getByRole('heading', { level: 1, name: 'Record a programme event' })).toBeFocused();

    await signConsent(page, courseId, 'us_patient_information_consent');
    await recordEvent(page, courseId, 'counselling');

    await page.goto(`/clinic/courses/${courseId}/prescribe`);
    await fillPrescription(page);
    await page.getByRole('button', { name: 'Write the prescription' }).click();
    await expect(page.getByTestId('prescribe-result')).toContainText('Prescription written: 60 capsules of 20 mg, 40 mg a day.');
    await expect(page.getByTestId('prescribe-decision-outcome')).toContainText('Allowed');
    await checkScreen(page, testInfo, 'clinic-forms-prescribed');

    await main(page).getByRole('link', { name: 'Issue the authorization for this prescription' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Issue an authorization' })).toBeVisible();
    await checkScreen(page, testInfo, 'clinic-forms-authorize');
    // a double click sends one request at most, and the Idempotency-Key makes a retry the same one
    await page.getByRole('button', { name: 'Issue the authorization' }).dblclick();
    await expect(page.getByTestId('authorize-number')).toHaveText(/^ISO-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.getByTestId('authorize-last-day')).not.toBeEmpty();
    await checkScreen(page, testInfo, 'clinic-forms-authorized');
    const number = (await page.getByTestId('authorize-number').textContent()) ?? '';
    const detail = (await (await page.request.get(`/api/courses/${courseId}`)).json()) as { authorizations: { number: string; status: string }[] };
    expect(detail.authorizations.map((a) => a.number)).toEqual([number]);

    // the prescription has its authorization: the form says so instead of offering it again
    await page.goto(`/clinic/courses/${courseId}/authorize`);
    await expect(page.getByTestId('authorize-none')).toBeVisible();

    await page.goto(`/clinic/courses/${courseId}/status`);
    await page.getByLabel('Stop the course').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Choose an answer for “Reason”.' }).click();
    await expect(page.getByLabel('A side effect')).toBeFocused();
    await page.getByLabel('A side effect').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // closing reverses the open authorization: said before confirming
    await expect(page.getByTestId('status-open-authorizations')).toHaveText(`Open authorizations that will be reversed: ${number}.`);
    await checkScreen(page, testInfo, 'clinic-forms-stop-confirm');
    await page.getByRole('button', { name: 'Confirm: Stop the course' }).click();
    await expect(page.getByTestId('status-result')).toContainText('The course is now stopped.');
    await expect(page.getByTestId('status-result')).toContainText('Authorizations reversed: 1.');
  });

  test('lab, PHQ-9 and grading forms record their facts and show what they found', async ({ page }, testInfo) => {
    const courseId = await enrollByApi(page, uniqueName('Ash Forms'), false);
    await page.goto(`/clinic/courses/${courseId}/lab`);
    await page.getByLabel('Test', { exact: true }).selectOption('1742-6');
    await page.getByLabel('Result (U/L)').fill('250');
    await page.getByLabel('Upper limit of normal (U/L, optional)').fill('40');
    await checkScreen(page, testInfo, 'clinic-forms-lab');
    await page.getByRole('button', { name: 'Record the result' }).click();
    await expect(page.getByTestId('lab-result')).toBeVisible();

    await page.goto(`/clinic/courses/${courseId}/phq9`);
    await page.getByRole('button', { name: 'Record the PHQ-9' }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    for (let item = 1; item <= 9; item += 1) await page.locator(`#phq9-item-${String(item)}-1`).check();
    await checkScreen(page, testInfo, 'clinic-forms-phq9');
    await page.getByRole('button', { name: 'Record the PHQ-9' }).click();
    await expect(page.getByTestId('phq9-result')).toBeVisible();
    // item 9 above 0 is a red flag: an urgent task for the clinic
    await expect(page.getByTestId('phq9-result-tasks')).toContainText('Urgent');

    await page.goto(`/clinic/courses/${courseId}/grading`);
    await page.getByLabel('IGA (0 clear to 4 severe)').check();
    await page.locator('#grading-grade-3').check();
    await checkScreen(page, testInfo, 'clinic-forms-grading');
    await page.getByRole('button', { name: 'Record the grading' }).click();
    await expect(page.getByTestId('grading-result')).toBeVisible();
  });

  test('at phone width every form fits without sideways scrolling and passes the scan', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const courseId = await enrollByApi(page, uniqueName('Sky Forms'), true);
    await page.goto('/clinic/patients/new');
    await checkScreen(page, testInfo, 'clinic-forms-enroll-phone');
    for (const [segment, fill] of [
      ['record', async () => { await page.getByLabel('Event', { exact: true }).selectOption('pregnancy_test'); }],
      ['prescribe', async () => { await fillPrescription(page); }],
      ['authorize', async () => {}],
      ['lab', async () => { await page.getByLabel('Test', { exact: true }).selectOption('2106-3'); }],
      ['phq9', async () => {}],
      ['grading', async () => { await page.getByLabel('Global Acne Grading System (GAGS)').check(); }],
      ['status', async () => { await page.getByLabel('Stop the course').check(); }],
    ] as const) {
      await page.goto(`/clinic/courses/${courseId}/${segment}`);
      await expect(page.getByTestId('course-for')).toBeVisible();
      await fill();
      await checkScreen(page, testInfo, `clinic-forms-${segment}-phone`);
    }
  });
});
