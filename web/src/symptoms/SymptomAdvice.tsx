import type { Ref } from 'react';
import { SYMPTOM_ACTIONS_BY_URGENCY, type SymptomAction, type SymptomFinding, type TriageResult } from '../../../src/domain/symptoms/index.js';
import { symptomOptionText, symptomText } from '../content/assessments.js';
import { t, type PlainMessageKey } from '../i18n/t.js';
import { CrisisHelp } from '../learn/CrisisHelp.js';

const groupTitle = {
  stopAndUrgent: 'symptoms.group.stopAndUrgent.title',
  contactPrescriber: 'symptoms.group.contactPrescriber.title',
  record: 'symptoms.group.record.title',
} as const satisfies Record<SymptomAction, PlainMessageKey>;

const groupIntro = {
  stopAndUrgent: 'symptoms.group.stopAndUrgent.intro',
  contactPrescriber: 'symptoms.group.contactPrescriber.intro',
  record: 'symptoms.group.record.intro',
} as const satisfies Record<SymptomAction, PlainMessageKey>;

function Finding({ finding }: { readonly finding: SymptomFinding }) {
  const option = symptomOptionText(finding.symptomId, finding.answer);
  return (
    <li className="finding" data-testid={`finding-${finding.symptomId}`} data-rule-id={finding.ruleId}>
      <p className="finding__question">{symptomText(finding.symptomId)?.question ?? finding.question}</p>
      <p className="finding__answer">{t('symptoms.yourAnswer', { answer: option?.label ?? finding.answerLabel })}</p>
      <p>
        <strong>{t('symptoms.whatToDo')}</strong> {option?.whatToDo ?? finding.whatToDo}
      </p>
      <p>
        <strong>{t('symptoms.why')}</strong> {option?.reason ?? finding.reason}
      </p>
      <p className="rule-id">{t('rule.id', { id: finding.ruleId })}</p>
    </li>
  );
}

interface SymptomAdviceProps {
  readonly result: TriageResult;
  readonly unanswered: number;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/**
 * The advice for a check-in, most urgent first (SYM-TRIAGE): every reported symptom, grouped by
 * what to do, with the crisis pointers inside the urgent group when a mental-health answer is in it.
 */
export function SymptomAdvice({ result, unanswered, headingRef }: SymptomAdviceProps) {
  const mentalHealthUrgent = result.findings.some((f) => f.action === 'stopAndUrgent' && f.pathway === 'mentalHealth');
  return (
    <section className="result" aria-labelledby="symptom-advice-title" data-testid="symptom-result" data-rule-id={result.ruleId}>
      <h2 id="symptom-advice-title" className="result-card__title" ref={headingRef} tabIndex={-1}>
        {t('symptoms.adviceTitle')}
      </h2>
      {result.overallAction === 'none' ? <p data-testid="advice-none">{t('symptoms.nothingReported')}</p> : null}
      {SYMPTOM_ACTIONS_BY_URGENCY.map((action) => {
        const findings = result.findings.filter((f) => f.action === action);
        if (findings.length === 0) return null;
        return (
          <section key={action} className={`advice advice--${action}`} data-testid={`advice-${action}`} aria-labelledby={`advice-${action}-title`}>
            <h3 id={`advice-${action}-title`} className="advice__title">
              {t(groupTitle[action])}
            </h3>
            <p className="advice__intro">{t(groupIntro[action])}</p>
            {action === 'stopAndUrgent' && mentalHealthUrgent ? <CrisisHelp headingLevel={4} testId="symptom-crisis-help" /> : null}
            <ul className="finding-list">
              {findings.map((finding) => (
                <Finding key={finding.symptomId} finding={finding} />
              ))}
            </ul>
          </section>
        );
      })}
      {unanswered > 0 ? (
        <p className="notice notice--quiet" data-testid="symptoms-unanswered">
          {t('symptoms.unanswered', { count: unanswered })}
        </p>
      ) : null}
    </section>
  );
}
