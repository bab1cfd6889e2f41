import { z } from 'zod';
import { formatLongDate } from '../i18n/format.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import type { CourseDetail } from './chart-data.js';

export type TimelineCategory = 'programme' | 'test' | 'prescription' | 'authorization' | 'dispense' | 'course';

export interface TimelineEntry {
  readonly id: string;
  /** The calendar day it happened on (YYYY-MM-DD): the event's own day, else its recorded instant's. */
  readonly day: string;
  /** For ordering inside a day: the instant it was recorded as having happened. */
  readonly at: string;
  readonly category: TimelineCategory;
  readonly title: string;
  readonly detail: string | undefined;
}

const KIND_TITLES: Readonly<Record<string, PlainMessageKey>> = {
  enrollment: 'timeline.kind.enrollment',
  prescriber_certified: 'timeline.kind.prescriber_certified',
  pharmacy_certified: 'timeline.kind.pharmacy_certified',
  pharmacy_activated: 'timeline.kind.pharmacy_activated',
  form_signed: 'timeline.kind.form_signed',
  counselling: 'timeline.kind.counselling',
  contraception_started: 'timeline.kind.contraception_started',
  contraception_stopped: 'timeline.kind.contraception_stopped',
  abstinence_committed: 'timeline.kind.abstinence_committed',
  abstinence_ended: 'timeline.kind.abstinence_ended',
  contraception_exemption: 'timeline.kind.contraception_exemption',
  comprehension_questions: 'timeline.kind.comprehension_questions',
  pregnancy_test: 'timeline.kind.pregnancy_test',
  prescription: 'timeline.kind.prescription',
  authorization_issued: 'timeline.kind.authorization_issued',
  authorization_reversed: 'timeline.kind.authorization_reversed',
  dispense: 'timeline.kind.dispense',
  first_dose: 'timeline.kind.first_dose',
  last_dose: 'timeline.kind.last_dose',
  course_started: 'timeline.kind.course_started',
  course_stopped: 'timeline.kind.course_stopped',
  requalified: 'timeline.kind.requalified',
  risk_category_changed: 'timeline.kind.risk_category_changed',
  office_visit: 'timeline.kind.office_visit',
  material_given: 'timeline.kind.material_given',
  assessment: 'timeline.kind.assessment',
  second_prescriber_agreement: 'timeline.kind.second_prescriber_agreement',
};

const CATEGORIES: Readonly<Record<string, TimelineCategory>> = {
  pregnancy_test: 'test',
  prescription: 'prescription',
  authorization_issued: 'authorization',
  authorization_reversed: 'authorization',
  dispense: 'dispense',
  course_started: 'course',
  course_stopped: 'course',
  first_dose: 'course',
  last_dose: 'course',
};

/** The title of an event kind in plain words; a kind this version does not know is named as it is. */
export function eventTitle(kind: string): string {
  const key = KIND_TITLES[kind];
  return key === undefined ? t('timeline.kind.other', { kind }) : t(key);
}

type CourseEvent = CourseDetail['events'][number];

/**
 * The fields of a programme event the timeline shows, read leniently as plain strings (the
 * contract's own schema turns dates into calendar objects); an event that does not read gets its
 * title only.
 */
const payloadSchema = z.object({
  on: z.string().optional(),
  at: z.string().optional(),
  collectedAt: z.string().optional(),
  purpose: z.enum(['screening', 'confirmation', 'monthly', 'end_of_treatment', 'post_treatment']).optional(),
  result: z.enum(['negative', 'positive', 'unknown', 'invalid']).optional(),
  setting: z.enum(['clia_lab', 'medical_setting', 'home']).optional(),
  writtenOn: z.string().optional(),
  dailyMg: z.number().optional(),
  quantity: z.number().optional(),
  strengthMg: z.number().optional(),
  lastDayToCollect: z.string().optional(),
  reason: z.string().optional(),
});

const STOP_REASONS = ['completed', 'pregnancy', 'adverse_effect', 'patient_decision', 'other'] as const;
const isStopReason = (reason: string): reason is (typeof STOP_REASONS)[number] => (STOP_REASONS as readonly string[]).includes(reason);

/** The words under the title: the facts of the event that matter when reading the record. */
function eventDetail(event: CourseEvent, detail: CourseDetail): { day: string | undefined; text: string | undefined } {
  const parsed = payloadSchema.safeParse(event.payload);
  if (!parsed.success) return { day: undefined, text: undefined };
  const e = parsed.data;
  const instantDay = e.at?.slice(0, 10);
  switch (event.kind) {
    case 'pregnancy_test':
      return {
        day: e.collectedAt?.slice(0, 10),
        text:
          e.purpose === undefined || e.result === undefined || e.setting === undefined
            ? undefined
            : t('timeline.detail.pregnancyTest', { purpose: t(`timeline.purpose.${e.purpose}`), result: t(`timeline.result.${e.result}`), setting: t(`timeline.setting.${e.setting}`) }),
      };
    case 'prescription':
      return {
        day: e.writtenOn,
        text: e.dailyMg === undefined || e.quantity === undefined || e.strengthMg === undefined ? undefined : t('timeline.detail.prescription', { daily: e.dailyMg, quantity: e.quantity, strength: e.strengthMg }),
      };
    case 'authorization_issued': {
      const authorization = detail.authorizations.find((a) => a.id === event.id);
      if (authorization !== undefined) {
        return {
          day: instantDay,
          text: t('timeline.detail.authorization', { number: authorization.number, date: formatLongDate(authorization.lastDayToCollect), status: t(`timeline.authorizationStatus.${authorization.status}`) }),
        };
      }
      return { day: instantDay, text: e.lastDayToCollect === undefined ? undefined : t('timeline.detail.collectBy', { date: formatLongDate(e.lastDayToCollect) }) };
    }
    case 'authorization_reversed':
      return { day: instantDay, text: e.reason === undefined ? undefined : t('timeline.detail.reason', { reason: e.reason }) };
    case 'dispense':
      return { day: instantDay, text: e.quantity === undefined ? undefined : t('timeline.detail.dispense', { quantity: e.quantity }) };
    case 'course_stopped':
      return { day: e.on, text: e.reason === undefined ? undefined : t('timeline.detail.reason', { reason: isStopReason(e.reason) ? t(`timeline.stopReason.${e.reason}`) : e.reason }) };
    default:
      return { day: e.on ?? instantDay, text: undefined };
  }
}

/**
 * The course's history in date order (oldest first): every programme event, prescription,
 * authorization and dispense, each with a plain-language title and the details that matter.
 */
export function buildTimeline(detail: CourseDetail): TimelineEntry[] {
  const entries = detail.events.map((event): TimelineEntry => {
    const { day, text } = eventDetail(event, detail);
    return {
      id: event.id,
      day: day ?? event.occurredAt.slice(0, 10),
      at: event.occurredAt,
      category: CATEGORIES[event.kind] ?? 'programme',
      title: eventTitle(event.kind),
      detail: text,
    };
  });
  return entries.sort((a, b) => (a.day === b.day ? a.at.localeCompare(b.at) : a.day.localeCompare(b.day)));
}
