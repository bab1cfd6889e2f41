import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { getProduct, PRODUCT_IDS, TARGET_MG_PER_KG_OPTIONS } from '../../../src/domain/dosing/index.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { RadioGroup } from '../forms/RadioGroup.js';
import { SelectField } from '../forms/SelectField.js';
import { TextField } from '../forms/TextField.js';
import { t } from '../i18n/t.js';
import { calculateDose, emptyDoseForm, type DoseCalculation, type DoseField, type DoseFieldProblem, type DoseFormValues } from './dose-form.js';
import { fieldId, problemMessage } from './dose-messages.js';
import { DoseResult } from './DoseResult.js';

const productOptions = PRODUCT_IDS.map((id) => ({ value: id, label: getProduct(id).displayName }));
const targetOptions = TARGET_MG_PER_KG_OPTIONS.map((value) => ({ value: String(value), label: t('dose.targetOption', { value }) }));

function usualRangeHint(productId: string): string {
  if (!(PRODUCT_IDS as readonly string[]).includes(productId)) return t('dose.perKgHintGeneric');
  const range = getProduct(productId).usualRangeMgPerKgPerDay;
  return t('dose.perKgHint', { min: range.min, max: range.max });
}

/**
 * The clinician's dose calculator (rules DOSE-*): the same domain functions the server uses, run
 * in the browser. A preview only: it stores nothing and does not replace the prescriber's check.
 */
export function DoseCalculatorPage() {
  const [values, setValues] = useState<DoseFormValues>(emptyDoseForm);
  const [problems, setProblems] = useState<readonly DoseFieldProblem[]>([]);
  const [result, setResult] = useState<{ readonly calculation: DoseCalculation; readonly values: DoseFormValues } | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (attempt > 0 && problems.length === 0) resultHeading.current?.focus();
    // only a calculation moves focus
  }, [attempt]);

  const update = (patch: Partial<DoseFormValues>): void => {
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const updatePhase = (index: number, patch: Partial<DoseFormValues['phases'][number]>): void => {
    setValues((previous) => ({ ...previous, phases: previous.phases.map((phase, i) => (i === index ? { ...phase, ...patch } : phase)) }));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const outcome = calculateDose(values);
    if (outcome.ok) {
      setProblems([]);
      setResult({ calculation: outcome.calculation, values });
    } else {
      setProblems(outcome.problems);
      setResult(undefined);
    }
    setAttempt((n) => n + 1);
  };

  const errorFor = (field: DoseField): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    return problem === undefined ? undefined : problemMessage(problem, values);
  };
  const summary = problems.map((problem) => ({ message: problemMessage(problem, values), fieldId: fieldId(problem.field) }));
  const stale = result !== undefined && JSON.stringify(result.values) !== JSON.stringify(values);

  return (
    <>
      <PageTitle>{t('dose.title')}</PageTitle>
      <p className="lead">{t('dose.intro')}</p>
      <ErrorSummary items={summary} focusKey={attempt} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id="dose-product"
          label={t('dose.product')}
          options={productOptions}
          value={values.product}
          onChange={(product) => {
            update({ product });
          }}
          error={errorFor('product')}
        />
        <TextField
          id="dose-weight"
          label={t('dose.weight')}
          hint={t('dose.weightHint')}
          inputMode="decimal"
          width="short"
          autoComplete="off"
          value={values.weightKg}
          onChange={(weightKg) => {
            update({ weightKg });
          }}
          error={errorFor('weightKg')}
        />
        <TextField
          id="dose-per-kg"
          label={t('dose.perKg')}
          hint={usualRangeHint(values.product)}
          inputMode="decimal"
          width="short"
          autoComplete="off"
          value={values.mgPerKgPerDay}
          onChange={(mgPerKgPerDay) => {
            update({ mgPerKgPerDay });
          }}
          error={errorFor('mgPerKgPerDay')}
        />
        <RadioGroup
          name="dose-target"
          legend={t('dose.target')}
          hint={t('dose.targetHint')}
          options={targetOptions}
          value={values.targetMgPerKg}
          onChange={(targetMgPerKg) => {
            update({ targetMgPerKg });
          }}
          error={errorFor('targetMgPerKg')}
          inline
        />
        <fieldset className="phases" aria-describedby="dose-phases-hint">
          <legend className="radio-group__legend">{t('dose.phases')}</legend>
          <p className="field__hint" id="dose-phases-hint">
            {t('dose.phasesHint')}
          </p>
          {values.phases.map((phase, index) => (
            // phases are edited in place and removed by position; the position is their identity
            <div className="phase-row" key={`phase-${String(index)}`} data-testid={`dose-phase-${String(index)}`}>
              <p className="phase-row__title">{t('dose.phaseTitle', { number: index + 1 })}</p>
              <TextField
                id={`dose-phase-${String(index)}-mg`}
                label={t('dose.phaseMg', { number: index + 1 })}
                inputMode="numeric"
                width="short"
                autoComplete="off"
                value={phase.mgPerDay}
                onChange={(mgPerDay) => {
                  updatePhase(index, { mgPerDay });
                }}
                error={errorFor(`phases.${index}.mgPerDay`)}
              />
              <TextField
                id={`dose-phase-${String(index)}-days`}
                label={t('dose.phaseDays', { number: index + 1 })}
                inputMode="numeric"
                width="short"
                autoComplete="off"
                value={phase.days}
                onChange={(days) => {
                  updatePhase(index, { days });
                }}
                error={errorFor(`phases.${index}.days`)}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setValues((previous) => ({ ...previous, phases: previous.phases.filter((_, i) => i !== index) }));
                }}
              >
                {t('dose.removePhase', { number: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues((previous) => ({ ...previous, phases: [...previous.phases, { mgPerDay: '', days: '' }] }));
            }}
          >
            {t('dose.addPhase')}
          </button>
        </fieldset>
        <TextField
          id="dose-start"
          label={t('dose.startDate')}
          hint={t('dose.startDateHint')}
          type="date"
          width="medium"
          value={values.startDate}
          onChange={(startDate) => {
            update({ startDate });
          }}
          error={errorFor('startDate')}
        />
        <button className="button" type="submit">
          {t('dose.submit')}
        </button>
      </form>
      {result === undefined ? null : (
        <DoseResult
          calculation={result.calculation}
          weightKg={result.values.weightKg}
          mgPerKgPerDay={result.values.mgPerKgPerDay}
          stale={stale}
          headingRef={resultHeading}
        />
      )}
    </>
  );
}
