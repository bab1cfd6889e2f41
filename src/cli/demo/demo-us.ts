import { dayOf, type DemoContext } from './demo-context.js';
import { patientAccounts } from './demo-accounts.js';
import { DEMO_PASSWORD, demoEmail, type DemoLogin, type DemoStaff } from './demo-people.js';
import type { DemoPlan } from './demo-plan.js';
import { PatientStory, type Dispensing, type Person } from './demo-steps.js';

/** A course of the demo, and the state it was laid out to be in today. */
export interface DemoCourse {
  readonly state: string;
  readonly patient: string;
  readonly riskCategory: 'can_get_pregnant' | 'cannot_get_pregnant';
  readonly story: PatientStory;
}

export interface DemoStories {
  readonly courses: DemoCourse[];
  readonly logins: DemoLogin[];
}

// 20 mg capsules, 40 mg a day, 60 capsules: a 30-day supply (US1)
const RX = { strengthMg: 20, dailyMg: 40, quantity: 60 };

const canGetPregnant = { category: 'can_get_pregnant', basis: [] };

function usDispensing(): Dispensing {
  let serial = 1000;
  return {
    product: 'us-generic',
    // the RMA number the pharmacist obtained from iPLEDGE and its DND date (US13)
    facts: (authorization) => ({ rmaNumber: `RMA-DEMO-${(serial += 1)}`, dndDate: authorization.lastDayToCollect }),
  };
}

/**
 * The US demo stories (iPLEDGE): one course in each state, in days before today (day 0) in New
 * York, where the US windows close (US7). Every step is a real use case.
 */
export function usStories(ctx: DemoContext, plan: DemoPlan, staff: DemoStaff): DemoStories {
  const dispensing = usDispensing();
  const story = (person: Person) => new PatientStory(ctx, plan, staff, dispensing, person);
  const cannotGetPregnant = (basis: string, day: number) => ({ category: 'cannot_get_pregnant', basis: [{ kind: basis }], confirmedBy: 'prescriber', confirmedOn: dayOf(ctx, day) });

  /** Enrollment visit: consents and counselling; for a patient who can get pregnant two methods and the screening test (US3, US5). */
  const enrollmentVisit = (p: PatientStory, day: number, pregnancyPossible: boolean): PatientStory => {
    p.enroll(day).dated(day, '09:10', 'form_signed', { form: 'us_patient_information_consent', signedBy: ['patient', 'prescriber'] });
    if (pregnancyPossible) p.dated(day, '09:12', 'form_signed', { form: 'us_birth_defects_consent', signedBy: ['patient'] });
    p.dated(day, '09:20', 'counselling', {}, 'designee');
    if (pregnancyPossible) {
      p.dated(day, '09:25', 'contraception_started', { method: 'iud_copper' }, 'designee')
        .dated(day, '09:26', 'contraception_started', { method: 'male_latex_condom' }, 'designee')
        .pregnancyTest(day, 'screening');
    }
    return p;
  };
  /** A month: the test and the comprehension questions (US6) when needed, the prescription and its authorization. */
  const monthlyVisit = (p: PatientStory, day: number, purpose: 'confirmation' | 'monthly' | null): PatientStory => {
    if (purpose !== null) p.pregnancyTest(day, purpose).comprehensionQuestions(day);
    return p.prescribe(day, RX);
  };
  const month = (p: PatientStory, day: number, purpose: 'confirmation' | 'monthly' | null): PatientStory => monthlyVisit(p, day, purpose).collect(day + 1, RX.quantity);

  const courses: DemoCourse[] = [];
  const add = (state: string, p: PatientStory, riskCategory: DemoCourse['riskCategory']) => courses.push({ state, patient: p.person.displayName, riskCategory, story: p });

  // qualifying: screened 3 days ago; the confirmation test can come 19 days after screening (US3)
  const riley = enrollmentVisit(story({ displayName: 'Riley Chen', birthDate: '2005-04-12', risk: canGetPregnant, weightKg: 58 }), -3, true);
  add('qualifying (screened, waiting for the confirmation test)', riley, 'can_get_pregnant');

  // in the window: confirmed 2 days ago, the authorization is open until day +4 (US7)
  const sam = enrollmentVisit(story({ displayName: 'Sam Rivera', birthDate: '2004-05-17', risk: canGetPregnant, weightKg: 64 }), -33, true);
  monthlyVisit(sam, -2, 'confirmation');
  add('in the window (authorization open, not collected yet)', sam, 'can_get_pregnant');

  // window missed: authorized 14 days ago and never collected; the window closed on day -8
  const jamie = enrollmentVisit(story({ displayName: 'Jamie Park', birthDate: '2003-09-30', risk: canGetPregnant, weightKg: 61 }), -45, true);
  monthlyVisit(jamie, -14, 'confirmation');
  add('window missed (authorization not collected in time)', jamie, 'can_get_pregnant');

  // active: the second month was dispensed 18 days ago; the patient logs doses, one missed
  const jordan = enrollmentVisit(story({ displayName: 'Jordan Lee', birthDate: '2002-01-23', risk: canGetPregnant, weightKg: 70 }), -80, true);
  month(jordan, -49, 'confirmation').dated(-48, '20:00', 'first_dose');
  month(jordan, -19, 'monthly');
  add('active (second month dispensed, doses logged by the patient)', jordan, 'can_get_pregnant');

  // lab grade 3: cannot get pregnant; triglycerides 620 mg/dL two days ago (LAB-TG, CTCAE grade 3)
  const chris = enrollmentVisit(story({ displayName: 'Chris Novak', birthDate: '1998-07-02', risk: cannotGetPregnant('no_uterus_from_birth', -40), weightKg: 82 }), -40, false);
  month(chris, -40, null).dated(-39, '20:00', 'first_dose');
  month(chris, -10, null).lab(-2, { loinc: '2571-8', value: 620, unit: 'mg/dL', referenceRangeHigh: 150 });
  add('active with a lab result of CTCAE grade 3 (triglycerides 620 mg/dL)', chris, 'cannot_get_pregnant');

  // PHQ-9 red flag: cannot get pregnant; item 9 answered "more than half the days" yesterday
  const taylor = enrollmentVisit(story({ displayName: 'Taylor Brooks', birthDate: '1980-11-15', risk: cannotGetPregnant('total_hysterectomy', -50), weightKg: 68 }), -50, false);
  month(taylor, -50, null).dated(-49, '20:00', 'first_dose');
  month(taylor, -20, null).phq9(-1, [1, 1, 2, 1, 1, 1, 1, 0, 2]);
  add('active with a PHQ-9 red flag (item 9 positive)', taylor, 'cannot_get_pregnant');

  // finished: three months, last dose 6 days ago; the post-treatment test is due 30 days after it (US12)
  const avery = enrollmentVisit(story({ displayName: 'Avery Quinn', birthDate: '2001-03-08', risk: canGetPregnant, weightKg: 59 }), -127, true);
  month(avery, -96, 'confirmation').dated(-95, '20:00', 'first_dose');
  month(avery, -66, 'monthly');
  month(avery, -36, 'monthly').dated(-6, '20:00', 'last_dose').pregnancyTest(-6, 'end_of_treatment', 'negative', '20:30');
  add('finished, awaiting the post-treatment test', avery, 'can_get_pregnant');

  // stopped for pregnancy: a positive test the day after an authorization reversed it (US14)
  const casey = enrollmentVisit(story({ displayName: 'Casey Morgan', birthDate: '2000-12-01', risk: canGetPregnant, weightKg: 66 }), -70, true);
  month(casey, -39, 'confirmation').dated(-38, '20:00', 'first_dose');
  monthlyVisit(casey, -10, 'monthly').pregnancyTest(-9, 'monthly', 'positive');
  add('stopped for pregnancy (positive test, authorization reversed, urgent task)', casey, 'can_get_pregnant');

  const jordanLogs = patientAccounts(ctx, staff, sam, jordan);
  for (const day of [-5, -4, -3, -2, -1]) jordan.dose(day, jordanLogs, RX.dailyMg, day !== -3);

  return {
    courses,
    logins: [
      { role: 'patient', name: 'Sam Rivera', email: demoEmail('sam'), password: DEMO_PASSWORD, note: 'authorization open: collect before the window closes' },
      { role: 'patient', name: 'Jordan Lee', email: demoEmail('jordan'), password: DEMO_PASSWORD, note: 'active course, logs doses' },
    ],
  };
}
