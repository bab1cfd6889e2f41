import { t, type PlainMessageKey } from '../i18n/t.js';

const STATUS_KEYS = {
  qualifying: 'course.status.qualifying',
  active: 'course.status.active',
  paused: 'course.status.paused',
  completed: 'course.status.completed',
  stopped: 'course.status.stopped',
} as const;

/** A course status in plain words. */
export const statusText = (status: keyof typeof STATUS_KEYS): string => t(STATUS_KEYS[status]);

const RISK_KEYS = {
  can_get_pregnant: 'course.risk.can_get_pregnant',
  cannot_get_pregnant: 'course.risk.cannot_get_pregnant',
  unknown: 'course.risk.unknown',
} as const;

/** A risk category in plain words (never a gendered label). */
export const riskText = (category: keyof typeof RISK_KEYS): string => t(RISK_KEYS[category]);

const ALERT_KEYS = { urgent: 'chart.alert.urgent', soon: 'chart.alert.soon', routine: 'chart.alert.routine' } as const;

/** How urgent a task a fact created, in plain words. */
export const alertText = (alert: keyof typeof ALERT_KEYS | null): string => (alert === null ? '' : t(ALERT_KEYS[alert]));

const FACT_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  lab: 'chart.fact.lab',
  phq9: 'chart.fact.phq9',
  symptoms: 'chart.fact.symptoms',
  grading: 'chart.fact.grading',
  dose: 'chart.fact.dose',
  weight: 'chart.fact.weight',
  note: 'chart.fact.note',
};

export const factKindText = (kind: string): string => {
  const key = FACT_KEYS[kind];
  return key === undefined ? kind : t(key);
};

/** A CTCAE grade, or "not graded". */
export const gradeText = (grade: number | null): string => (grade === null ? t('chart.labs.notGraded') : t('chart.labs.gradeValue', { grade }));

const BAND_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  minimal: 'phq9.bandName.minimal',
  mild: 'phq9.bandName.mild',
  moderate: 'phq9.bandName.moderate',
  moderatelySevere: 'phq9.bandName.moderatelySevere',
  severe: 'phq9.bandName.severe',
};

/** A PHQ-9 severity band in the words the patient's own result uses. */
export const bandText = (band: string): string => {
  const key = BAND_KEYS[band];
  return key === undefined ? band : t(key);
};

const SYMPTOM_ACTION_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  none: 'chart.symptoms.action.none',
  record: 'chart.symptoms.action.record',
  contactPrescriber: 'chart.symptoms.action.contactPrescriber',
  stopAndUrgent: 'chart.symptoms.action.stopAndUrgent',
};

/** The triage of a symptom report in plain words. */
export const symptomActionText = (action: string | null): string => {
  const key = action === null ? undefined : SYMPTOM_ACTION_KEYS[action];
  return key === undefined ? t('chart.symptoms.action.unknown') : t(key);
};
