import type { ComprehensionQuestion, ComprehensionQuestionId } from '../../../../src/domain/comprehension/index.js';

/** The words of one question of the bank: its text, each option, and why the right answer is right. */
export interface QuestionText<Q extends ComprehensionQuestion = ComprehensionQuestion> {
  readonly text: string;
  readonly options: Readonly<Record<Q['options'][number], string>>;
  readonly why: string;
}

type Texts = { readonly [Id in ComprehensionQuestionId]: QuestionText<Extract<ComprehensionQuestion, { id: Id }>> };

/**
 * The monthly questions in English (PROG-QUESTIONS-PATIENT), keyed by the ids of the bank in
 * src/domain/comprehension: the type makes a missing question or option a compile error.
 */
export const comprehensionTexts: Texts = {
  'after-last-dose': {
    text: 'For how long after your last dose must you keep avoiding pregnancy?',
    options: { none: 'Not at all: it is fine straight after the last dose', 'one-week': '1 week', 'one-month': '1 month' },
    why: 'Isotretinoin can harm an unborn baby. Keep using contraception for 1 month after your last dose.',
  },
  'might-be-pregnant': {
    text: 'What do you do if you had sex without contraception, or think you might be pregnant?',
    options: { wait: 'Wait until the next visit', 'stop-and-call': 'Stop taking isotretinoin and call your prescriber straight away', 'extra-dose': 'Take an extra dose' },
    why: 'Stop the medicine at once and call your prescriber the same day: they will arrange a test and advice.',
  },
  'pregnancy-tests': {
    text: 'When do you need a pregnancy test?',
    options: { once: 'Only once, before starting', 'every-month': 'Before starting, every month before each new prescription, and after the course', never: 'Never' },
    why: 'A negative test is needed every month before a new prescription, and again after the course ends.',
  },
  sharing: {
    text: 'May you share your capsules with someone else?',
    options: { never: 'No, never', 'if-acne': 'Yes, if they have acne too' },
    why: 'Isotretinoin is prescribed for you only. Never share it; take unused capsules back to the pharmacy.',
  },
  'blood-donation': {
    text: 'May you give blood while you take isotretinoin, or in the month after your last dose?',
    options: { yes: 'Yes', no: 'No' },
    why: 'Blood you give could reach someone who is pregnant. Do not give blood during the course or for 1 month after it.',
  },
};
