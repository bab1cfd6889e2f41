import { expect, type Browser } from '@playwright/test';
import { prescriber } from './accounts.js';
import { signInAccount } from './session.js';

/** What a pharmacist is told at the counter: the authorization's number and the patient's date of birth. */
export interface CounterFacts {
  readonly authorizationId: string;
  readonly number: string;
  readonly birthDate: string;
  readonly lastDayToCollect: string;
}

interface Worklist {
  readonly items: readonly { readonly courseId: string; readonly patientName: string }[];
}

interface CourseDetail {
  readonly patient: { readonly birthDate: string | null };
  readonly authorizations: readonly { readonly id: string; readonly number: string; readonly status: string; readonly lastDayToCollect: string }[];
}

/**
 * The open authorization of a demo patient, read as the demo prescriber in a browser context of
 * its own (the clinic worklist, then the course): `isocourse demo` makes new numbers every run,
 * so a test never hard-codes one.
 */
export async function openAuthorizationOf(browser: Browser, baseURL: string, patientName: string): Promise<CounterFacts> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInAccount(page, prescriber);
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { clinicId: string } };
    const worklistAnswer = await page.request.get(`/api/clinics/${session.user.clinicId}/worklist?limit=100`);
    expect(worklistAnswer.status(), await worklistAnswer.text()).toBe(200);
    const course = ((await worklistAnswer.json()) as Worklist).items.find((item) => item.patientName === patientName);
    if (course === undefined) throw new Error(`${patientName} is not on the demo clinic's worklist`);
    const detail = (await (await page.request.get(`/api/courses/${course.courseId}`)).json()) as CourseDetail;
    const open = detail.authorizations.find((authorization) => authorization.status === 'open');
    if (open === undefined || detail.patient.birthDate === null) throw new Error(`${patientName} has no open authorization`);
    return { authorizationId: open.id, number: open.number, birthDate: detail.patient.birthDate, lastDayToCollect: open.lastDayToCollect };
  } finally {
    await context.close();
  }
}
