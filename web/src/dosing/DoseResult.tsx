import type { Ref } from 'react';
import { formatLongDate, formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { groupCapsules, type DoseCalculation } from './dose-form.js';
import { warningTitle } from './dose-messages.js';

function capsuleText(capsules: readonly number[]): string {
  return groupCapsules(capsules)
    .map((group) => t('dose.capsuleGroup', { count: group.count, strength: group.strengthMg }))
    .join(' + ');
}

interface DoseResultProps {
  readonly calculation: DoseCalculation;
  readonly weightKg: string;
  readonly mgPerKgPerDay: string;
  /** The form changed since this was calculated: the figures are kept but marked out of date. */
  readonly stale: boolean;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export function DoseResult({ calculation, weightKg, mgPerKgPerDay, stale, headingRef }: DoseResultProps) {
  const { daily, plan, warnings } = calculation;
  const weeks = formatNumber(plan.totalDays / 7, 1);
  return (
    <section className={stale ? 'result result--stale' : 'result'} aria-labelledby="dose-result-title" data-testid="dose-result">
      <h2 id="dose-result-title" className="result-card__title" ref={headingRef} tabIndex={-1}>
        {t('dose.result.title')}
      </h2>
      {stale ? (
        <p className="notice" role="status" data-testid="dose-stale">
          {t('dose.result.stale')}
        </p>
      ) : null}
      <dl className="figures">
        <div className="figures__item figures__item--main">
          <dt>{t('dose.result.daily')}</dt>
          <dd data-testid="dose-daily">{t('dose.result.mgPerDay', { mg: daily.mgPerDay })}</dd>
        </div>
        <div className="figures__item figures__item--main">
          <dt>{t('dose.result.capsules')}</dt>
          <dd data-testid="dose-capsules">{capsuleText(daily.capsules)}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.actual')}</dt>
          <dd data-testid="dose-actual">{t('dose.result.mgPerKgPerDay', { value: formatNumber(daily.actualMgPerKgPerDay) })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.requested')}</dt>
          <dd data-testid="dose-requested">
            {t('dose.result.requestedValue', { mg: formatNumber(daily.requestedMgPerDay), weight: weightKg.trim(), perKg: mgPerKgPerDay.trim() })}
          </dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.target')}</dt>
          <dd data-testid="dose-target">{t('dose.result.mgAndMgPerKg', { mg: formatNumber(plan.targetMg), perKg: formatNumber(plan.targetMgPerKg) })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.days')}</dt>
          <dd data-testid="dose-days">{t('dose.result.daysValue', { days: plan.totalDays, weeks })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.endDate')}</dt>
          <dd data-testid="dose-end">
            {plan.endDate === undefined ? t('dose.result.endDateNeedsStart') : <time dateTime={plan.endDate}>{formatLongDate(plan.endDate)}</time>}
          </dd>
        </div>
        <div className="figures__item">
          <dt>{t('dose.result.finalTotal')}</dt>
          <dd data-testid="dose-final-total">
            {t('dose.result.mgAndMgPerKg', { mg: formatNumber(plan.finalCumulativeMg), perKg: formatNumber(plan.finalCumulativeMgPerKg) })}
          </dd>
        </div>
        {plan.conventionalEquivalentCumulativeMg === undefined ? null : (
          <div className="figures__item">
            <dt>{t('dose.result.conventionalEquivalent')}</dt>
            <dd>{t('dose.result.conventionalEquivalentValue', { mg: formatNumber(plan.conventionalEquivalentCumulativeMg) })}</dd>
          </div>
        )}
      </dl>

      <h3 className="section-title section-title--small">{t('dose.plan.title')}</h3>
      <div className="table-scroll" role="region" aria-labelledby="dose-plan-caption" tabIndex={0}>
        <table className="table" data-testid="dose-plan">
          <caption id="dose-plan-caption">{t('dose.plan.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dose.plan.phase')}</th>
              <th scope="col">{t('dose.plan.days')}</th>
              <th scope="col">{t('dose.plan.mgPerDay')}</th>
              <th scope="col">{t('dose.plan.capsules')}</th>
              <th scope="col">{t('dose.plan.mgPerKgPerDay')}</th>
              <th scope="col">{t('dose.plan.totalAtEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.phases.map((phase, index) => (
              <tr key={`${phase.kind}-${String(phase.firstDay)}`}>
                <th scope="row">{phase.kind === 'final' ? t('dose.plan.mainPhase') : t('dose.plan.fixedPhase', { number: index + 1 })}</th>
                <td>{t('dose.plan.dayRange', { first: phase.firstDay, last: phase.lastDay })}</td>
                <td>{phase.mgPerDay}</td>
                <td>{capsuleText(phase.capsules)}</td>
                <td>{formatNumber(phase.mgPerKgPerDay)}</td>
                <td>{formatNumber(phase.cumulativeMgAtEnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="section-title section-title--small">{t('dose.warnings.title', { count: warnings.length })}</h3>
      {warnings.length === 0 ? (
        <p>{t('dose.warnings.none')}</p>
      ) : (
        <ul className="warning-list" data-testid="dose-warnings">
          {warnings.map((warning) => (
            <li key={`${warning.code}-${String(warning.phaseIndex ?? '')}-${warning.message}`} className="warning" data-rule-id={warning.ruleId}>
              <p className="warning__title">{t(warningTitle[warning.code])}</p>
              <p className="warning__text">{warning.message}</p>
              <p className="rule-id">{t('rule.id', { id: warning.ruleId })}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="small-print">{t('dose.result.checkBeforePrescribing')}</p>
    </section>
  );
}
