import type { z } from 'zod';
import type { nextStepsSchema } from '../../../src/contracts/worklist.js';
import { AppLink } from '../components/AppLink.js';
import { learnTopics } from '../content/learn.js';
import { t } from '../i18n/t.js';
import { learnTopicPath, screenById } from '../routing/routes.js';
import type { OwnCourse } from './own-course.js';
import { deadlineText, formatPatientDate } from './patient-dates.js';
import { isQuestionsTask, learnTopicFor, orderTasks, type Timing } from './this-month.js';

type NextSteps = z.output<typeof nextStepsSchema>;

const TIMING_KEY = { overdue: 'patient.timing.overdue', due: 'patient.timing.due', upcoming: 'patient.timing.upcoming' } as const satisfies Record<Timing, string>;

/**
 * "This month": every task of the open course with its deadline in the patient's words, late
 * ones first (GET /api/me/next-steps), then the course's own dates (GET /api/me/course): the
 * collection window's last day and when the course started, began or stopped.
 */
export function ThisMonth({ steps, own, today }: { readonly steps: NextSteps; readonly own: OwnCourse; readonly today: string }) {
  const tasks = orderTasks(steps.tasks);
  const openWindows = own.authorizations.filter((a) => a.status === 'open');
  const dates: string[] = [
    ...(own.startedOn === null ? [] : [t('patient.month.started', { date: formatPatientDate(own.startedOn, today) })]),
    ...(own.firstDoseOn === null ? [] : [t('patient.month.firstDose', { date: formatPatientDate(own.firstDoseOn, today) })]),
    ...(own.lastDoseOn === null ? [] : [t('patient.month.lastDose', { date: formatPatientDate(own.lastDoseOn, today) })]),
    ...(own.stoppedOn === null ? [] : [t('patient.month.stopped', { date: formatPatientDate(own.stoppedOn, today) })]),
  ];
  return (
    <section className="home-section" aria-labelledby="month-heading" data-testid="this-month">
      <h2 id="month-heading" className="section-title">
        {t('patient.month.title')}
      </h2>
      <p>
        {t('patient.month.today', { date: formatPatientDate(today, today) })} {t('patient.month.intro')}
      </p>
      {own.course === null ? <p data-testid="month-no-course">{t('patient.month.noCourse')}</p> : <p>{t('patient.month.status', { status: t(`patient.status.${own.course.status}`) })}</p>}
      {openWindows.map((a) => (
        <p key={a.id} className="notice notice--success" data-testid="collect-window">
          {t('patient.month.collectWindow', { date: formatPatientDate(a.lastDayToCollect, today) })}
        </p>
      ))}
      {steps.course !== null && tasks.length === 0 ? <p data-testid="month-nothing">{t('patient.month.nothing')}</p> : null}
      {tasks.length > 0 ? (
        <ol className="task-list" data-testid="month-tasks">
          {tasks.map((task) => {
            const topic = learnTopicFor(task.code);
            return (
              <li key={`${task.code}-${task.text}`} className={`task task--${task.timing}`} data-testid="month-task" data-code={task.code}>
                <span className="task__timing">{t(TIMING_KEY[task.timing])}</span>
                <span className="task__text">{task.text}</span>
                {task.by !== undefined ? (
                  <span className="task__deadline">{deadlineText(task.by, today)}</span>
                ) : task.from !== undefined ? (
                  <span className="task__deadline">{task.from > today ? t('patient.deadline.from', { date: formatPatientDate(task.from, today) }) : t('patient.deadline.now')}</span>
                ) : null}
                {isQuestionsTask(task.code) ? (
                  <span className="task__learn">
                    <AppLink to={screenById('patientQuestions').path}>{t('patient.month.answerQuestions')}</AppLink>
                  </span>
                ) : null}
                {topic === undefined ? null : (
                  <span className="task__learn">
                    <AppLink to={learnTopicPath(topic)}>{t('patient.month.learnMore', { topic: learnTopics[topic].title })}</AppLink>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {steps.notes.length > 0 ? (
        <>
          <h3 className="subsection-title">{t('patient.month.notesHeading')}</h3>
          <ul>
            {steps.notes.map((note) => (
              <li key={note.code}>{note.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {dates.length > 0 ? (
        <>
          <h3 className="subsection-title">{t('patient.month.datesHeading')}</h3>
          <ul data-testid="course-dates">
            {dates.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
