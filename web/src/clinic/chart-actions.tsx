import type { ComponentType } from 'react';
import type { SessionUser } from '../api/auth-api.js';
import { clinicFormActions } from '../clinic-forms/chart-form-actions.js';
import type { CourseDetail } from './chart-data.js';

/**
 * What an action on the chart receives: the course as read, who is signed in, and `reload`, which
 * reads the whole chart again after the action changed the record.
 */
export interface ChartActionProps {
  readonly detail: CourseDetail;
  readonly user: SessionUser;
  readonly reload: () => void;
}

/**
 * One action the chart offers (a link or a button that opens a form: "Record an event",
 * "Prescribe", "Issue authorization", "Stop or finish"). `id` is stable and unique; `applies`
 * says whether it is offered for this course and this person (the chart lists only those, and
 * shows no "Actions" section when none applies).
 */
export interface ChartAction {
  readonly id: string;
  readonly applies: (props: Omit<ChartActionProps, 'reload'>) => boolean;
  readonly Component: ComponentType<ChartActionProps>;
}

/**
 * The chart's extension point: the forms (web/src/clinic forms) add their entries here, in the
 * order they appear.
 */
export const chartActions: readonly ChartAction[] = [...clinicFormActions];
