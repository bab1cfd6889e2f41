import { describe, expect, it } from 'vitest';
import { auditFilterProblems, auditQueryPath, emptyAuditFilter } from './audit-filter.js';

const actor = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const patient = '6f1c2a9e-9d3b-4b8a-a2c1-5e7f0d9b3c11';

describe('audit log filters', () => {
  it('asks for everything, one page, when no filter is set', () => {
    expect(auditQueryPath(emptyAuditFilter)).toBe('/api/admin/audit?limit=50');
  });

  it('puts each filter that is set into the query, the action trimmed, and the cursor last', () => {
    const path = auditQueryPath({ actor, action: ' dispense ', patient, from: '2026-11-01', to: '2026-11-22' }, '1234');
    expect(path).toBe(`/api/admin/audit?actor=${actor}&action=dispense&patient=${patient}&from=2026-11-01&to=2026-11-22&before=1234&limit=50`);
  });

  it('leaves out empty fields', () => {
    expect(auditQueryPath({ ...emptyAuditFilter, from: '2026-11-01' })).toBe('/api/admin/audit?from=2026-11-01&limit=50');
  });

  it('finds a malformed action, an impossible day and a reversed range before sending', () => {
    expect(auditFilterProblems(emptyAuditFilter)).toEqual([]);
    expect(auditFilterProblems({ ...emptyAuditFilter, action: 'Create User' })).toEqual(['action_format']);
    expect(auditFilterProblems({ ...emptyAuditFilter, from: '2026-02-30' })).toEqual(['from_format']);
    expect(auditFilterProblems({ ...emptyAuditFilter, to: '22/11/2026' })).toEqual(['to_format']);
    expect(auditFilterProblems({ ...emptyAuditFilter, from: '2026-11-22', to: '2026-11-01' })).toEqual(['range_reversed']);
    expect(auditFilterProblems({ ...emptyAuditFilter, from: '2026-11-01', to: '2026-11-01' })).toEqual([]);
  });
});
