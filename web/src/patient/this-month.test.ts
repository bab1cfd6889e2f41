import { describe, expect, it } from 'vitest';
import { currentDailyMg, loggedOn, monthCounts } from './dose-log.js';
import { exportFileName } from './export-file.js';
import { deadlineText, formatPatientDate } from './patient-dates.js';
import { progressPercent } from './progress.js';
import { daysBetween, deadlineWords, isQuestionsTask, learnTopicFor, orderTasks, type MonthTask } from './this-month.js';

const task = (code: string, timing: MonthTask['timing'], by?: string): MonthTask => ({ code, ruleId: 'R', text: code, by, timing });

describe('orderTasks', () => {
  it('puts late tasks first, then due, then upcoming, earliest deadline first and undated last', () => {
    const ordered = orderTasks([
      task('upcoming-soon', 'upcoming', '2026-11-30'),
      task('due-undated', 'due'),
      task('due-late', 'due', '2026-11-28'),
      task('overdue', 'overdue', '2026-11-20'),
      task('due-early', 'due', '2026-11-24'),
    ]);
    expect(ordered.map((t) => t.code)).toEqual(['overdue', 'due-early', 'due-late', 'due-undated', 'upcoming-soon']);
  });
});

describe('deadline words', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-11-22', '2026-11-24')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('says late, today, tomorrow or the date, with the year only when it is another year', () => {
    expect(deadlineWords('2026-11-20', '2026-11-22')).toEqual({ kind: 'late', days: 2 });
    expect(deadlineWords('2026-11-22', '2026-11-22')).toEqual({ kind: 'today' });
    expect(deadlineWords('2026-11-23', '2026-11-22')).toEqual({ kind: 'tomorrow' });
    expect(deadlineWords('2026-11-24', '2026-11-22')).toEqual({ kind: 'by', date: '2026-11-24', withYear: false });
    expect(deadlineWords('2027-01-05', '2026-12-30')).toEqual({ kind: 'by', date: '2027-01-05', withYear: true });
  });

  it('writes the date in the patient’s terms', () => {
    expect(formatPatientDate('2026-11-24', '2026-11-22')).toBe('Tuesday 24 November');
    expect(formatPatientDate('2027-01-05', '2026-12-30')).toBe('Tuesday 5 January 2027');
    expect(deadlineText('2026-11-24', '2026-11-22')).toBe('by Tuesday 24 November');
    expect(deadlineText('2026-11-23', '2026-11-22')).toBe('by tomorrow, Monday 23 November');
    expect(deadlineText('2026-11-22', '2026-11-22')).toBe('by today');
    expect(deadlineText('2026-11-21', '2026-11-22')).toBe('1 day late: it was due yesterday');
    expect(deadlineText('2026-11-19', '2026-11-22')).toBe('3 days late: it was due by Thursday 19 November');
  });
});

describe('education links and questions', () => {
  it('links pregnancy and contraception tasks to that page, pharmacy and questions to the safety rules', () => {
    expect(learnTopicFor('pregnancy_test_missing')).toBe('pregnancy-and-contraception');
    expect(learnTopicFor('contraception_not_confirmed')).toBe('pregnancy-and-contraception');
    expect(learnTopicFor('comprehension_questions_not_done')).toBe('safety-rules');
    expect(learnTopicFor('collect_by')).toBe('safety-rules');
    expect(learnTopicFor('weight_missing')).toBeUndefined();
    expect(isQuestionsTask('comprehension_questions_incorrect')).toBe(true);
    expect(isQuestionsTask('collect_by')).toBe(false);
  });
});

const dose = (day: string, valueText: 'taken' | 'missed', doseIndex = 1) => ({ kind: 'dose', effectiveOn: day, valueText, data: { date: day, doseIndex } });

describe('dose log', () => {
  it('finds what is logged for the first dose of a day only', () => {
    const facts = [dose('2026-11-21', 'taken'), dose('2026-11-22', 'missed', 2)];
    expect(loggedOn(facts, '2026-11-21')).toBe('taken');
    expect(loggedOn(facts, '2026-11-22')).toBeUndefined();
    expect(loggedOn([...facts, dose('2026-11-22', 'missed')], '2026-11-22')).toBe('missed');
  });

  it('counts the doses taken and missed in the month of today only', () => {
    const facts = [dose('2026-10-31', 'taken'), dose('2026-11-01', 'taken'), dose('2026-11-02', 'missed'), dose('2026-11-03', 'taken'), { kind: 'weight', effectiveOn: '2026-11-04', valueText: null, data: {} }];
    expect(monthCounts(facts, '2026-11-22')).toEqual({ taken: 2, missed: 1 });
  });

  it('takes the daily dose of the latest prescription', () => {
    expect(currentDailyMg([{ writtenOn: '2026-11-01', dailyMg: 40 }, { writtenOn: '2026-10-01', dailyMg: 20 }])).toBe(40);
    expect(currentDailyMg([])).toBeUndefined();
  });
});

describe('progress and download', () => {
  it('gives the whole percent of the target, 0 without a target', () => {
    expect(progressPercent(2999, 9000)).toBe(33);
    expect(progressPercent(9000, 9000)).toBe(100);
    expect(progressPercent(100, undefined)).toBe(0);
    expect(progressPercent(100, 0)).toBe(0);
  });

  it('names the data file with the day', () => {
    expect(exportFileName('2026-11-22')).toBe('isocourse-my-data-2026-11-22.json');
  });
});
