import { clinicSettingsSchema, type ClinicUpdate } from '../../contracts/admin.js';
import { clinicHasPatients, findClinicRecord, updateClinicRecord, type ClinicRecord } from '../../db/clinic-admin.repository.js';
import type { Actor } from '../course/course-context.js';
import { compareDates } from '../../domain/calendar/index.js';
import { PACK_SCHEDULE } from '../../domain/program/index.js';
import { AppError } from '../errors.js';
import { adminClinic, auditAdmin, type AdminDeps } from './admin-context.js';

export interface ClinicSettingsView {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly timeZone: string;
  readonly settings: {
    readonly usModificationDate: string;
    readonly enforcementDiscretionHomeTests: boolean;
    readonly homeTestOptIn: { readonly optedIn: boolean; readonly antiFalsificationProcedure?: string };
  };
}

/** The settings in their wire form with the programme defaults filled in. */
function settingsView(stored: unknown): ClinicSettingsView['settings'] {
  const parsed = clinicSettingsSchema.safeParse(stored ?? {});
  // settings are only written through updateClinicSettings, which validates them
  if (!parsed.success) throw new AppError('conflict', 'The stored rule-pack settings are not valid; save the settings again.');
  const s = parsed.data;
  return {
    usModificationDate: s.usModificationDate.toString(),
    enforcementDiscretionHomeTests: s.enforcementDiscretionHomeTests,
    homeTestOptIn: {
      optedIn: s.homeTestOptIn.optedIn,
      ...(s.homeTestOptIn.antiFalsificationProcedure === undefined ? {} : { antiFalsificationProcedure: s.homeTestOptIn.antiFalsificationProcedure }),
    },
  };
}

function viewOf(clinic: ClinicRecord): ClinicSettingsView {
  return { id: clinic.id, name: clinic.name, jurisdiction: clinic.jurisdiction, timeZone: clinic.timeZone, settings: settingsView(clinic.settings) };
}

export async function readClinicSettings(deps: AdminDeps, actor: Actor): Promise<ClinicSettingsView> {
  const clinicId = adminClinic(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await findClinicRecord(trx, clinicId);
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    await auditAdmin(trx, actor, now, { action: 'read', resourceType: 'clinic', resourceId: clinicId, clinicId });
    return viewOf(clinic);
  });
}

/**
 * Settings the programme engine would refuse to judge with are refused when saved (400), not at
 * the clinic's next decision: a US date E on or before the start of the 2021 program it ends
 * makes every US case invalid input (us-pack validateUsCase), which would stop every enrollment,
 * prescription and dispense of the clinic until someone saved the settings again.
 */
function refuseUnjudgeableSettings(input: ClinicUpdate): void {
  if (input.jurisdiction !== 'US') return;
  const start2021 = PACK_SCHEDULE.find((entry) => entry.id === 'us-ipledge-2021')?.from(input.settings);
  if (start2021 === undefined || compareDates(input.settings.usModificationDate, start2021) > 0) return;
  const detail = `the 2026 modification date E must be after ${start2021.toString()}, the start of the 2021 program`;
  throw new AppError('invalid_input', `settings.usModificationDate: ${detail}`, { errors: [{ pointer: '/settings/usModificationDate', detail }] });
}

/**
 * Replaces the clinic's name, zone and rule-pack settings. DECISION-CLINIC-JURISDICTION: the
 * jurisdiction decides which rule packs judge every course, so it can change only while the
 * clinic has no patients (a course is never judged by two programmes).
 */
export async function updateClinicSettings(deps: AdminDeps, actor: Actor, input: ClinicUpdate): Promise<ClinicSettingsView> {
  const clinicId = adminClinic(actor);
  refuseUnjudgeableSettings(input);
  const now = deps.clock.now();
  // stored in the programme case's wire form (dates as YYYY-MM-DD), exactly what the engine reads
  const settings: unknown = JSON.parse(JSON.stringify(input.settings));
  return deps.db.transaction().execute(async (trx) => {
    const clinic = await findClinicRecord(trx, clinicId, { lock: true });
    if (clinic === undefined) throw new AppError('not_found', 'No such clinic.');
    if (input.jurisdiction !== clinic.jurisdiction && (await clinicHasPatients(trx, clinicId))) {
      throw new AppError('conflict', `The clinic has patients judged by the ${clinic.jurisdiction} programme; its jurisdiction cannot change (DECISION-CLINIC-JURISDICTION).`);
    }
    const updated = { id: clinicId, name: input.name, jurisdiction: input.jurisdiction, timeZone: input.timeZone, settings };
    await updateClinicRecord(trx, clinicId, updated);
    await auditAdmin(trx, actor, now, { action: 'update_clinic_settings', resourceType: 'clinic', resourceId: clinicId, clinicId });
    return viewOf(updated);
  });
}
