import { isProductId, getProduct } from '../../../src/domain/dosing/index.js';
import type { Query } from '../api/use-api-query.js';
import { LoadState } from '../components/LoadState.js';
import { formatLongDate, formatNumber } from '../i18n/format.js';
import { t } from '../i18n/t.js';
import { currentPrescription, type CourseDetail, type CumulativeDose, type FactList } from './chart-data.js';
import { ChartSection } from './ChartSection.js';
import { chartGeometry, cumulativeSeries, projectEnd, type ChartBox, type Projection } from './cumulative-chart.js';
import { programmeToday } from './today.js';

const BOX: ChartBox = { width: 640, height: 280, left: 64, right: 16, top: 16, bottom: 40 };

function productName(id: string): string {
  return isProductId(id) ? getProduct(id).displayName : id;
}

/** The current prescription's dose: mg a day, capsules a day, mg/kg a day, and how long the supply lasts. */
function PrescriptionDose({ detail }: { readonly detail: CourseDetail }) {
  const prescription = currentPrescription(detail);
  if (prescription === undefined) return <p data-testid="dose-none">{t('chart.dose.noPrescription')}</p>;
  const capsulesPerDay = prescription.dailyMg / prescription.strengthMg;
  const weight = Number(detail.course.baselineWeightKg ?? '');
  const perKg = Number.isFinite(weight) && weight > 0 ? prescription.dailyMg / weight : undefined;
  return (
    <dl className="figures" data-testid="chart-dose-plan">
      <div className="figures__item figures__item--main">
        <dt>{t('chart.dose.daily')}</dt>
        <dd>{t('chart.dose.mgPerDay', { mg: prescription.dailyMg })}</dd>
      </div>
      <div className="figures__item figures__item--main">
        <dt>{t('chart.dose.capsules')}</dt>
        <dd data-testid="chart-capsules">
          {Number.isInteger(capsulesPerDay)
            ? t('chart.dose.capsulesValue', { count: capsulesPerDay, strength: prescription.strengthMg })
            : t('chart.dose.capsulesUneven', { strength: prescription.strengthMg })}
        </dd>
      </div>
      {perKg === undefined ? null : (
        <div className="figures__item">
          <dt>{t('chart.dose.perKg')}</dt>
          <dd>{t('chart.dose.perKgValue', { value: formatNumber(perKg), weight: formatNumber(weight) })}</dd>
        </div>
      )}
      <div className="figures__item">
        <dt>{t('chart.dose.prescription')}</dt>
        <dd>
          {t('chart.dose.prescriptionValue', { date: formatLongDate(prescription.writtenOn), product: productName(prescription.product), quantity: prescription.quantity, strength: prescription.strengthMg })}
        </dd>
      </div>
      {capsulesPerDay > 0 ? (
        <div className="figures__item">
          <dt>{t('chart.dose.supply')}</dt>
          <dd>{t('chart.dose.supplyValue', { days: Math.floor(prescription.quantity / capsulesPerDay) })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function summary(c: CumulativeDose, projection: Projection | undefined): string {
  const parts = [t('chart.cumulative.summaryTaken', { mg: formatNumber(c.totalMg), perKg: formatNumber(c.mgPerKg), weight: formatNumber(c.basis.weightKg) })];
  if (c.target !== null) {
    parts.push(
      c.target.reached
        ? t('chart.cumulative.summaryReached', { target: formatNumber(c.target.targetMg), perKg: formatNumber(c.target.targetMgPerKg) })
        : t('chart.cumulative.summaryRemaining', { remaining: formatNumber(c.target.remainingMg), target: formatNumber(c.target.targetMg), perKg: formatNumber(c.target.targetMgPerKg) }),
    );
  }
  if (projection !== undefined) parts.push(t('chart.cumulative.summaryProjection', { daily: projection.dailyMg, days: projection.daysLeft, date: formatLongDate(projection.endDay) }));
  if (c.missedEntries > 0) parts.push(t('chart.cumulative.summaryMissed', { count: c.missedEntries }));
  return parts.join(' ');
}

/** The cumulative dose toward the target: an SVG line (taken, then projected) with the same facts in words. */
function CumulativeChart({ c, doses, dailyMg, today }: { readonly c: CumulativeDose; readonly doses: FactList; readonly dailyMg: number | undefined; readonly today: string }) {
  const projection = c.target === null ? undefined : projectEnd({ remainingMg: c.target.remainingMg, dailyMg, lastDoseDate: c.lastDoseDate, today });
  const targetMg = c.target?.targetMg ?? c.totalMg;
  const geometry = chartGeometry(cumulativeSeries(doses.facts), projection, targetMg, BOX);
  const text = summary(c, projection);
  return (
    <figure className="cumulative" data-testid="chart-cumulative">
      {geometry === undefined ? null : (
        <svg className="cumulative__svg" viewBox={`0 0 ${String(BOX.width)} ${String(BOX.height)}`} role="img" aria-labelledby="cumulative-caption" focusable="false">
          <line className="cumulative__axis" x1={BOX.left} y1={BOX.height - BOX.bottom} x2={BOX.width - BOX.right} y2={BOX.height - BOX.bottom} />
          <line className="cumulative__axis" x1={BOX.left} y1={BOX.top} x2={BOX.left} y2={BOX.height - BOX.bottom} />
          <line className="cumulative__target" x1={BOX.left} y1={geometry.targetY} x2={BOX.width - BOX.right} y2={geometry.targetY} />
          <text className="cumulative__label" x={BOX.left + 4} y={geometry.targetY - 4}>
            {t('chart.cumulative.targetLabel', { mg: formatNumber(targetMg) })}
          </text>
          <text className="cumulative__label" x={BOX.left - 4} y={BOX.height - BOX.bottom} textAnchor="end">
            0
          </text>
          <text className="cumulative__label" x={BOX.left} y={BOX.height - 12}>
            {formatLongDate(geometry.xStart)}
          </text>
          <text className="cumulative__label" x={BOX.width - BOX.right} y={BOX.height - 12} textAnchor="end">
            {formatLongDate(geometry.xEnd)}
          </text>
          {geometry.projection === undefined ? null : (
            <line className="cumulative__projection" x1={geometry.projection.x1} y1={geometry.projection.y1} x2={geometry.projection.x2} y2={geometry.projection.y2} />
          )}
          <polyline className="cumulative__taken" points={geometry.taken} />
        </svg>
      )}
      <figcaption id="cumulative-caption" className="cumulative__caption" data-testid="chart-cumulative-text">
        {text}
      </figcaption>
      <p className="cumulative__legend">{t('chart.cumulative.legend')}</p>
      <p className="rule-id">
        {t('rule.id', { id: c.ruleId })}, {t('rule.id', { id: c.basisRuleId })}
      </p>
    </figure>
  );
}

/** The dose plan of the current prescription, then the cumulative dose chart with its projected end date. */
export function DosePanel({ detail, doses, cumulative }: { readonly detail: CourseDetail; readonly doses: Query<FactList>; readonly cumulative: Query<CumulativeDose> }) {
  const dailyMg = currentPrescription(detail)?.dailyMg;
  return (
    <ChartSection id="chart-dose" title={t('chart.dose.heading')} testId="chart-dose">
      <PrescriptionDose detail={detail} />
      <h3 className="chart-subtitle">{t('chart.cumulative.heading')}</h3>
      <LoadState query={cumulative} testId="chart-cumulative">
        {(c) => <LoadState query={doses}>{(list) => <CumulativeChart c={c} doses={list} dailyMg={dailyMg} today={programmeToday(detail)} />}</LoadState>}
      </LoadState>
    </ChartSection>
  );
}
