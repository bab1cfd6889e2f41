import { compareDates, type LocalDate } from '../../../calendar/index.js';
import type { ProgramCase } from '../../program-case.js';
import { PACK_SCHEDULE } from '../schedule.js';
import type { PppVariant } from './ppp-model.js';

/** The packs of one programme family, oldest first (EU: one pack; UK: 2023 then 2026). */
export type PppFamily = readonly [PppVariant, ...PppVariant[]];

/**
 * The variant in force on a day, from program-rules section 1 (PACK_SCHEDULE). A fact dated
 * before the family's first pack (a test before 2023-10-31 in a UK case) is judged by that first
 * pack: the engine has no earlier rules for it.
 */
export function variantLookup(family: PppFamily, programCase: ProgramCase): (day: LocalDate) => PppVariant {
  const settings = programCase.clinic.settings;
  return (day) => {
    const entry = PACK_SCHEDULE.filter((e) => e.jurisdictions.includes(programCase.jurisdiction) && compareDates(e.from(settings), day) <= 0).pop();
    return family.find((v) => v.id === entry?.id) ?? family[0];
  };
}
