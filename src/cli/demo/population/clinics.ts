import type { IdSource, Random } from './prng.js';
import { isoDay, Zone } from './days.js';

export type Jurisdiction = 'US' | 'EU' | 'EU-FR' | 'EU-IT' | 'UK';

/** What a generated clinic is: its programme, zone, settings, people and how many courses it gets. */
export interface ClinicPlan {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly zone: Zone;
  readonly courses: number;
  readonly prescribers: readonly string[];
  readonly designees: ReadonlyArray<{ readonly id: string; readonly actsFor: string }>;
  readonly adminId: string;
  readonly pharmacies: ReadonlyArray<{ readonly id: string; readonly pharmacists: readonly string[] }>;
}

export const POPULATION_DOMAIN = 'synthetic.isocourse.test';

/** Share of clinics per programme (the US is the largest single programme). */
const JURISDICTION_WEIGHTS: Readonly<Record<Jurisdiction, number>> = { US: 50, EU: 15, 'EU-FR': 10, 'EU-IT': 10, UK: 15 };

const FIRST_CLINICS: readonly Jurisdiction[] = ['US', 'UK', 'EU', 'EU-FR', 'EU-IT'];

const ZONES: Readonly<Record<Jurisdiction, readonly string[]>> = {
  US: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix'],
  EU: ['Europe/Berlin', 'Europe/Amsterdam', 'Europe/Madrid', 'Europe/Vienna', 'Europe/Dublin'],
  'EU-FR': ['Europe/Paris'],
  'EU-IT': ['Europe/Rome'],
  UK: ['Europe/London'],
};

const TOWNS: Readonly<Record<Jurisdiction, readonly string[]>> = {
  US: ['Riverside', 'Maple Grove', 'Lakeview', 'Cedar Falls', 'Brookfield', 'Fairmont', 'Oak Ridge', 'Springdale', 'Westport', 'Hillcrest'],
  EU: ['Hautzentrum Nord', 'Dermatologie am Markt', 'Huidkliniek Zuid', 'Clínica Dermatológica Sol', 'Hautambulanz Ost'],
  'EU-FR': ['Clinique du Parc', 'Cabinet de dermatologie Saint-Michel', 'Centre de la peau Lumière'],
  'EU-IT': ['Clinica del Parco', 'Centro Dermatologico San Marco', 'Ambulatorio Dermatologia Duomo'],
  UK: ['Thames Skin Clinic', 'Pennine Dermatology', 'Severn Skin Centre', 'Clyde Dermatology'],
};

const SPECIALTIES = ['dermatologist', 'dermatologist', 'dermatologist', 'general_practitioner'] as const;

/**
 * Course counts per clinic: log-normal sizes (sigma 0.8), so most clinics are mid-sized and a few
 * are several times the mean, as real practices are; the counts add up to `total` exactly.
 */
export function clinicSizes(random: Random, clinics: number, total: number): number[] {
  const weights = Array.from({ length: clinics }, () => Math.exp(0.8 * random.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const sizes = exact.map((x) => Math.floor(x));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
    left -= 1;
  }
  return sizes;
}

/** Default number of clinics: about 3,000 courses each, at least a few so every programme appears. */
export function defaultClinicCount(courses: number): number {
  return Math.max(1, Math.ceil(courses / 3000), Math.min(5, courses));
}

export interface StaffRows {
  readonly clinics: Array<Record<string, unknown>>;
  readonly pharmacies: Array<Record<string, unknown>>;
  readonly users: Array<Record<string, unknown>>;
  readonly designees: Array<Record<string, unknown>>;
}

/**
 * Plans the clinics with their staff and pharmacies and returns their rows. Prescribers are
 * certified and pharmacies certified and activated (US2) long before any generated history.
 */
export function planClinics(random: Random, ids: IdSource, options: { sizes: readonly number[]; firstIndex: number; tag: string; today: number; passwordHash: string; createdAt: string }): { plans: ClinicPlan[]; rows: StaffRows } {
  const rows: StaffRows = { clinics: [], pharmacies: [], users: [], designees: [] };
  const plans: ClinicPlan[] = [];
  const certifiedOn = isoDay(options.today - 400);
  options.sizes.forEach((courses, i) => {
    const index = options.firstIndex + i;
    // the first clinics take each programme in turn, so even a small population has them all
    const jurisdiction = index < FIRST_CLINICS.length ? (FIRST_CLINICS[index] ?? 'US') : random.weighted(JURISDICTION_WEIGHTS);
    const zone = new Zone(random.pick(ZONES[jurisdiction]));
    const id = ids.next();
    const name = `${random.pick(TOWNS[jurisdiction])} (synthetic ${index + 1})`;
    rows.clinics.push({ id, name, jurisdiction, time_zone: zone.name, settings: clinicSettings(random, jurisdiction), created_at: options.createdAt });
    const email = (role: string, n: number) => `${role}-${options.tag}-${index + 1}-${n + 1}@${POPULATION_DOMAIN}`;
    const user = (role: string, n: number, extra: Record<string, unknown>): string => {
      const userId = ids.next();
      rows.users.push({ id: userId, email: email(role, n), display_name: `${role} ${n + 1} of clinic ${index + 1}`, password_hash: options.passwordHash, role, created_at: options.createdAt, ...extra });
      return userId;
    };
    const adminId = user('clinic_admin', 0, { clinic_id: id });
    const prescriberCount = Math.min(25, Math.max(1, Math.ceil(courses / 1500)));
    const prescribers = Array.from({ length: prescriberCount }, (_, n) =>
      user('prescriber', n, { clinic_id: id, prescriber_specialty: SPECIALTIES[n % SPECIALTIES.length], prescriber_certified_on: certifiedOn }),
    );
    const designees = Array.from({ length: Math.ceil(prescriberCount / 2) }, (_, n) => {
      const actsFor = prescribers[(n * 2) % prescribers.length] ?? adminId;
      const designeeId = user('designee', n, { clinic_id: id });
      rows.designees.push({ designee_id: designeeId, prescriber_id: actsFor });
      return { id: designeeId, actsFor };
    });
    const pharmacies = Array.from({ length: random.int(1, 3) }, (_, n) => {
      const pharmacyId = ids.next();
      rows.pharmacies.push({
        id: pharmacyId,
        name: `Pharmacy ${n + 1} near clinic ${index + 1}`,
        jurisdiction,
        certified_on: certifiedOn,
        activated_on: isoDay(options.today - random.int(240, 330)),
        managed_by_clinic_id: id,
        created_at: options.createdAt,
      });
      const pharmacists = Array.from({ length: random.int(1, 3) }, (_, k) => user('pharmacist', n * 3 + k, { pharmacy_id: pharmacyId }));
      return { id: pharmacyId, pharmacists };
    });
    plans.push({ index, id, name, jurisdiction, zone, courses, prescribers, designees, adminId, pharmacies });
  });
  return { plans, rows };
}

/** Clinic settings as the administration API accepts them (the programme case's `clinic.settings`). */
function clinicSettings(random: Random, jurisdiction: Jurisdiction): Record<string, unknown> {
  if (jurisdiction !== 'US') return {};
  const settings: Record<string, unknown> = {};
  if (random.chance(0.2)) settings.enforcementDiscretionHomeTests = true;
  if (random.chance(0.3)) settings.homeTestOptIn = { optedIn: true, antiFalsificationProcedure: 'photo of the test with the patient and a dated note, read by staff' };
  return settings;
}
