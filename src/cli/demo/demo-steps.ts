import type { IssueResult } from '../../app/course/authorize.js';
import type { Actor } from '../../app/course/course-context.js';
import { doseRequestSchema, labRequestSchema, phq9RequestSchema } from '../../contracts/clinical.js';
import { dispenseRequestSchema, enrollRequestSchema, prescriptionRequestSchema } from '../../contracts/course.js';
import { dayOf, minutesAgo, type DemoContext } from './demo-context.js';
import type { DemoStaff } from './demo-people.js';
import type { DemoPlan } from './demo-plan.js';

/**
 * One patient's demo story: each method schedules a real use case at its moment in the plan.
 * Inputs go through the same zod schemas as the HTTP API, so the demo can never store what a
 * client could not.
 */
export type Authorization = IssueResult['authorization'];

export interface Person {
  readonly displayName: string;
  readonly birthDate: string;
  readonly risk: unknown;
  readonly weightKg: number;
}

/** What differs between programmes when a pharmacist dispenses, and the product prescribed. */
export interface Dispensing {
  readonly product: string;
  /** The iPLEDGE RMA number and DND date in the US, the pharmacist checklist in Europe. */
  facts(authorization: Authorization): Record<string, unknown>;
}

export class PatientStory {
  private enrolled: { courseId: string; patientId: string } | undefined;
  private authorization: Authorization | undefined;

  constructor(
    private readonly ctx: DemoContext,
    private readonly plan: DemoPlan,
    private readonly staff: DemoStaff,
    private readonly dispensing: Dispensing,
    readonly person: Person,
  ) {}

  get courseId(): string {
    if (this.enrolled === undefined) throw new Error(`${this.person.displayName} is not enrolled yet in the demo plan`);
    return this.enrolled.courseId;
  }

  get patientId(): string {
    if (this.enrolled === undefined) throw new Error(`${this.person.displayName} is not enrolled yet in the demo plan`);
    return this.enrolled.patientId;
  }

  private step(day: number, time: string, what: string, run: () => Promise<void>): this {
    this.plan.at(day, time, `${this.person.displayName}: ${what}`, run);
    return this;
  }

  enroll(day: number, baseline: Record<string, unknown> = {}): this {
    return this.step(day, '09:00', 'enroll', async () => {
      const p = this.person;
      const input = enrollRequestSchema.parse({ displayName: p.displayName, birthDate: p.birthDate, risk: p.risk, product: this.dispensing.product, baselineWeightKg: p.weightKg, baseline });
      const result = await this.ctx.services.courses.enroll(this.staff.prescriber, input);
      this.enrolled = { courseId: result.course.id, patientId: result.patientId };
    });
  }

  /** A programme fact, recorded by the prescriber or by the nurse on the prescriber's behalf. */
  event(day: number, time: string, event: Record<string, unknown>, by: 'prescriber' | 'designee' = 'prescriber'): this {
    return this.step(day, time, String(event.kind), async () => {
      const actor = by === 'prescriber' ? this.staff.prescriber : this.staff.designee;
      await this.ctx.services.courses.recordEvent(actor, this.courseId, { event, ...(by === 'designee' ? { prescriberId: this.staff.prescriberId } : {}) });
    });
  }

  /** A fact dated on its day (`on`), recorded at `time`. */
  dated(day: number, time: string, kind: string, fields: Record<string, unknown> = {}, by: 'prescriber' | 'designee' = 'prescriber'): this {
    return this.event(day, time, { kind, on: dayOf(this.ctx, day), ...fields }, by);
  }

  /** A urine test (25 mIU/mL) in the clinic's lab or under supervision, collected half an hour before it is recorded. */
  pregnancyTest(day: number, purpose: string, result: 'negative' | 'positive' = 'negative', time = '10:00', setting: 'clia_lab' | 'medical_setting' = 'clia_lab'): this {
    return this.step(day, time, `${purpose} pregnancy test`, async () => {
      const event = { kind: 'pregnancy_test', collectedAt: minutesAgo(this.ctx, 30), specimen: 'urine', loinc: '2106-3', setting, sensitivityMiuPerMl: 25, result, purpose };
      await this.ctx.services.courses.recordEvent(this.staff.prescriber, this.courseId, { event });
    });
  }

  comprehensionQuestions(day: number): this {
    return this.step(day, '10:30', 'comprehension questions', async () => {
      const event = { kind: 'comprehension_questions', at: minutesAgo(this.ctx, 5), items: [{ questionId: 'q1', answer: 'correct' }, { questionId: 'q2', answer: 'correct' }] };
      await this.ctx.services.courses.recordEvent(this.staff.prescriber, this.courseId, { event });
    });
  }

  /** A prescription (written today in the story) and its authorization. */
  prescribe(day: number, rx: { strengthMg: number; dailyMg: number; quantity: number }): this {
    return this.step(day, '11:00', 'prescription and authorization', async () => {
      const input = prescriptionRequestSchema.parse({ writtenOn: dayOf(this.ctx, day), product: this.dispensing.product, ...rx, refills: 0 });
      const written = await this.ctx.services.courses.writePrescription(this.staff.prescriber, this.courseId, input);
      this.authorization = (await this.ctx.services.authorizations.issue(this.staff.prescriber, written.prescriptionId)).authorization;
    });
  }

  /** The pharmacist verifies the last authorization by number and birth date, then dispenses it. */
  collect(day: number, quantity: number): this {
    return this.step(day, '16:00', 'dispense', async () => {
      const authorization = this.authorization;
      if (authorization === undefined) throw new Error('nothing to collect');
      const verified = await this.ctx.services.authorizations.verify(this.staff.pharmacist, authorization.number, this.person.birthDate);
      if (!verified.mayDispenseNow) throw new Error(`may not dispense: ${JSON.stringify(verified.decision.unmet)}`);
      const request = dispenseRequestSchema.parse({ quantity, medicationGuideGiven: true, ...this.dispensing.facts(authorization) });
      await this.ctx.services.authorizations.dispense(this.staff.pharmacist, authorization.id, request);
    });
  }

  dose(day: number, by: () => Actor, mg: number, taken: boolean): this {
    return this.step(day, '21:00', taken ? 'dose taken' : 'dose missed', async () => {
      await this.ctx.services.clinical.recordDose(by(), this.courseId, doseRequestSchema.parse({ date: dayOf(this.ctx, day), mg, taken }));
    });
  }

  lab(day: number, request: Record<string, unknown>): this {
    return this.step(day, '14:00', `lab ${String(request.loinc)}`, async () => {
      await this.ctx.services.clinical.recordLab(this.staff.prescriber, this.courseId, labRequestSchema.parse({ ...request, collectedAt: minutesAgo(this.ctx, 240) }));
    });
  }

  phq9(day: number, answers: readonly number[]): this {
    return this.step(day, '12:00', 'PHQ-9', async () => {
      await this.ctx.services.clinical.recordPhq9(this.staff.prescriber, this.courseId, phq9RequestSchema.parse({ answers, completedAt: minutesAgo(this.ctx, 20) }));
    });
  }

  /** Anything else at a moment of the story (an account for the patient, ...). */
  then(day: number, time: string, what: string, run: () => Promise<void>): this {
    return this.step(day, time, what, run);
  }
}
