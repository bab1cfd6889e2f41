import { expect, test } from '@playwright/test';
import { signInAs } from './support/session.js';

// The pharmacy home (the demo pharmacist, e2e/support/accounts.ts); its screens are covered in
// pharmacy.spec.ts. The clinic, patient and administration homes are covered in clinic.spec.ts,
// patient.spec.ts, admin.spec.ts and sign-in.spec.ts.

test('the pharmacy home names the pharmacist and links to the look-up and the worklist', async ({ page }) => {
  await signInAs(page, 'pharmacist');
  await page.goto('/pharmacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Pharmacy' })).toBeVisible();
  await expect(page.getByTestId('home-who')).toHaveText('Signed in as Pat Okafor, pharmacist.');
  const tools = page.getByRole('main').getByRole('heading', { level: 3 });
  await expect(tools).toHaveText(['Look up an authorization', 'Waiting and to reverse', 'Patient education pages']);
  await page.getByRole('link', { name: 'Waiting and to reverse' }).click();
  await expect(page).toHaveURL('/pharmacy/worklist');
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting and to reverse' })).toBeFocused();
  // a pharmacist sees the pharmacy area only, and the education pages
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('link')).toHaveText(['Pharmacy', 'Learn']);
  await page.goto('/clinic');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
});
