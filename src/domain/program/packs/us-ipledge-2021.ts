import type { RulePack } from './pack.js';
import { usPack } from './us/us-pack.js';
import { US_2021 } from './us/us-rules.js';

/**
 * iPLEDGE REMS as in force from 2021-12-13 until the 2026 modification (date E): 19-day lockout
 * after a missed first window (US9), CLIA-certified labs with the 2023 enforcement discretion as
 * a clinic flag (US11), a 30-day window from the office visit and monthly counselling for
 * patients who cannot get pregnant (US10). Everything else is shared with the 2026 pack.
 */
export const usIpledge2021: RulePack = usPack(US_2021, 'iPLEDGE REMS (2021-12-13 program)', '1.0.0');
