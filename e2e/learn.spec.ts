import { expect, test, type Page } from '@playwright/test';
import { collectProblems, expectNoHorizontalScroll } from './support/checks.js';

// The patient education pages: public, plain language, readable on a phone.

const TOPICS = [
  { path: '/learn/about-isotretinoin', title: 'What isotretinoin does and how long a course lasts' },
  { path: '/learn/side-effects', title: 'Side effects and what to do' },
  { path: '/learn/skin-care', title: 'Looking after your skin, lips and eyes' },
  { path: '/learn/sun-and-procedures', title: 'Sun, waxing and skin procedures' },
  { path: '/learn/mood-and-help', title: 'Mood, and where to get help' },
  { path: '/learn/pregnancy-and-contraception', title: 'Pregnancy, contraception and the monthly rules' },
  { path: '/learn/safety-rules', title: 'Safety rules for everyone' },
] as const;

const main = (page: Page) => page.getByRole('main');

test.describe('education pages', () => {
  test('are listed on /learn and open without signing in', async ({ page }) => {
    const problems = collectProblems(page);
    await page.goto('/learn');
    await expect(page.getByRole('heading', { level: 1, name: 'Learn about isotretinoin' })).toBeVisible();
    await expect(main(page).getByRole('heading', { level: 2 })).toHaveText(TOPICS.map((topic) => topic.title));
    for (const topic of TOPICS) {
      await page.goto('/learn');
      await main(page).getByRole('link', { name: topic.title }).click();
      await expect(page).toHaveURL(topic.path);
      await expect(page.getByRole('heading', { level: 1, name: topic.title })).toBeFocused();
      await expect(page).toHaveTitle(`${topic.title} · isocourse`);
      await expect(main(page).getByText('This is general information. Your prescriber’s advice for you comes first.')).toBeVisible();
    }
    expect(problems).toEqual([]);
  });

  test('the mood page points to help now: the local emergency number, and the US and UK lines marked by country', async ({ page }) => {
    await page.goto('/learn/mood-and-help');
    const help = page.getByTestId('crisis-help');
    await expect(help.getByRole('heading', { name: 'If you need help now' })).toBeVisible();
    await expect(help).toContainText('call your local emergency number now, or go to the nearest emergency department');
    const us = help.getByRole('listitem').filter({ hasText: '988 Suicide & Crisis Lifeline' });
    await expect(us.locator('.country-tag')).toHaveText('US');
    await expect(us.getByRole('link', { name: '988' })).toHaveAttribute('href', 'tel:988');
    const uk = help.getByRole('listitem').filter({ hasText: 'Samaritans' });
    await expect(uk.locator('.country-tag')).toHaveText('UK');
    await expect(uk.getByRole('link', { name: '116 123' })).toHaveAttribute('href', 'tel:116123');
    await expect(main(page)).toContainText('Stop taking isotretinoin and contact your prescriber today.');
  });

  test('the side-effects page lists the serious symptoms that mean stop and get help, as the check-in does', async ({ page }) => {
    await page.goto('/learn/side-effects');
    const urgent = page.locator('#urgent');
    await expect(urgent.getByRole('heading', { name: 'Stop and get urgent medical care now' })).toBeVisible();
    await expect(urgent).toContainText('A severe headache with feeling sick, being sick, or blurred or double vision.');
    await expect(urgent).toContainText('Yellow skin or yellow whites of your eyes, or dark urine.');
    await expect(page.locator('#other-medicines')).toContainText('Do not take tetracycline antibiotics');
  });

  test('the procedures page follows ASDS 2017 and keeps the waxing warning', async ({ page }) => {
    await page.goto('/learn/sun-and-procedures');
    await expect(main(page)).toContainText('lasers that do not remove skin (non-ablative lasers), including laser hair removal;');
    await expect(main(page)).toContainText('Wait 6 months after your last dose for:');
    await expect(main(page)).toContainText('Do not use wax to remove hair while you take isotretinoin, or for at least 6 months after your last dose.');
    await expect(main(page)).toContainText('SPF 30 or higher');
  });

  test('the pregnancy page explains why, the contraception basics and each country’s monthly rhythm', async ({ page }) => {
    await page.goto('/learn/pregnancy-and-contraception');
    await expect(page.locator('#why')).toContainText('Isotretinoin can cause severe birth defects');
    const monthly = page.locator('#each-month');
    await expect(monthly.getByRole('group')).toHaveCount(3);
    await expect(monthly.getByRole('group', { name: 'United States (iPLEDGE)' })).toContainText('the window closes at 11:59 pm New York time on day 7');
    await expect(monthly.getByRole('group', { name: 'European Union' })).toContainText('Collect it within 7 days');
    await expect(monthly.getByRole('group', { name: 'United Kingdom' })).toContainText('Acknowledgement of Risk Form');
  });

  test('the safety page says no blood donation during the course and for 1 month after, and never to share', async ({ page }) => {
    await page.goto('/learn/safety-rules');
    await expect(main(page)).toContainText('No blood donation during your course and for 1 month after your last dose');
    await expect(main(page)).toContainText('Never give or sell it to anyone else');
  });

  test('an unknown topic is a clear not-found page', async ({ page }) => {
    await page.goto('/learn/nothing-here');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});

test.describe('education pages on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('fit the screen without sideways scrolling', async ({ page }) => {
    for (const path of ['/learn', ...TOPICS.map((topic) => topic.path)]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page, path);
    }
  });
});
