/**
 * The worklist's filters as they live in the page address (`?status=active,paused&filter=blocked`),
 * so a filtered list can be bookmarked, shared inside the clinic and reloaded. The same values go
 * to GET /api/clinics/:clinicId/worklist.
 */
export const WORKLIST_STATUSES = ['qualifying', 'active', 'paused', 'completed', 'stopped'] as const;
export const WORKLIST_FILTERS = ['due', 'overdue', 'blocked', 'flagged'] as const;

export type WorklistStatus = (typeof WORKLIST_STATUSES)[number];
export type WorklistFilter = (typeof WORKLIST_FILTERS)[number];

export interface WorklistQuery {
  /** Empty: the server's default (open courses and any course with an open red flag). */
  readonly statuses: readonly WorklistStatus[];
  readonly filter: WorklistFilter | undefined;
}

const isStatus = (value: string): value is WorklistStatus => (WORKLIST_STATUSES as readonly string[]).includes(value);
const isFilter = (value: string): value is WorklistFilter => (WORKLIST_FILTERS as readonly string[]).includes(value);

/** The filters in a query string; unknown values are dropped, so an edited address never breaks the page. */
export function parseWorklistSearch(search: string): WorklistQuery {
  const params = new URLSearchParams(search);
  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(isStatus);
  const filter = params.get('filter') ?? '';
  // in the list's own order, once each
  return { statuses: WORKLIST_STATUSES.filter((s) => statuses.includes(s)), filter: isFilter(filter) ? filter : undefined };
}

/** The query string of the filters (with its `?`), or '' when nothing is filtered. */
export function worklistSearch(query: WorklistQuery): string {
  const params = new URLSearchParams();
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.filter !== undefined) params.set('filter', query.filter);
  const text = params.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
}

/** The API address of one page of the worklist with these filters (`cursor`: the previous page's nextCursor). */
export function worklistApiPath(clinicId: string, query: WorklistQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.statuses.length > 0) params.set('status', query.statuses.join(','));
  if (query.filter !== undefined) params.set('filter', query.filter);
  if (cursor !== undefined) params.set('cursor', cursor);
  const text = params.toString();
  return `/api/clinics/${encodeURIComponent(clinicId)}/worklist${text === '' ? '' : `?${text}`}`;
}
