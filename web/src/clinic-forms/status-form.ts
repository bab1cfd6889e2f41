import type { CourseStatusChange } from '../../../src/contracts/course.js';
import { Checker, type FormOutcome } from './form-fields.js';

export type CourseStatus = 'qualifying' | 'active' | 'paused' | 'completed' | 'stopped';
export type StatusAction = 'pause' | 'resume' | 'complete' | 'stop';

/** What the server allows from each status (src/app/course/lifecycle.ts). */
const ACTIONS: Readonly<Record<CourseStatus, readonly StatusAction[]>> = {
  qualifying: ['stop'],
  active: ['pause', 'complete', 'stop'],
  paused: ['resume', 'complete', 'stop'],
  completed: [],
  stopped: [],
};

const TARGET: Readonly<Record<StatusAction, CourseStatusChange['status']>> = { pause: 'paused', resume: 'active', complete: 'completed', stop: 'stopped' };

export const STOP_REASONS = ['adverse_effect', 'patient_decision', 'pregnancy', 'other'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export function actionsFor(status: CourseStatus): readonly StatusAction[] {
  return ACTIONS[status];
}

/** Completing or stopping closes the course: its open authorizations are reversed. */
export function closes(action: StatusAction | ''): boolean {
  return action === 'complete' || action === 'stop';
}

export interface StatusFormValues {
  readonly action: StatusAction | '';
  readonly reason: StopReason | '';
  readonly reasonText: string;
  readonly on: string;
}

export type StatusField = keyof StatusFormValues;

export function statusRequestFrom(values: StatusFormValues, today: string, status: CourseStatus): FormOutcome<CourseStatusChange, StatusField> {
  const check = new Checker<StatusField>();
  const action = check.chosen('action', values.action !== '' && ACTIONS[status].includes(values.action) ? values.action : '');
  const on = check.date('on', values.on, today);
  let reason: string | undefined;
  if (action === 'stop') {
    if (values.reason === '') check.add('reason', 'notChosen');
    // a named reason is kept as its code (the programme engine reads it); other reasons in words
    else reason = values.reason === 'other' ? check.text('reasonText', values.reasonText, 500) : values.reason;
  } else if (values.reasonText.trim() !== '') {
    reason = check.text('reasonText', values.reasonText, 500);
  }
  return check.outcome(() => ({ status: TARGET[action ?? 'stop'], on: on ?? today, ...(reason === undefined ? {} : { reason }) }));
}
