import { describe, expect, it } from 'vitest';
import { parseWorklistSearch, worklistApiPath, worklistSearch } from './worklist-query.js';

describe('worklist filters in the address', () => {
  it('reads statuses in the list order, once each, and a known filter', () => {
    expect(parseWorklistSearch('?status=paused,active,paused&filter=blocked')).toEqual({ statuses: ['active', 'paused'], filter: 'blocked' });
  });

  it('drops unknown values instead of failing', () => {
    expect(parseWorklistSearch('?status=open,active&filter=everything')).toEqual({ statuses: ['active'], filter: undefined });
    expect(parseWorklistSearch('')).toEqual({ statuses: [], filter: undefined });
  });

  it('writes the same filters back, with readable commas, and nothing when unfiltered', () => {
    expect(worklistSearch({ statuses: ['qualifying', 'active'], filter: 'overdue' })).toBe('?status=qualifying,active&filter=overdue');
    expect(worklistSearch({ statuses: [], filter: undefined })).toBe('');
    expect(parseWorklistSearch(worklistSearch({ statuses: ['stopped'], filter: 'flagged' }))).toEqual({ statuses: ['stopped'], filter: 'flagged' });
  });

  it('builds the API address with the cursor of the next page', () => {
    expect(worklistApiPath('c-1', { statuses: [], filter: undefined })).toBe('/api/clinics/c-1/worklist');
    expect(worklistApiPath('c 1', { statuses: ['active'], filter: 'due' }, 'abc=')).toBe('/api/clinics/c%201/worklist?status=active&filter=due&cursor=abc%3D');
  });
});
