import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/checks.js';

// The app shell against the real server (`isocourse serve`, started by playwright.config.ts on a
// fresh database). Every expected string is the English catalogue's text, written out here on
// purpose: a test that imported the catalogue would pass whatever the catalogue said.
// These tests run signed out: the role areas lead to the sign-in page (e2e/sign-in.spec.ts and
// e2e/homes.spec.ts cover them signed in).

const ROLE_LINKS = [
  { name: 'Clinic', path: '/clinic' },
  { name: 'Patient', path: '/patient' },
  { name: 'Pharmacy', path: '/pharmacy' },
  { name: 'Administration', path: '/admin' },
] as const;

const READY = 'Server: ready (database up)';
const TAGLINE = 'A pregnancy-prevention-aware isotretinoin course record for clinic, patient and pharmacy.';
const signInAddress = (path: string): RegExp => new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`);

function packageVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync('package.json', 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error('package.json has no version');
}

const roleNav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const serverStatus = (page: Page) => page.getByTestId('server-status');

test.describe('the app shell', () => {
  test('shows the app name, the role navigation and that the server is ready', async ({ page }, testInfo) => {
    const problems = collectProblems(page);
    await page.goto('/');

    await expect(page.getByRole('heading', { level: 1, name: 'isocourse' })).toBeVisible();
    await expect(page.getByText(TAGLINE)).toBeVisible();
    for (const { name, path } of ROLE_LINKS) {
      await expect(roleNav(page).getByRole('link', { name, exact: true })).toHaveAttribute('href', path);
    }
    await expect(roleNav(page).getByRole('link', { name: 'Learn', exact: true })).toHaveAttribute('href', '/learn');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    const status = serverStatus(page);
    await expect(status).toHaveText(READY);
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('server-version')).toHaveText(`Server version ${packageVersion()}`);

    const screenshot = testInfo.outputPath('shell-desktop.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('shell-desktop', { path: screenshot, contentType: 'image/png' });
    expect(problems).toEqual([]);
  });

  test('runs under the server Content-Security-Policy without a violation', async ({ page }) => {
    const problems = collectProblems(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(serverStatus(page)).toHaveText(READY);
    for (const { name, path } of ROLE_LINKS) {
      await roleNav(page).getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(signInAddress(path));
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    }
    await roleNav(page).getByRole('link', { name: 'Learn', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Learn about isotretinoin' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('signed out, each area leads to sign-in with the way back in the address, and Back returns to the start page', async ({ page }) => {
    await page.goto('/');
    for (const { name, path } of ROLE_LINKS) {
      const link = roleNav(page).getByRole('link', { name, exact: true });
      await link.click();
      await expect(page).toHaveURL(signInAddress(path));
      const heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
      // focus follows a client-side navigation, through the redirect, to the new page's title
      await expect(heading).toBeFocused();
      await expect(page.getByText('Sign in to continue to the page you asked for.')).toBeVisible();
      await expect(page).toHaveTitle('Sign in · isocourse');
      await page.getByRole('link', { name: 'isocourse, start page' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'isocourse' })).toBeVisible();
    }
    // the redirect replaced the area's address: Back skips it instead of bouncing to sign-in again
    await page.goBack();
    await expect(page).toHaveURL(signInAddress('/admin'));
    await page.goBack();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'isocourse' })).toBeVisible();
    await expect(page).toHaveTitle('isocourse');
  });

  test('loads an area directly by its address, and says when a page does not exist', async ({ page }) => {
    await page.goto('/patient');
    await expect(page).toHaveURL(signInAddress('/patient'));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('There is no page at /no-such-page.')).toBeVisible();
  });
});

test.describe('keyboard use', () => {
  test('Tab reaches the skip link first, then the start page link and the area links, with visible focus', async ({ page }) => {
    await page.goto('/');
    await expect(serverStatus(page)).toHaveText(READY);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expect(skip).toHaveCSS('outline-style', 'solid');

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'isocourse, start page' })).toBeFocused();
    for (const { name } of ROLE_LINKS) {
      await page.keyboard.press('Tab');
      const link = roleNav(page).getByRole('link', { name, exact: true });
      await expect(link).toBeFocused();
      await expect(link).toHaveCSS('outline-style', 'solid');
    }

    await page.keyboard.press('Tab');
    await expect(roleNav(page).getByRole('link', { name: 'Learn', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeFocused();

    // Enter on an area link opens it: signed out, that is the sign-in page, with focus on its title
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(signInAddress('/admin'));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeFocused();
  });

  test('the skip link moves focus past the header to the main content', async ({ page }) => {
    // a fresh load that redirects (to sign-in) leaves focus at the start, so Tab reaches the skip link
    await page.goto('/clinic');
    await expect(page).toHaveURL(signInAddress('/clinic'));
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // the next Tab goes to the first field inside main, not back into the header
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mail address')).toBeFocused();
  });
});

test.describe('server status', () => {
  test('says "not ready" when /readyz answers 503 problem details', async ({ page }) => {
    await page.route('**/readyz', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Service not ready',
          status: 503,
          detail: 'The database does not answer.',
          code: 'not_ready',
        }),
      }),
    );
    await page.goto('/');
    await expect(serverStatus(page)).toHaveText('Server: not ready');
  });

  test('says "unreachable" when the server cannot be reached', async ({ page }) => {
    await page.route(/\/(readyz|healthz)$/, (route) => route.abort('connectionrefused'));
    await page.goto('/');
    await expect(serverStatus(page)).toHaveText('Server: unreachable');
    await expect(page.getByTestId('server-version')).toHaveText('Server version unknown');
  });

  test('asks again every 15 seconds and shows the change', async ({ page }) => {
    // count the page's own calls to /readyz as they are made: deterministic under a paused clock,
    // unlike watching the network, so "not yet asked at 14 s" is a real assertion
    await page.addInitScript(() => {
      const original = window.fetch.bind(window);
      let calls = 0;
      Object.defineProperty(window, 'readyzCalls', { get: () => calls });
      window.fetch = (input, init) => {
        if (typeof input === 'string' && input.endsWith('/readyz')) calls += 1;
        return original(input, init);
      };
    });
    const readyzCalls = () => page.evaluate(() => (window as unknown as { readyzCalls: number }).readyzCalls);
    // a paused clock: the page's timers fire only when the test moves time on
    await page.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
    await page.clock.pauseAt(new Date('2026-01-05T09:00:01Z'));
    await page.route(/\/(readyz|healthz)$/, (route) => route.abort('connectionrefused'));
    await page.goto('/');
    await expect(serverStatus(page)).toHaveText('Server: unreachable');
    expect(await readyzCalls()).toBe(1);

    await page.unrouteAll();
    await page.clock.runFor(14_999);
    expect(await readyzCalls()).toBe(1);
    await expect(serverStatus(page)).toHaveText('Server: unreachable');
    await page.clock.runFor(1);
    expect(await readyzCalls()).toBe(2);
    await expect(serverStatus(page)).toHaveText(READY);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('fits the screen without horizontal scrolling', async ({ page }, testInfo) => {
    for (const path of ['/', '/pharmacy', '/a-very-long-address-that-nobody-would-type-but-must-still-wrap-on-a-small-screen']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(widths.scroll, `page ${path} scrolls sideways`).toBeLessThanOrEqual(widths.client);
    }
    await page.goto('/');
    await expect(serverStatus(page)).toHaveText(READY);
    const screenshot = testInfo.outputPath('shell-phone.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('shell-phone', { path: screenshot, contentType: 'image/png' });
  });
});
