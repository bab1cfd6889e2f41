/**
 * The audit log's filters as the form holds them, and the GET /api/admin/audit query they make
 * (src/contracts/admin.ts auditQuerySchema): empty fields are left out, so "no filter" asks for
 * everything; a problem in a field is reported before anything is sent.
 */
export interface AuditFilterValues {
  /** User id of the actor, or '' for anyone. */
  readonly actor: string;
  /** Exact action (read, dispense, create_user…), or ''. */
  readonly action: string;
  /** Patient id, or '' for every patient. */
  readonly patient: string;
  /** First and last day (YYYY-MM-DD, clinic time zone), or ''. */
  readonly from: string;
  readonly to: string;
}

export const emptyAuditFilter: AuditFilterValues = { actor: '', action: '', patient: '', from: '', to: '' };

export type AuditFilterProblem = 'action_format' | 'from_format' | 'to_format' | 'range_reversed';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z0-9_]{0,99}$/;
const isRealDay = (value: string): boolean => ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const AUDIT_PAGE_SIZE = 50;

/** The problems of a filter, each once, in form order. */
export function auditFilterProblems(values: AuditFilterValues): AuditFilterProblem[] {
  const problems: AuditFilterProblem[] = [];
  const action = values.action.trim();
  if (action !== '' && !ACTION.test(action)) problems.push('action_format');
  if (values.from !== '' && !isRealDay(values.from)) problems.push('from_format');
  if (values.to !== '' && !isRealDay(values.to)) problems.push('to_format');
  if (problems.length === 0 && values.from !== '' && values.to !== '' && values.from > values.to) problems.push('range_reversed');
  return problems;
}

/** The API address of one page of the log: `before` is the previous page's nextCursor. */
export function auditQueryPath(values: AuditFilterValues, before?: string): string {
  const query = new URLSearchParams();
  if (values.actor !== '') query.set('actor', values.actor);
  if (values.action.trim() !== '') query.set('action', values.action.trim());
  if (values.patient !== '') query.set('patient', values.patient);
  if (values.from !== '') query.set('from', values.from);
  if (values.to !== '') query.set('to', values.to);
  if (before !== undefined) query.set('before', before);
  query.set('limit', String(AUDIT_PAGE_SIZE));
  return `/api/admin/audit?${query.toString()}`;
}
