import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from '../../db/testing/test-database.js';
import { COMPREHENSION_QUESTIONS } from '../../domain/comprehension/index.js';
import { clinicalWorld, expectOk, type ClinicalWorld } from '../testing/clinical-world.js';

let world: ClinicalWorld | undefined;
afterEach(async () => {
  await world?.server.close();
  world = undefined;
});

const correct = COMPREHENSION_QUESTIONS.map((q) => ({ questionId: q.id, choice: q.correct }));
const url = (courseId: string): string => `/api/courses/${courseId}/comprehension-questions`;

interface Result {
  eventId: string;
  ruleId: string;
  allCorrect: boolean;
  items: Array<{ questionId: string; answer: string }>;
}

describe(`the patient answers the monthly comprehension questions (PROG-QUESTIONS-PATIENT) on ${testEngine()}`, () => {
  it('grades the answers, records one comprehension_questions event in the course, and audits it', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const wrong = expectOk('wrong', await patient.post(url(world.courseId), { answers: correct.map((a) => (a.questionId === 'blood-donation' ? { ...a, choice: 'yes' } : a)) }), 201).json<Result>();
    expect(wrong).toMatchObject({ ruleId: 'PROG-QUESTIONS-PATIENT', allCorrect: false });
    expect(wrong.items.find((i) => i.questionId === 'blood-donation')?.answer).toBe('incorrect');
    const right = expectOk('right', await patient.post(url(world.courseId), { answers: correct }), 201).json<Result>();
    expect(right.allCorrect).toBe(true);
    expect(right.items).toHaveLength(COMPREHENSION_QUESTIONS.length);

    const course = expectOk('course', await world.prescriber.get(`/api/courses/${world.courseId}`), 200).json<{ events: Array<{ id: string; kind: string; payload: { items: Array<{ answer: string }> } }> }>();
    const recorded = course.events.filter((e) => e.kind === 'comprehension_questions');
    expect(recorded.map((e) => e.id)).toEqual([wrong.eventId, right.eventId]);
    expect(recorded[1]?.payload.items.every((i) => i.answer === 'correct')).toBe(true);

    const audit = await world.server.database.db.selectFrom('audit_log').select(['action', 'actor_role', 'resource_id']).where('action', '=', 'record_comprehension_questions').execute();
    expect(audit).toEqual([
      { action: 'record_comprehension_questions', actor_role: 'patient', resource_id: wrong.eventId },
      { action: 'record_comprehension_questions', actor_role: 'patient', resource_id: right.eventId },
    ]);
  });

  it('counts a question left out as unanswered and refuses questions or choices not in the bank', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    const partial = expectOk('partial', await patient.post(url(world.courseId), { answers: [{ questionId: 'sharing', choice: 'never' }] }), 201).json<Result>();
    expect(partial.allCorrect).toBe(false);
    expect(partial.items.filter((i) => i.answer === 'unanswered')).toHaveLength(COMPREHENSION_QUESTIONS.length - 1);
    expect((await patient.post(url(world.courseId), { answers: [{ questionId: 'made-up', choice: 'x' }] })).statusCode).toBe(400);
    expect((await patient.post(url(world.courseId), { answers: [{ questionId: 'sharing', choice: 'sometimes' }] })).statusCode).toBe(400);
  });

  it('is the patient’s own: not another patient’s course, not staff (they use /events)', async () => {
    world = await clinicalWorld();
    const patient = await world.as('patient');
    expect((await patient.post(url(world.otherCourseId), { answers: correct })).statusCode).toBe(403);
    expect((await world.prescriber.post(url(world.courseId), { answers: correct })).statusCode).toBe(403);
    const events = await world.server.database.db.selectFrom('course_event').select('kind').where('kind', '=', 'comprehension_questions').execute();
    expect(events).toEqual([]);
  });
});
