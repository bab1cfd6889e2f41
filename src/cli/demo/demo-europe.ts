import { dayOf, type DemoContext } from './demo-context.js';
import { patientAccounts } from './demo-accounts.js';
import { DEMO_PASSWORD, demoEmail, type DemoStaff, type Jurisdiction } from './demo-people.js';
import type { DemoPlan } from './demo-plan.js';
import { PatientStory, type Dispensing, type Person } from './demo-steps.js';
import type { DemoCourse, DemoStories } from './demo-us.js';

/**
 * The EU and UK demo stories (pregnancy prevention programme, no central registry: the product
 * is the programme). The same states as the US demo, with the European steps: acknowledgement
 * form and reminder card (EU5), one month of contraception before the first supervised test
 * (EU3, EU4), a test on the prescribing day, dispensing within 7 days of the prescription (EU2)
 * with the pharmacist checklist, and in the UK the mental-health and sexual-function
 * assessments before every prescription (UK2).
 */
export function europeanStories(ctx: DemoContext, plan: DemoPlan, staff: DemoStaff, jurisdiction: Exclude<Jurisdiction, 'US'>): DemoStories {
  const uk = jurisdiction === 'UK';
  // EU: 30 days of 40 mg from 20 mg capsules (EU1); UK: 28 days, the usual formulary length
  const rx = uk ? { strengthMg: 20, dailyMg: 40, quantity: 56 } : { strengthMg: 20, dailyMg: 40, quantity: 60 };
  const cycle = uk ? 28 : 30;
  const dispensing: Dispensing = { product: uk ? 'uk-generic' : 'eu-generic', facts: () => ({ pharmacistChecklistCompleted: true }) };
  const story = (person: Person) => new PatientStory(ctx, plan, staff, dispensing, person);
  const form = uk ? 'uk_acknowledgement_of_risk_2026' : 'eu_acknowledgement_form';
  const canGetPregnant = { category: 'can_get_pregnant', basis: [] };
  const cannotGetPregnant = (basis: string, day: number) => ({ category: 'cannot_get_pregnant', basis: [{ kind: basis }], confirmedBy: 'prescriber', confirmedOn: dayOf(ctx, day) });

  /** First visit: the form (EU5; in the UK for everyone), counselling, and for childbearing potential the reminder card and a highly effective method (EU4). */
  const firstVisit = (p: PatientStory, day: number, childbearing: boolean): PatientStory => {
    p.enroll(day);
    if (uk || childbearing) p.dated(day, '09:10', 'form_signed', { form, signedBy: ['patient', 'prescriber'] });
    p.dated(day, '09:20', 'counselling', {}, 'designee');
    if (childbearing) {
      p.dated(day, '09:22', 'material_given', { material: 'reminder_card' }, 'designee');
      if (jurisdiction === 'EU-FR') p.dated(day, '09:23', 'material_given', { material: 'patient_booklet' }, 'designee');
      p.dated(day, '09:25', 'contraception_started', { method: 'implant' }, 'designee');
    }
    return p;
  };
  /** A prescribing visit: UK2 assessments (the first in person), the supervised test on the day (EU3), prescription and authorization. */
  const prescribingVisit = (p: PatientStory, day: number, childbearing: boolean, first: boolean): PatientStory => {
    if (uk) {
      const setting = first ? 'in_person' : 'remote';
      p.dated(day, '09:40', 'assessment', { assessment: 'mental_health', setting }).dated(day, '09:45', 'assessment', { assessment: 'sexual_function', setting });
    }
    if (childbearing) p.pregnancyTest(day, first ? 'screening' : 'monthly', 'negative', '10:00', 'medical_setting');
    return p.prescribe(day, rx);
  };
  const month = (p: PatientStory, day: number, childbearing: boolean, first: boolean): PatientStory => prescribingVisit(p, day, childbearing, first).collect(day + 1, rx.quantity);

  const courses: DemoCourse[] = [];
  const add = (state: string, p: PatientStory, riskCategory: DemoCourse['riskCategory']) => courses.push({ state, patient: p.person.displayName, riskCategory, story: p });

  const riley = firstVisit(story({ displayName: 'Riley Chen', birthDate: '2005-04-12', risk: canGetPregnant, weightKg: 58 }), -3, true);
  add('qualifying (contraception started, first supervised test due after one month)', riley, 'can_get_pregnant');

  const sam = firstVisit(story({ displayName: 'Sam Rivera', birthDate: '2004-05-17', risk: canGetPregnant, weightKg: 64 }), -33, true);
  prescribingVisit(sam, -2, true, true);
  add('in the window (prescription and authorization 2 days ago, not dispensed yet)', sam, 'can_get_pregnant');

  const jamie = firstVisit(story({ displayName: 'Jamie Park', birthDate: '2003-09-30', risk: canGetPregnant, weightKg: 61 }), -45, true);
  prescribingVisit(jamie, -14, true, true);
  add('window missed (not dispensed within 7 days of the prescription)', jamie, 'can_get_pregnant');

  const jordan = firstVisit(story({ displayName: 'Jordan Lee', birthDate: '2002-01-23', risk: canGetPregnant, weightKg: 70 }), -80, true);
  month(jordan, -49, true, true).dated(-48, '20:00', 'first_dose');
  month(jordan, -49 + cycle, true, false);
  add('active (second month dispensed)', jordan, 'can_get_pregnant');

  const chris = firstVisit(story({ displayName: 'Chris Novak', birthDate: '1998-07-02', risk: cannotGetPregnant('no_uterus_from_birth', -40), weightKg: 82 }), -40, false);
  month(chris, -40, false, true).dated(-39, '20:00', 'first_dose');
  month(chris, -40 + cycle, false, false).lab(-2, { loinc: '2571-8', value: 620, unit: 'mg/dL', referenceRangeHigh: 150 });
  add('active with a lab result of CTCAE grade 3 (triglycerides 620 mg/dL)', chris, 'cannot_get_pregnant');

  const taylor = firstVisit(story({ displayName: 'Taylor Brooks', birthDate: '1970-11-15', risk: cannotGetPregnant('total_hysterectomy', -50), weightKg: 68 }), -50, false);
  month(taylor, -50, false, true).dated(-49, '20:00', 'first_dose');
  month(taylor, -50 + cycle, false, false).phq9(-1, [1, 1, 2, 1, 1, 1, 1, 0, 2]);
  add('active with a PHQ-9 red flag (item 9 positive)', taylor, 'cannot_get_pregnant');

  const avery = firstVisit(story({ displayName: 'Avery Quinn', birthDate: '2001-03-08', risk: canGetPregnant, weightKg: 59 }), -130, true);
  const first = -6 - 3 * cycle;
  month(avery, first, true, true).dated(first + 1, '20:00', 'first_dose');
  month(avery, first + cycle, true, false);
  month(avery, first + 2 * cycle, true, false).dated(-6, '20:00', 'last_dose');
  add('finished, awaiting the final test one month after the last dose (EU3)', avery, 'can_get_pregnant');

  const casey = firstVisit(story({ displayName: 'Casey Morgan', birthDate: '2000-12-01', risk: canGetPregnant, weightKg: 66 }), -70, true);
  month(casey, -39, true, true).dated(-38, '20:00', 'first_dose');
  prescribingVisit(casey, -39 + cycle, true, false).pregnancyTest(-39 + cycle + 1, 'monthly', 'positive', '10:00', 'medical_setting');
  add('stopped for pregnancy (positive test, authorization reversed, urgent task)', casey, 'can_get_pregnant');

  const jordanLogs = patientAccounts(ctx, staff, sam, jordan);
  for (const day of [-5, -4, -3, -2, -1]) jordan.dose(day, jordanLogs, rx.dailyMg, day !== -3);
  return {
    courses,
    logins: [
      { role: 'patient', name: 'Sam Rivera', email: demoEmail('sam'), password: DEMO_PASSWORD, note: 'prescription waiting to be dispensed' },
      { role: 'patient', name: 'Jordan Lee', email: demoEmail('jordan'), password: DEMO_PASSWORD, note: 'active course, logs doses' },
    ],
  };
}
