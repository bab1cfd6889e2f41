import type { Migration } from 'kysely';
import * as courseRecordCore from './2026-11-22T0000-course-record-core.js';
import * as identityAndAudit from './2026-11-22T0100-identity-and-audit.js';
import * as courseService from './2026-11-22T0200-course-service.js';
import * as clinicAdministration from './2026-11-22T0300-clinic-administration.js';
import * as clinicalFacts from './2026-11-22T0400-clinical-facts.js';
import * as worklists from './2026-11-23T0000-worklists.js';
import * as nightly from './2026-11-24T0000-nightly.js';
import * as worklistNameOrder from './2026-11-25T0000-worklist-name-order.js';
import * as changeVersions from './2026-11-26T0000-change-versions.js';

/**
 * Every migration, in order, from a static map (a bundled CLI cannot read a folder at run time).
 * Forward-only: there are no `down` functions; a mistake is fixed by a new migration.
 * Names are timestamps, so their order is their sort order.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-22T0000-course-record-core': courseRecordCore,
  '2026-11-22T0100-identity-and-audit': identityAndAudit,
  '2026-11-22T0200-course-service': courseService,
  '2026-11-22T0300-clinic-administration': clinicAdministration,
  '2026-11-22T0400-clinical-facts': clinicalFacts,
  '2026-11-23T0000-worklists': worklists,
  '2026-11-24T0000-nightly': nightly,
  '2026-11-25T0000-worklist-name-order': worklistNameOrder,
  '2026-11-26T0000-change-versions': changeVersions,
};
