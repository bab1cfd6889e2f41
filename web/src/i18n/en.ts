import { enAuth } from './en-auth.js';
import { enClinic } from './en-clinic.js';
import { enCommon } from './en-common.js';
import { enDosing } from './en-dosing.js';
import { enForms } from './en-forms.js';
import { enHomes } from './en-homes.js';
import { enLearn } from './en-learn.js';
import { enMood } from './en-mood.js';
import { enPatient } from './en-patient.js';
import { enSymptoms } from './en-symptoms.js';
import { enPharmacy } from './en-pharmacy.js';
import { enAdmin } from './en-admin.js';

/**
 * English messages: every string the web app shows a person. Keys are stable; a translation is
 * a `Messages` object with the same keys (the type makes a missing key a compile error) and the
 * same `{placeholders}`. Wording is gender-inclusive: people, patients, they; never he or she.
 * The catalogue is split by screen (en-*.ts) so that each file stays readable; long education
 * texts live in content/en/.
 */
const enShell = {
  'app.name': 'isocourse',
  'app.tagline': 'A pregnancy-prevention-aware isotretinoin course record for clinic, patient and pharmacy.',
  'app.skipToContent': 'Skip to main content',
  'app.homeLink': 'isocourse, start page',
  'nav.label': 'Areas',
  'document.title': '{page} · isocourse',

  'role.clinic.name': 'Clinic',
  'role.clinic.summary': 'For prescribers and their clinic team: enrolment, tests, counselling and prescriptions.',
  'role.patient.name': 'Patient',
  'role.patient.summary': 'For people taking isotretinoin: what to do this month, and by when.',
  'role.pharmacy.name': 'Pharmacy',
  'role.pharmacy.summary': 'For pharmacists: whether a prescription may be dispensed today, and why.',
  'role.admin.name': 'Administration',
  'role.admin.summary': 'For clinic and programme administrators: people, settings and the audit trail.',

  'home.areasHeading': 'Areas',
  'home.areasIntro': 'Each person works in their own area of the same course record, after signing in.',
  'page.backHome': 'Back to the start page',
  'page.notFound.title': 'Page not found',
  'page.notFound.body': 'There is no page at {path}.',

  'form.errorSummaryTitle': 'There is a problem',
  'form.errorPrefix': 'Error:',
  'rule.id': 'Rule {id}',
  'date.long': '{weekday} {day} {month} {year}',

  'status.checking': 'Server: checking…',
  'status.ready': 'Server: ready (database up)',
  'status.notReady': 'Server: not ready',
  'status.unreachable': 'Server: unreachable',
  'status.version': 'Server version {version}',
  'status.versionUnknown': 'Server version unknown',

  'footer.notice': 'isocourse supports the people who prescribe, take and dispense isotretinoin; it does not replace their judgement.',
  'footer.licence': 'Open source under the Apache License 2.0.',
} as const;

// one catalogue per line, so screens added side by side merge without conflict
export const en = {
  ...enShell,
  ...enCommon,
  ...enAuth,
  ...enHomes,
  ...enLearn,
  ...enMood,
  ...enSymptoms,
  ...enDosing,
  ...enPatient,
  ...enClinic,
  ...enPharmacy,
  ...enAdmin,
  ...enForms,
} as const;

export type MessageKey = keyof typeof en;

/** The shape every translation must have: all keys, each a string. */
export type Messages = { readonly [K in MessageKey]: string };
