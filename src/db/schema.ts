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
/** A JSON column with a database default: optional on insert. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface ClinicTable {
  id: Generated<string>;
  name: string;
  /** `US`, `EU`, `EU-FR`, `EU-IT`, `UK`: decides the rule packs. */
  jurisdiction: string;
  /** IANA time zone of the clinic (EU/UK windows close at 23:59:59 there). */
  time_zone: string;
  /** Rule-pack options (US date E, home-test policy, ...), validated by the app layer. */
  settings: Json;
  /** Moved by the database on every change that can alter a judgement (migration 2026-11-26T0000-change-versions); int8, read as text. */
  change_seq: Generated<string>;
  created_at: CreatedAt;
}

export interface PatientTable {
  id: Generated<string>;
  clinic_id: string;
  display_name: Generated<string>;
  /** A calendar date (`YYYY-MM-DD`): DATE columns are read as strings, never as JS Dates. */
  birth_date: string | null;
  /** Risk category, basis and confirmation (wire format of the programme case). */
  risk: JsonWithDefault;
  /** Moved by the database on every change that can alter a judgement (migration 2026-11-26T0000-change-versions); int8, read as text. */
  change_seq: Generated<string>;
  created_at: CreatedAt;
}

export interface CourseTable {
  id: Generated<string>;
  patient_id: string;
  clinic_id: string;
  /** 1 for the first course of a patient, 2 for the second, ... */
  sequence: number;
  status: CourseStatus;
  prescriber_id: string | null;
  product: string | null;
  target_mg_per_kg: number | null;
  /** numeric: read as a string (exact). */
  baseline_weight_kg: ColumnType<string | null, string | number | null, string | number | null>;
  baseline: JsonWithDefault;
  interaction_findings: JsonWithDefault;
  stop_reason: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Moved by the database on every change that can alter a judgement (migration 2026-11-26T0000-change-versions); int8, read as text. */
  change_seq: Generated<string>;
  created_at: CreatedAt;
}

export type CourseStatus = 'qualifying' | 'active' | 'paused' | 'completed' | 'stopped';

export interface PrescriptionTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  prescriber_id: string;
  written_on: string;
  product: string;
  strength_mg: number;
  quantity: number;
  daily_mg: number;
  refills: number;
  created_at: CreatedAt;
}

export type AuthorizationStatus = 'open' | 'dispensed' | 'reversed';

export interface AuthorizationTable {
  id: Generated<string>;
  number: string;
  prescription_id: string;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  status: AuthorizationStatus;
  issued_at: Timestamp;
  issued_by: string;
  first_instant: string;
  last_instant: string;
  last_day_to_collect: string;
  pack_id: string;
  reversed_at: Timestamp | null;
  reversal_reason: string | null;
  /** The pharmacy that last verified it while open (WL-PHARMACY): it sees it on its worklist. */
  pharmacy_id: ColumnType<string | null, string | null | undefined, string | null>;
  verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DispenseTable {
  id: Generated<string>;
  authorization_id: string;
  prescription_id: string;
  pharmacy_id: string;
  pharmacist_id: string;
  quantity: number;
  medication_guide_given: boolean;
  rma_number: string | null;
  dnd_date: string | null;
  dispensed_at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json | null;
  created_at: CreatedAt;
}

export interface TaskTable {
  id: Generated<string>;
  clinic_id: string;
  patient_id: string;
  course_id: string | null;
  kind: string;
  urgency: 'urgent' | 'soon' | 'routine';
  text: string;
  created_at: Timestamp;
  done_at: Timestamp | null;
}

export interface CourseEventTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  /** The event's id in the programme case (unique per patient). */
  event_key: string;
  recorded_by: string | null;
  on_behalf_of: string | null;
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
  /** The clinic whose administrators manage it (DECISION-PHARMACY-MANAGEMENT); null for none. */
  managed_by_clinic_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Set while the password is a temporary one an administrator issued (SEC-TEMP-PASSWORD). */
  password_temporary_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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

/** Kinds of clinical fact (docs/adr/0010-clinical-facts.md). */
export type ClinicalFactKind = 'dose' | 'weight' | 'lab' | 'phq9' | 'symptoms' | 'grading' | 'note';

export interface ClinicalFactTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  kind: ClinicalFactKind;
  occurred_at: Timestamp;
  /** Calendar day of a date-only fact (dose, weight, grading), `YYYY-MM-DD`. */
  effective_on: string | null;
  /** Unique per course when set: one dose per day and dose index, one weight per day. */
  dedupe_key: string | null;
  /** Primary coding (LOINC, SNOMED CT or a local system) and its display. */
  code_system: string;
  code: string;
  display: string;
  /** numeric: read as a string (exact). */
  value_numeric: ColumnType<string | null, string | number | null, never>;
  value_text: string | null;
  /** UCUM unit of `value_numeric`. */
  unit: string | null;
  reference_high: ColumnType<string | null, string | number | null, never>;
  codings: Json;
  /** The validated request, in its wire form. */
  data: Json;
  /** What the clinical engine concluded (grade, score, triage), or null. */
  result: Json | null;
  /** The most urgent task this fact created, or null. */
  alert: 'urgent' | 'soon' | 'routine' | null;
  visible_to_patient: ColumnType<boolean, boolean | undefined, never>;
  program_event_key: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  recorded_role: string;
  on_behalf_of: string | null;
}

export interface ProgressPhotoTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  content_type: 'image/jpeg' | 'image/png';
  byte_size: number;
  sha256: string;
  content: Buffer;
  taken_on: string | null;
  body_site: 'face' | 'chest' | 'back' | 'other' | null;
  caption: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  recorded_role: string;
}

/** One run of the nightly recompute (docs/nightly.md). */
export interface NightlyRunTable {
  id: Generated<string>;
  /** The date asked for with `--date`; null = today in each programme zone at `as_of`. */
  requested_date: string | null;
  as_of: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: 'running' | 'completed' | 'interrupted';
  /** Last course id of the last committed batch (an interrupted run resumes after it). */
  checkpoint: string | null;
  courses_judged: Generated<number>;
  problems: Generated<number>;
  reminders_created: Generated<number>;
  reminders_updated: Generated<number>;
  reminders_retired: Generated<number>;
}

/** What the nightly computed for one course (derived; docs/nightly.md). */
export interface CourseScheduleTable {
  course_id: string;
  clinic_id: string;
  patient_id: string;
  /** The calendar day (programme zone) the course was judged for. */
  computed_for: string;
  computed_at: Timestamp;
  run_id: string;
  course_status: CourseStatus;
  outcome: 'judged' | 'problem';
  next_authorization: 'allowed' | 'blocked' | null;
  overdue: number;
  due: number;
  upcoming: number;
  /** Earliest deadline of the course's dated items. */
  next_by: string | null;
  items: Json;
  unmet: Json;
  problem: string | null;
  /** The change versions the judgement read (course, patient, clinic); null: unknown, never unchanged. */
  course_seq: string | null;
  patient_seq: string | null;
  clinic_seq: string | null;
  /** The last day the stored judgement holds without any change (null: only `computed_for`). */
  valid_through: string | null;
}

/** A reminder to send (unique per course, kind and due date; retired, never deleted). */
export interface ReminderTable {
  id: Generated<string>;
  course_id: string;
  clinic_id: string;
  patient_id: string;
  kind: string;
  rule_id: string;
  recipient: 'patient' | 'clinic';
  due_on: string;
  send_on: string;
  message_key: string;
  status: 'pending' | 'sent' | 'retired';
  created_at: Timestamp;
  created_run: string;
  updated_at: Timestamp;
  updated_run: string;
  sent_at: Timestamp | null;
  retired_at: Timestamp | null;
  retired_reason: 'no_longer_applies' | 'course_not_judged' | null;
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
  prescription: PrescriptionTable;
  authorization: AuthorizationTable;
  dispense: DispenseTable;
  idempotency_key: IdempotencyKeyTable;
  task: TaskTable;
  clinical_fact: ClinicalFactTable;
  progress_photo: ProgressPhotoTable;
  nightly_run: NightlyRunTable;
  course_schedule: CourseScheduleTable;
  reminder: ReminderTable;
}
