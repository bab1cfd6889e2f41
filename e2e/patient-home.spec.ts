import { readFile } from 'node:fs/promises';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { patientWithOpenAuthorization } from './support/accounts.js';
import { collectProblems, expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from './support/checks.js';
import { signInAccount, signInAs } from './support/session.js';

// The patient's home ("this month", today's dose, the data download) and progress, as the demo's
// Jordan Lee (active course, logs doses) and Sam Rivera (an authorization waiting to be collected).
// Jordan's dose of today and check-ins are this area's to change (WEB.md); nothing else is.

const WEEKDAY_DATE = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)/;

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('server-status')).toHaveText('Server: ready (database up)');
}

/** axe, a full-page screenshot, then the same at phone width with no sideways scrolling. */
async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await settled(page);
  await expectNoSeriousA11yViolations(page, name);
  await keepScreenshot(page, testInfo, `${name}-desktop`);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page, name);
  await expectNoSeriousA11yViolations(page, `${name} (phone)`);
  await keepScreenshot(page, testInfo, `${name}-phone`);
}

test.describe('Jordan’s home: this month', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'patient');
  });

  test('shows this month’s dated tasks, late ones first, the course dates, education links and urgent help', async ({ page }, testInfo) => {
    const problems = collectProblems(page);
    await page.goto('/patient');
    const month = page.getByTestId('this-month');
    await expect(month.getByRole('heading', { name: 'This month' })).toBeVisible();
    await expect(month).toContainText(/Today is /);
    await expect(month).toContainText('Your course is under way.');
    const tasks = month.getByTestId('month-task');
    expect(await tasks.count()).toBeGreaterThan(0);
    // every task says what to do and when, in the patient's words (no ISO dates, no rule jargon)
    const texts = await tasks.allInnerTexts();
    for (const text of texts) expect(text).toMatch(/Late|To do now|Coming up/);
    expect(texts.some((text) => WEEKDAY_DATE.test(text) || /by today|by tomorrow/.test(text))).toBe(true);
    // the order is late, then to do now, then coming up
    const timings = texts.map((text) => (text.startsWith('Late') ? 0 : text.startsWith('To do now') ? 1 : 2));
    expect(timings).toEqual([...timings].sort((a, b) => a - b));
    await expect(page.getByTestId('course-dates')).toContainText('First dose:');
    await expect(month.getByRole('link', { name: /^Read more:/ }).first()).toHaveAttribute('href', /^\/learn\//);
    await expect(page.getByTestId('patient-crisis-help')).toContainText('988');
    await expect(page.getByRole('main').getByRole('link', { name: 'My progress' })).toHaveAttribute('href', '/patient/progress');
    await checkScreen(page, testInfo, 'patient-home');
    expect(problems).toEqual([]);
  });

  test('logs today’s dose with one tap, shows it as logged, and a second tap says already recorded', async ({ page }) => {
    const problems = collectProblems(page, [
      { pathEnd: '/api/auth/session', status: 401 },
      { pathEnd: '/doses', status: 409 },
    ]);
    await page.goto('/patient');
    const dose = page.getByTestId('dose-log');
    await expect(dose).toContainText('Your daily dose:');
    // the first tap of the day logs it; a run that finds it logged (another test did) goes on
    const logged = dose.getByTestId('dose-logged');
    if ((await logged.count()) === 0) {
      await dose.getByTestId('dose-taken').click();
      await expect(logged).toContainText('Logged: you took today’s dose');
    }
    await expect(logged).toContainText(/Logged: you (took|missed) today’s dose/);
    await dose.getByTestId('dose-taken').click();
    await expect(dose.getByTestId('dose-status')).toHaveText('Already recorded: today’s dose was logged before.');
    // it stays logged after a reload: the server has it
    await page.reload();
    await expect(page.getByTestId('dose-logged')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('says clearly when the dose could not be saved (no connection)', async ({ page }) => {
    await page.goto('/patient');
    const dose = page.getByTestId('dose-log');
    const button = dose.getByTestId('dose-taken');
    await expect(button).toBeVisible();
    await page.route('**/api/courses/*/doses', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await button.click();
    await expect(dose.getByTestId('dose-failed')).toContainText('Not saved:');
  });

  test('downloads all of Jordan’s data as a JSON file named with the day', async ({ page }) => {
    await page.goto('/patient');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all my data' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^isocourse-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      format: string;
      patient: { displayName: string };
      courses: Array<{ id: string; status: string }>;
      facts: Array<{ kind: string; courseId: string }>;
      authorizations: unknown[];
      dispenses: unknown[];
    };
    expect(data.format).toBe('isocourse-patient-export/1');
    expect(data.patient.displayName).toBe('Jordan Lee');
    const active = data.courses.find((c) => c.status === 'active');
    expect(active).toBeDefined();
    expect(data.facts.filter((f) => f.kind === 'dose').length).toBeGreaterThanOrEqual(5);
    expect(data.facts.every((f) => data.courses.some((c) => c.id === f.courseId))).toBe(true);
    expect(data.dispenses.length).toBe(2);
    await expect(page.getByTestId('download-data')).toContainText('Downloaded: isocourse-my-data-');
  });

  test('progress: the total dose toward the target as a chart with the same facts in words, this month’s doses, mood check-ins', async ({ page }, testInfo) => {
    const problems = collectProblems(page);
    await page.goto('/patient/progress');
    await expect(page.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
    await expect(page.getByTestId('cumulative-text')).toContainText(/You have taken [\d,]+ mg in total/);
    const chart = page.getByTestId('cumulative-chart');
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAttribute('aria-label', 'Total dose so far against the target');
    await expect(page.getByTestId('target-text')).toContainText(/% done/);
    await expect(page.getByTestId('month-counts')).toContainText(/This month you logged \d+ doses taken and \d+ missed\./);
    await expect(page.getByTestId('progress-mood')).toBeVisible();
    await checkScreen(page, testInfo, 'patient-progress');
    expect(problems).toEqual([]);
  });
});

test.describe('Sam’s home: the collection window', () => {
  test('shows the open window with its last day to collect', async ({ page }, testInfo) => {
    await signInAccount(page, patientWithOpenAuthorization);
    // the pharmacy's browser tests may dispense Sam's authorization during the run (WEB.md):
    // the home must say what the record says at the moment it is read
    const own = (await (await page.request.get('/api/me/course')).json()) as { authorizations: Array<{ status: string; lastDayToCollect: string }> };
    await page.goto('/patient');
    await expect(page.getByTestId('this-month')).toBeVisible();
    const open = own.authorizations.filter((a) => a.status === 'open');
    const window = page.getByTestId('collect-window');
    await expect(window).toHaveCount(open.length);
    if (open.length > 0) {
      await expect(window.first()).toContainText(/Collect your medicine from the pharmacy: the last day is /);
      await expect(window.first()).toContainText(WEEKDAY_DATE);
      await expect(page.getByTestId('month-task').filter({ hasText: 'To do now' }).first()).toBeVisible();
    }
    await checkScreen(page, testInfo, 'patient-home-sam');
  });
});
