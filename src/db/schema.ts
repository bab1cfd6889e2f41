import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the database, as Kysely sees them. They never leave `src/db`: repositories map
 * them to domain values explicitly (snake_case here, camelCase outside).
 *
 * The core is a course record made of append-only events (docs/architecture.md): a clinic has
 * patients, a patient has courses over time, and everything that happens in a course is a dated
 * event; programme decisions are stored with the facts they saw.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface ClinicTable {
  id: Generated<string>;
  name: string;
  /** `US`, `EU`, `EU-FR`, `EU-IT`, `UK`: decides the rule packs. */
  jurisdiction: string;
  /** IANA time zone of the clinic (EU/UK windows close at 23:59:59 there). */
  time_zone: string;
  /** Rule-pack options (US date E, home-test policy, ...), validated by the app layer. */
  settings: Json;
  created_at: CreatedAt;
}

export interface PatientTable {
  id: Generated<string>;
  clinic_id: string;
  display_name: Generated<string>;
  /** A calendar date (`YYYY-MM-DD`): DATE columns are read as strings, never as JS Dates. */
  birth_date: string | null;
  created_at: CreatedAt;
}

export interface CourseTable {
  id: Generated<string>;
  patient_id: string;
  clinic_id: string;
  /** 1 for the first course of a patient, 2 for the second, ... */
  sequence: number;
  status: string;
  created_at: CreatedAt;
}

export interface CourseEventTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  kind: string;
  /** When it happened in the world (specimen collected, dose taken, ...). */
  occurred_at: Timestamp;
  /** When it was recorded here. */
  recorded_at: CreatedAt;
  payload: Json;
}

export interface ProgramDecisionTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  action: string;
  decided_at: Timestamp;
  pack_id: string;
  outcome: 'allowed' | 'blocked';
  /** The full decision as returned by the engine. */
  decision: Json;
  /** The case (facts) the engine saw, so the decision can be replayed and explained later. */
  facts: Json;
  created_at: CreatedAt;
}

export interface PharmacyTable {
  id: Generated<string>;
  name: string;
  jurisdiction: string;
  certified_on: string | null;
  /** Last yearly activation (US2): valid through the day before its anniversary. */
  activated_on: string | null;
  created_at: CreatedAt;
}

export type Role = 'prescriber' | 'designee' | 'pharmacist' | 'patient' | 'clinic_admin';

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  clinic_id: string | null;
  pharmacy_id: string | null;
  patient_id: string | null;
  prescriber_specialty: string | null;
  prescriber_certified_on: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface DesigneeForTable {
  designee_id: string;
  prescriber_id: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  chain: string;
  /** int8: read as a string (exact), written as a number or string. */
  seq: ColumnType<string, number | string, never>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  on_behalf_of: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  clinic_id: string | null;
  patient_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: ColumnType<string, number | string, number | string>;
  hash: string;
}

export interface Database {
  clinic: ClinicTable;
  patient: PatientTable;
  course: CourseTable;
  course_event: CourseEventTable;
  program_decision: ProgramDecisionTable;
  pharmacy: PharmacyTable;
  app_user: AppUserTable;
  designee_for: DesigneeForTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
