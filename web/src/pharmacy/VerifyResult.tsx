import type { z } from 'zod';
import type { verifyResponseSchema } from '../../../src/contracts/course.js';
import { AppLink } from '../components/AppLink.js';
import { formatLongDate, formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';
import { daysSupply, productName } from './authorization-number.js';

export type Verified = z.output<typeof verifyResponseSchema>;

/** True for the US programme (iPLEDGE: RMA number, DND date, Medication Guide). */
export const isUs = (verified: Verified): boolean => verified.decision.pack.jurisdiction === 'US';

/**
 * The answer at the counter, plainly: may it be dispensed now, and every reason it may not, each
 * with its rule id; then who and what it is for, and the last day to collect.
 */
export function VerifyResult({ verified }: { readonly verified: Verified }) {
  const { authorization, decision } = verified;
  const days = daysSupply(verified.quantity, verified.strengthMg, verified.dailyMg);
  const pharmacySteps = decision.nextSteps.filter((step) => step.who === 'pharmacy');
  const statusNote =
    authorization.status === 'dispensed' ? t('pharmacy.result.statusDispensed') : authorization.status === 'reversed' ? t('pharmacy.result.statusReversed') : undefined;
  return (
    <section className="result verify-result" aria-labelledby="verify-heading" data-testid="verify-result">
      <h2 id="verify-heading" className="section-title" tabIndex={-1}>
        {t('pharmacy.result.heading', { number: authorization.number })}
      </h2>
      <p className={verified.mayDispenseNow ? 'verdict verdict--yes' : 'verdict verdict--no'} data-testid="verdict">
        {verified.mayDispenseNow ? t('pharmacy.result.mayDispense') : t('pharmacy.result.doNotDispense')}
      </p>
      {statusNote === undefined ? null : <p className="notice">{statusNote}</p>}
      {decision.unmet.length === 0 ? null : (
        <>
          <h3 className="section-title section-title--small">{t('pharmacy.result.reasonsHeading')}</h3>
          <ul className="warning-list" data-testid="verify-reasons">
            {decision.unmet.map((unmet) => (
              <li key={`${unmet.ruleId}:${unmet.code}`} className="warning">
                <p>{unmet.staffMessage}</p>
                <p className="rule-id">
                  {t('rule.id', { id: unmet.ruleId })}
                  {unmet.earliestDate === undefined ? null : ` · ${t('pharmacy.result.from', { date: formatLongDate(unmet.earliestDate) })}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {decision.warnings.length === 0 ? null : (
        <>
          <h3 className="section-title section-title--small">{t('pharmacy.result.warningsHeading')}</h3>
          <ul className="warning-list">
            {decision.warnings.map((warning) => (
              <li key={`${warning.ruleId}:${warning.code}`} className="warning">
                <p>{warning.staffMessage}</p>
                <p className="rule-id">{t('rule.id', { id: warning.ruleId })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {verified.mayDispenseNow || pharmacySteps.length === 0 ? null : (
        <>
          <h3 className="section-title section-title--small">{t('pharmacy.result.stepsHeading')}</h3>
          <ul className="plain-list">
            {pharmacySteps.map((step) => (
              <li key={`${step.ruleId}:${step.code}`}>
                {step.text} <span className="rule-id">{t('rule.id', { id: step.ruleId })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <dl className="figures">
        <div className="figures__item figures__item--main">
          <dt>{t('pharmacy.result.patient')}</dt>
          <dd data-testid="verify-patient">{verified.patientName}</dd>
        </div>
        <div className="figures__item figures__item--main">
          <dt>{isUs(verified) ? t('pharmacy.result.lastDayUs') : t('pharmacy.result.lastDay')}</dt>
          <dd data-testid="verify-last-day">{formatLongDate(authorization.lastDayToCollect)}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('pharmacy.result.product')}</dt>
          <dd>{productName(verified.product)}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('pharmacy.result.strength')}</dt>
          <dd>{t('pharmacy.result.strengthValue', { mg: formatNumber(verified.strengthMg) })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('pharmacy.result.quantity')}</dt>
          <dd>{formatNumber(verified.quantity)}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('pharmacy.result.daily')}</dt>
          <dd>{t('pharmacy.result.dailyValue', { mg: formatNumber(verified.dailyMg) })}</dd>
        </div>
        {days === undefined ? null : (
          <div className="figures__item">
            <dt>{t('pharmacy.result.daysSupply')}</dt>
            <dd>{t('pharmacy.result.daysValue', { days })}</dd>
          </div>
        )}
        <div className="figures__item">
          <dt>{t('pharmacy.result.programme')}</dt>
          <dd>
            {decision.pack.id} ({decision.pack.version})
          </dd>
        </div>
      </dl>
      {authorization.status === 'open' ? (
        <p>
          <AppLink to={screenPath('pharmacyReverse', { authorizationId: authorization.id })}>{t('pharmacy.result.reverseLink')}</AppLink>
        </p>
      ) : null}
    </section>
  );
}
