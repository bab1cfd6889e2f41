import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Runs axe-core on the page as it is now (WCAG 2.0, 2.1 and 2.2 A and AA rules) and fails on any
 * serious or critical violation, printing each one with the elements it found, so the log says
 * what to fix. Moderate and minor findings are printed too, without failing.
 */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const describe = (v: (typeof results.violations)[number]): string =>
    `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length > 0) console.log(`axe (${screen}), not blocking:\n${other.map(describe).join('\n')}`);
  if (blocking.length > 0) console.log(`axe (${screen}), serious or critical:\n${blocking.map(describe).join('\n')}`);
  expect(blocking.map((v) => v.id), `serious or critical accessibility violations on ${screen}`).toEqual([]);
}

/** A full-page screenshot kept under test-results/ and attached to the report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** An HTTP error answer the test causes on purpose, which Chromium logs as a console error. */
export interface ExpectedHttpError {
  readonly pathEnd: string;
  readonly status: number;
}

/**
 * Console errors and uncaught exceptions of the page: CSP violations show up here too. Chromium
 * logs every 4xx answer as a console error; the ones listed are expected and ignored. By default
 * that is the 401 with which GET /api/auth/session answers a signed-out visitor: asking is how
 * the app learns that nobody is signed in.
 */
export function collectProblems(
  page: Page,
  expected: readonly ExpectedHttpError[] = [{ pathEnd: '/api/auth/session', status: 401 }],
): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const isExpected = expected.some((e) => url.endsWith(e.pathEnd) && message.text().includes(`status of ${String(e.status)}`));
    if (!isExpected) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The page must not scroll sideways: everything fits a phone's width. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(widths.client);
}
