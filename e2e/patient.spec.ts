import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/checks.js';
import { signInAs } from './support/session.js';

// The patient's self-checks: the PHQ-9 (scored by src/domain/mood) and the symptom check-in
// (triaged by src/domain/symptoms). The patient is the demo's Jordan Lee (e2e/support/accounts.ts).

const ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself - or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

const item = (page: Page, number: number) => page.getByTestId(`phq9-item-${String(number)}`);

/**
 * Urgent answers saved to Jordan's record would raise red flags on the clinic's worklist, which
 * other specs read: these tests cut the save off with a 503 (the page then says it is not saved).
 */
async function refuseSaving(page: Page, segment: 'phq9' | 'symptoms'): Promise<void> {
  await page.route(`**/api/courses/*/${segment}`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'unavailable', detail: 'Try again later.' }) })
      : route.continue(),
  );
}

async function answer(page: Page, number: number, label: string): Promise<void> {
  await item(page, number).getByLabel(label, { exact: true }).check();
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'patient');
});

test.describe('the patient home', () => {
  test('names the person and the role, and links the real tools', async ({ page }) => {
    await page.goto('/patient');
    await expect(page.getByRole('heading', { level: 1, name: 'Patient' })).toBeVisible();
    await expect(page.getByTestId('home-who')).toHaveText('Signed in as Jordan Lee, patient.');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Symptom check-in' })).toHaveAttribute('href', '/patient/symptom-check');
    await expect(main.getByRole('link', { name: 'Mood check-in (PHQ-9)' })).toHaveAttribute('href', '/patient/mood-check');
    await expect(main.getByRole('link', { name: 'My progress' })).toHaveAttribute('href', '/patient/progress');
    await expect(page.getByTestId('this-month')).toBeVisible();
    await expect(page.getByTestId('coming-soon')).toHaveCount(0);
  });
});

test.describe('the PHQ-9 self-check', () => {
  test('shows the official stem and the nine items, each a group of four answers', async ({ page }) => {
    await page.goto('/patient/mood-check');
    await expect(page.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?')).toBeVisible();
    for (const [index, text] of ITEMS.entries()) {
      const group = page.getByRole('group', { name: new RegExp(`^${String(index + 1)}\\. ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
      await expect(group).toBeVisible();
      await expect(group.getByRole('radio')).toHaveCount(4);
    }
    await expect(page.getByTestId('phq9-saving-intro')).toContainText('your answers are saved to your course record');
  });

  test('an answer above 0 to question 9 shows help at once, and the help comes first in the result', async ({ page }) => {
    const problems = collectProblems(page, [{ pathEnd: '/phq9', status: 503 }]);
    await refuseSaving(page, 'phq9');
    await page.goto('/patient/mood-check');
    for (let number = 1; number <= 8; number += 1) await answer(page, number, 'Several days');
    await expect(page.getByTestId('phq9-item9-help-inline')).toHaveCount(0);
    await answer(page, 9, 'Several days');

    const inline = page.getByTestId('phq9-item9-help-inline');
    await expect(inline).toBeVisible();
    await expect(inline).toHaveAttribute('role', 'alert');
    await expect(inline).toContainText('Stop taking isotretinoin and contact your prescriber today.');
    await expect(inline.getByRole('link', { name: '988' })).toHaveAttribute('href', 'tel:988');

    await page.getByRole('button', { name: 'See my result' }).click();
    const result = page.getByTestId('phq9-result');
    // safety first: the help message is the first thing in the result, and it has the focus
    await expect(result.locator(':scope > *').first()).toHaveAttribute('data-testid', 'phq9-item9-help');
    await expect(page.getByRole('heading', { name: 'Your safety comes first' })).toBeFocused();
    await expect(result.getByTestId('phq9-item9-help')).toContainText('call your local emergency number now');
    await expect(result.getByTestId('phq9-item9-help')).toContainText('Samaritans');
    await expect(page.getByTestId('phq9-score')).toHaveText('Your answers add up to 9 out of 27: the “mild” range.');
    await expect(page.getByTestId('phq9-band')).toHaveText('Your answers show some mild problems with your mood.');
    await expect(result).not.toContainText(/depression/i);
    await expect(page.getByTestId('phq9-save-failed')).toContainText('Not saved to your record');
    expect(problems).toEqual([]);
  });

  test('lists the unanswered questions and never gives a score for a partial form', async ({ page }) => {
    await page.goto('/patient/mood-check');
    for (let number = 1; number <= 7; number += 1) await answer(page, number, 'Not at all');
    await page.getByRole('button', { name: 'See my result' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Answer question 8.', 'Answer question 9. It matters for your safety.']);
    await expect(page.getByTestId('phq9-score')).toHaveCount(0);
    await summary.getByRole('link', { name: 'Answer question 8.' }).click();
    await expect(item(page, 8).getByLabel('Not at all', { exact: true })).toBeFocused();
  });

  test('a total of 12 is in the moderate range and asks the person to talk to their prescriber soon', async ({ page }) => {
    await page.goto('/patient/mood-check');
    for (let number = 1; number <= 4; number += 1) await answer(page, number, 'Nearly every day');
    for (let number = 5; number <= 9; number += 1) await answer(page, number, 'Not at all');
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
    await expect(page.getByTestId('phq9-score')).toHaveText('Your answers add up to 12 out of 27: the “moderate” range.');
    await expect(page.getByTestId('phq9-score-card')).toContainText('Please talk to your prescriber soon');
    await expect(page.getByTestId('phq9-item9-help')).toHaveCount(0);
  });

  test('can be completed with the keyboard only', async ({ page }) => {
    await page.goto('/patient/mood-check');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Tab from the top of the page until the first answer of question 1 has focus
    const first = item(page, 1).getByLabel('Not at all', { exact: true });
    for (let presses = 0; presses < 25 && !(await first.evaluate((el) => el === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(first).toBeFocused();
    // question 1: Space picks "Not at all"; questions 2-9: Arrow Down moves to "Several days" and picks it
    await page.keyboard.press('Space');
    for (let number = 2; number <= 9; number += 1) {
      await page.keyboard.press('Tab');
      await expect(item(page, number).getByLabel('Not at all', { exact: true })).toBeFocused();
      await page.keyboard.press(number === 9 ? 'Space' : 'ArrowDown');
    }
    // question 10 is optional: Tab passes it, then Enter on the button
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'See my result' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
    await expect(page.getByTestId('phq9-score')).toHaveText('Your answers add up to 7 out of 27: the “mild” range.');
  });
});

test.describe('the symptom check-in', () => {
  test('puts stop-and-get-help advice first, with what to do and the rule, before common side effects', async ({ page }) => {
    await refuseSaving(page, 'symptoms');
    await page.goto('/patient/symptom-check');
    await page.getByTestId('symptom-cheilitis').getByLabel('Yes, and I can manage it').check();
    await page.getByTestId('symptom-headache').getByLabel('Yes, a severe headache with feeling sick, being sick, or blurred or double vision').check();
    await page.getByRole('button', { name: 'Get advice' }).click();

    const result = page.getByTestId('symptom-result');
    await expect(result.getByRole('heading', { name: 'Your advice' })).toBeFocused();
    const groups = result.locator('section.advice');
    await expect(groups).toHaveCount(2);
    await expect(groups.first()).toHaveAttribute('data-testid', 'advice-stopAndUrgent');
    const urgent = page.getByTestId('advice-stopAndUrgent');
    await expect(urgent.getByRole('heading', { name: 'Stop taking isotretinoin and get help now' })).toBeVisible();
    const headache = urgent.getByTestId('finding-headache');
    await expect(headache).toContainText('What to do: Stop taking isotretinoin and get urgent medical care now. Tell them you take isotretinoin.');
    await expect(headache).toContainText('Rule SYM-INTRACRANIAL-HYPERTENSION');
    await expect(page.getByTestId('advice-record').getByTestId('finding-cheilitis')).toContainText('Keep taking isotretinoin.');
    await expect(page.getByTestId('symptoms-unanswered')).toBeVisible();
  });

  test('thoughts of self-harm bring the crisis lines into the urgent advice', async ({ page }) => {
    await refuseSaving(page, 'symptoms');
    await page.goto('/patient/symptom-check');
    await page.getByTestId('symptom-suicidal-thoughts').getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Get advice' }).click();
    const urgent = page.getByTestId('advice-stopAndUrgent');
    await expect(urgent.getByTestId('symptom-crisis-help')).toContainText('988');
    await expect(urgent.getByTestId('finding-suicidal-thoughts')).toContainText('Rule SYM-MENTAL-HEALTH');
  });

  test('asks for at least one answer before giving advice', async ({ page }) => {
    await page.goto('/patient/symptom-check');
    await page.getByRole('button', { name: 'Get advice' }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expect(page.getByTestId('error-summary')).toContainText('Answer at least one question to get advice.');
  });
});
