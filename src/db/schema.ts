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

export interface Database {
  clinic: ClinicTable;
  patient: PatientTable;
  course: CourseTable;
  course_event: CourseEventTable;
  program_decision: ProgramDecisionTable;
}
