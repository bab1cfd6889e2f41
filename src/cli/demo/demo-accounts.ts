import type { Actor } from '../../app/course/course-context.js';
import type { DemoContext } from './demo-context.js';
import { createAccount, demoEmail, type DemoStaff } from './demo-people.js';
import type { PatientStory } from './demo-steps.js';

/**
 * The two patient accounts of the demo, opened by the administrator right after enrollment; the
 * returned function is Jordan's actor once the account exists (for the doses Jordan logs).
 */
export function patientAccounts(ctx: DemoContext, staff: DemoStaff, sam: PatientStory, jordan: PatientStory): () => Actor {
  let jordanActor: Actor | undefined;
  sam.then(-33, '09:40', 'patient account', async () => {
    await createAccount(ctx, staff.admin, { role: 'patient', email: demoEmail('sam'), displayName: sam.person.displayName, patientId: sam.patientId });
  });
  jordan.then(-80, '09:40', 'patient account', async () => {
    jordanActor = (await createAccount(ctx, staff.admin, { role: 'patient', email: demoEmail('jordan'), displayName: jordan.person.displayName, patientId: jordan.patientId })).actor;
  });
  return () => {
    if (jordanActor === undefined) throw new Error('Jordan has no account yet');
    return jordanActor;
  };
}
