import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { deadlineWords } from './this-month.js';

/** A calendar date as the patient reads it: `Tuesday 24 November`, with the year only when it is not this year's. */
export function formatPatientDate(isoDate: string, today: string): string {
  if (isoDate.slice(0, 4) !== today.slice(0, 4)) return formatLongDate(isoDate);
  const [year, month, day] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return isoDate;
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(noon);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return t('patient.date.noYear', { weekday: part('weekday'), day: part('day'), month: part('month') });
}

/** The deadline of a task in words: "by Tuesday 24 November", "by today", "3 days late: it was due by …". */
export function deadlineText(by: string, today: string): string {
  const words = deadlineWords(by, today);
  switch (words.kind) {
    case 'late':
      return words.days === 1 ? t('patient.deadline.lateOne') : t('patient.deadline.late', { days: words.days, date: formatPatientDate(by, today) });
    case 'today':
      return t('patient.deadline.today');
    case 'tomorrow':
      return t('patient.deadline.tomorrow', { date: formatPatientDate(by, today) });
    case 'by':
      return t('patient.deadline.by', { date: formatPatientDate(by, today) });
    default: {
      const unreachable: never = words;
      return unreachable;
    }
  }
}

/** Today's calendar day in the browser's zone, when the server did not send the clinic's day. */
export function browserToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
