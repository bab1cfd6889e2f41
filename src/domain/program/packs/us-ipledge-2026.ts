import type { RulePack } from './pack.js';
import { usPack } from './us/us-pack.js';
import { US_2026 } from './us/us-rules.js';

/**
 * iPLEDGE REMS modification approved 2026-02-09, in force from date E (default 2026-08-08):
 * pre-treatment tests in a medical setting, home tests during and after treatment with the
 * prescriber's opt-in and evidence (US11), a missed first window repeated at once (US9),
 * counselling at enrollment only and no 30-day window for patients who cannot get pregnant (US10).
 */
export const usIpledge2026: RulePack = usPack(US_2026, 'iPLEDGE REMS (2026 modification)', '1.0.0');
