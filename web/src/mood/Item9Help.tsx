import type { Ref } from 'react';
import { t } from '../i18n/t.js';
import { CrisisHelp } from '../learn/CrisisHelp.js';

interface Item9HelpProps {
  /** `inline`: shown the moment question 9 is answered above 0, and announced at once. */
  readonly variant: 'inline' | 'result';
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * MOOD-PHQ9-ITEM9: an answer above 0 to question 9 comes before everything else, whatever the
 * total: thanks, the one thing to do today, and where to get help now.
 */
export function Item9Help({ variant, headingRef }: Item9HelpProps) {
  const testId = variant === 'inline' ? 'phq9-item9-help-inline' : 'phq9-item9-help';
  return (
    <div className="urgent-help" role={variant === 'inline' ? 'alert' : undefined} data-testid={testId} data-rule-id="MOOD-PHQ9-ITEM9">
      <h2 className="urgent-help__title" ref={headingRef} tabIndex={-1}>
        {t('phq9.item9.title')}
      </h2>
      <p>{t('phq9.item9.thanks')}</p>
      <p className="urgent-help__action">{t('phq9.item9.action')}</p>
      <CrisisHelp headingLevel={3} testId={`${testId}-crisis`} />
    </div>
  );
}
