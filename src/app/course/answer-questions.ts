import { programEventSchema, type ProgramEventWire } from '../../contracts/program-case.js';
import { gradeComprehension, type ComprehensionAnswer, type GradedComprehension } from '../../domain/comprehension/index.js';
import { requireRole } from '../auth/principal.js';
import { AppError } from '../errors.js';
import { loadCourseFacts, type Actor, type CourseDeps } from './course-context.js';
import { recordProgramEventIn } from './record-event.js';

export interface AnsweredQuestions extends GradedComprehension {
  readonly eventId: string;
}

/**
 * PROG-QUESTIONS-PATIENT: the patient answers this month's comprehension questions themself
 * (program-rules.md US6). The server grades them against the bank (src/domain/comprehension) and
 * records one `comprehension_questions` programme event in their open course, through the same
 * path as every programme event (audited as record_comprehension_questions, in one transaction).
 * Staff still record answers given elsewhere through POST /events.
 */
export async function answerQuestions(deps: CourseDeps, actor: Actor, courseId: string, input: { answers: readonly ComprehensionAnswer[] }): Promise<AnsweredQuestions> {
  requireRole(actor.principal, ['patient']);
  const graded = gradeComprehension(input.answers);
  if (graded.unknown.length > 0) throw new AppError('invalid_input', `Unknown questions or answers: ${graded.unknown.join(', ')}.`);
  const now = deps.clock.now();
  const eventId = `e-${deps.tokens.token().slice(0, 22)}`;
  const event: ProgramEventWire = { id: eventId, kind: 'comprehension_questions', at: now.toISOString(), items: graded.items.map((i) => ({ ...i })) };
  if (!programEventSchema.safeParse(event).success) throw new AppError('invalid_input', 'The answers could not be recorded as a programme event.');
  return deps.db.transaction().execute(async (trx) => {
    const facts = await loadCourseFacts(trx, actor, courseId, { lock: true });
    await recordProgramEventIn(trx, actor, facts, event, actor.principal.userId, now);
    return { ...graded, eventId };
  });
}
