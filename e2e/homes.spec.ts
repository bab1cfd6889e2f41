import { expect, test } from '@playwright/test';
import { signInAs } from './support/session.js';

// The pharmacy home (the demo pharmacist, e2e/support/accounts.ts). The clinic, patient
// and administration homes are covered in clinic.spec.ts, patient.spec.ts and sign-in.spec.ts.

test('the pharmacy home names the pharmacist and says honestly what is not built yet', async ({ page }) => {
  await signInAs(page, 'pharmacist');
  await page.goto('/pharmacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Pharmacy' })).toBeVisible();
  await expect(page.getByTestId('home-who')).toHaveText('Signed in as Pat Okafor, pharmacist.');
  await expect(page.getByTestId('coming-soon')).toHaveText('These screens are being built on the course service. Nothing here shows sample data.');
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Look up an authorization' })).toBeVisible();
  // a pharmacist sees the pharmacy area only, and the education pages
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link')).toHaveText(['Pharmacy', 'Learn']);
  await page.goto('/clinic');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
});
