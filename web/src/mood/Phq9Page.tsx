import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import {
  assessPhq9,
  PHQ9_DIFFICULTY_OPTIONS,
  PHQ9_ITEM9_INDEX,
  PHQ9_ITEM_COUNT,
  type Phq9Difficulty,
  type Phq9Score,
} from '../../../src/domain/mood/index.js';
import { AppLink } from '../components/AppLink.js';
import { PageTitle } from '../components/PageTitle.js';
import { phq9Texts } from '../content/assessments.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup, radioId, type RadioOption } from '../forms/RadioGroup.js';
import { t } from '../i18n/t.js';
import { phq9ResponseSchema } from '../../../src/contracts/clinical-views.js';
import { parserFor } from '../api/parse.js';
import { CheckInSaveStatus, useCheckInSave } from '../patient/CheckInSave.js';
import { learnTopicPath } from '../routing/routes.js';
import { Item9Help } from './Item9Help.js';
import { Phq9Result } from './Phq9Result.js';

const SCORES: readonly Phq9Score[] = [0, 1, 2, 3];
const scoreOptions: readonly RadioOption<`${Phq9Score}`>[] = SCORES.map((score) => ({ value: `${score}`, label: phq9Texts.answers[score] }));
const difficultyOptions: readonly RadioOption<Phq9Difficulty>[] = PHQ9_DIFFICULTY_OPTIONS.map((o) => ({ value: o.value, label: phq9Texts.difficulty[o.value] }));
const scoreOf: Readonly<Record<`${Phq9Score}`, Phq9Score>> = { '0': 0, '1': 1, '2': 2, '3': 3 };
const itemName = (index: number): string => `phq9-item-${String(index + 1)}`;
const emptyAnswers = (): (Phq9Score | null)[] => Array.from({ length: PHQ9_ITEM_COUNT }, () => null);

const parsePhq9 = parserFor(phq9ResponseSchema);

/**
 * The PHQ-9 self-check (clinical-rules.md s5), scored by the domain (src/domain/mood). A complete
 * form is saved to the open course (POST /phq9) and the server's messages shown; without an open
 * course the page says it is not saved. Question 9 above 0 shows help at once and first in the result.
 */
export function Phq9Page() {
  const [answers, setAnswers] = useState<(Phq9Score | null)[]>(emptyAnswers);
  const [item10, setItem10] = useState<Phq9Difficulty | undefined>(undefined);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // whether the result at the top carried the help message when it was last submitted
  const [flagAtSubmit, setFlagAtSubmit] = useState(false);
  const helpHeading = useRef<HTMLHeadingElement>(null);
  const saving = useCheckInSave('phq9', parsePhq9, (r) => ({ messages: r.patientMessages, tasks: r.tasks }));
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // once submitted, the result follows the answers: a changed answer never leaves a stale score
  const assessment = useMemo(() => assessPhq9({ answers, item10: item10 ?? null }), [answers, item10]);
  const redFlag = assessment.item9RedFlag;

  useEffect(() => {
    if (attempt === 0) return;
    // safety first: the help message takes focus before the errors or the score
    if (redFlag) helpHeading.current?.focus();
    else if (!assessment.incomplete) resultHeading.current?.focus();
    // only a submission moves focus; answering a question afterwards must not
  }, [attempt]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSubmitted(true);
    setFlagAtSubmit(assessment.item9RedFlag);
    setAttempt((n) => n + 1);
    if (!assessment.incomplete) saving.save({ answers, item10: item10 ?? null });
  };

  const setAnswer = (index: number, score: Phq9Score): void => {
    setAnswers((previous) => previous.map((value, i) => (i === index ? score : value)));
  };

  const missing = submitted ? assessment.missingItems : [];
  const errorItems = missing.map((number) => ({
    message: number === PHQ9_ITEM9_INDEX + 1 ? t('phq9.error.item9Missing') : t('phq9.error.missing', { number }),
    fieldId: radioId(itemName(number - 1), '0'),
  }));

  return (
    <>
      <PageTitle>{t('phq9.title')}</PageTitle>
      <p className="lead">{t('phq9.intro')}</p>
      <p className="notice notice--quiet" data-testid="phq9-saving-intro">
        {t('phq9.savedWhen')}
      </p>
      <p>
        {t('phq9.helpPointer')} <AppLink to={learnTopicPath('mood-and-help')}>{t('phq9.helpPointerLink')}</AppLink>
      </p>

      {submitted ? (
        <section className="result" aria-label={t('phq9.result.regionLabel')} data-testid="phq9-result">
          {redFlag ? <Item9Help variant="result" headingRef={helpHeading} /> : null}
          <ErrorSummary items={errorItems} focusKey={attempt} takeFocus={!redFlag} />
          <CheckInSaveStatus state={saving.state} testId="phq9-save" />
          <Phq9Result assessment={assessment} headingRef={resultHeading} />
        </section>
      ) : null}

      <form className="form" noValidate onSubmit={onSubmit} aria-describedby="phq9-stem">
        <p id="phq9-stem" className="questionnaire-stem">
          {phq9Texts.stem}
        </p>
        {phq9Texts.items.map((text, index) => {
          const value = answers[index];
          return (
            <div key={itemName(index)}>
              <RadioGroup
                name={itemName(index)}
                legend={`${String(index + 1)}. ${text}`}
                options={scoreOptions}
                value={value === null || value === undefined ? undefined : `${value}`}
                onChange={(chosen) => {
                  setAnswer(index, scoreOf[chosen]);
                }}
                error={missing.includes(index + 1) ? errorItems.find((e) => e.fieldId === radioId(itemName(index), '0'))?.message : undefined}
                testId={itemName(index)}
              />
              {index === PHQ9_ITEM9_INDEX && redFlag && !flagAtSubmit ? <Item9Help variant="inline" /> : null}
            </div>
          );
        })}
        <RadioGroup
          name="phq9-item-10"
          legend={`10. ${phq9Texts.item10}`}
          hint={t('phq9.item10Hint')}
          options={difficultyOptions}
          value={item10}
          onChange={setItem10}
          testId="phq9-item-10"
        />
        <button className="button" type="submit">
          {t('phq9.submit')}
        </button>
      </form>
    </>
  );
}
