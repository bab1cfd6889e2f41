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
 * "Prescribe", "Issue authorization", "Stop or finish"). `id` is stable and unique; `Component`
 * decides itself whether it applies to this course and this person (it may render nothing).
 */
export interface ChartAction {
  readonly id: string;
  readonly Component: ComponentType<ChartActionProps>;
}

/**
 * The chart's extension point: the forms (web/src/clinic forms) add their entries here, in the
 * order they appear. The chart shows an "Actions" section only when at least one entry exists.
 */
export const chartActions: readonly ChartAction[] = [...clinicFormActions];
