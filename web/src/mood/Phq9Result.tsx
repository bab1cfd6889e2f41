import type { Ref } from 'react';
import type { Phq9Assessment, Phq9Band } from '../../../src/domain/mood/index.js';
import { t, type PlainMessageKey } from '../i18n/t.js';

const bandName = {
  minimal: 'phq9.bandName.minimal',
  mild: 'phq9.bandName.mild',
  moderate: 'phq9.bandName.moderate',
  moderatelySevere: 'phq9.bandName.moderatelySevere',
  severe: 'phq9.bandName.severe',
} as const satisfies Record<Phq9Band, PlainMessageKey>;

/** Plain words for each band: how much mood is troubling the person, never a diagnosis. */
const bandMeaning = {
  minimal: 'phq9.bandMeaning.minimal',
  mild: 'phq9.bandMeaning.mild',
  moderate: 'phq9.bandMeaning.moderate',
  moderatelySevere: 'phq9.bandMeaning.moderatelySevere',
  severe: 'phq9.bandMeaning.severe',
} as const satisfies Record<Phq9Band, PlainMessageKey>;

/** The complete questionnaire's result: score, band in plain words, what next, and how it was worked out. */
export function Phq9Result({ assessment, headingRef }: { readonly assessment: Phq9Assessment; readonly headingRef: Ref<HTMLHeadingElement> }) {
  const { total, band } = assessment;
  if (total === null || band === null) return null;
  const reviewDue = assessment.tasks.some((task) => task.code === 'phq9_band_review');
  return (
    <div className="result-card" data-testid="phq9-score-card">
      <h2 className="result-card__title" ref={headingRef} tabIndex={-1}>
        {t('phq9.result.title')}
      </h2>
      <p className="result-card__figure" data-testid="phq9-score">
        {t('phq9.result.score', { total, band: t(bandName[band]) })}
      </p>
      <p data-testid="phq9-band">{t(bandMeaning[band])}</p>
      <p>{t('phq9.result.notDiagnosis')}</p>
      <p>{reviewDue ? t('phq9.result.talkSoon') : t('phq9.result.ifChanges')}</p>
      <details className="details">
        <summary>{t('phq9.result.howTitle')}</summary>
        <ul className="content__list">
          <li>{t('phq9.result.howTotal')}</li>
          <li>{t('phq9.result.howBands')}</li>
          <li>{t('phq9.result.howItem9')}</li>
        </ul>
      </details>
    </div>
  );
}
