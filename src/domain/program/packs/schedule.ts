import { addDays, compareDates, date, type LocalDate } from '../../calendar/index.js';
import { DomainInputError } from '../../errors.js';
import type { PackId } from '../decision.js';
import type { Jurisdiction } from '../jurisdiction.js';
import type { ClinicSettings } from '../program-case.js';

/**
 * Program-rules section 1: which pack is in force, by jurisdiction and calendar day. `until` is
 * the last day in force (inclusive). The US switch day is the configured date E.
 */
export interface ScheduleEntry {
  readonly id: PackId;
  readonly jurisdictions: readonly Jurisdiction[];
  readonly from: (settings: ClinicSettings) => LocalDate;
  readonly until?: (settings: ClinicSettings) => LocalDate;
}

const US_2021_FROM = date('2021-12-13');
const EU_2018_FROM = date('2018-03-22');
const UK_2023_FROM = date('2023-10-31');
const UK_2026_FROM = date('2026-01-22');

export const PACK_SCHEDULE: readonly ScheduleEntry[] = [
  {
    id: 'us-ipledge-2021',
    jurisdictions: ['US'],
    from: () => US_2021_FROM,
    until: (s) => addDays(s.usModificationDate, -1),
  },
  { id: 'us-ipledge-2026', jurisdictions: ['US'], from: (s) => s.usModificationDate },
  { id: 'eu-ppp-2018', jurisdictions: ['EU', 'EU-FR', 'EU-IT'], from: () => EU_2018_FROM },
  { id: 'uk-mhra-2023', jurisdictions: ['UK'], from: () => UK_2023_FROM, until: () => addDays(UK_2026_FROM, -1) },
  { id: 'uk-mhra-2026', jurisdictions: ['UK'], from: () => UK_2026_FROM },
];

/** Program-rules section 1 DECISION: the pack is chosen by the date of the action. */
export function packIdOn(jurisdiction: Jurisdiction, day: LocalDate, settings: ClinicSettings): PackId {
  const entry = PACK_SCHEDULE.find(
    (e) =>
      e.jurisdictions.includes(jurisdiction) &&
      compareDates(e.from(settings), day) <= 0 &&
      (e.until === undefined || compareDates(day, e.until(settings)) <= 0),
  );
  if (entry === undefined) {
    throw new DomainInputError(
      'no_rule_pack_in_force',
      'action',
      `no rule pack is in force for ${jurisdiction} on ${day.toString()} (the engine covers the programmes of program-rules section 1 only)`,
    );
  }
  return entry.id;
}
