import { useEffect, useRef, type MouseEvent } from 'react';
import { t } from '../i18n/t.js';

export interface SummaryItem {
  readonly message: string;
  /** The id of the input the message is about; the link moves focus there. */
  readonly fieldId?: string | undefined;
}

interface ErrorSummaryProps {
  readonly items: readonly SummaryItem[];
  /** Changes on every submission, so a repeated error takes focus again. */
  readonly focusKey: number;
  readonly testId?: string;
  /** False when something more urgent on the page takes focus instead (a safety message). */
  readonly takeFocus?: boolean;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  // focus the field itself: following the #fragment would only scroll, and would add a history entry
  event.preventDefault();
  const field = document.getElementById(fieldId);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/**
 * The list of problems after a submission, at the top of the form. It takes focus, so a
 * screen reader reads it at once and a keyboard user starts from it; each entry links to its field.
 */
export function ErrorSummary({ items, focusKey, testId = 'error-summary', takeFocus = true }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && items.length > 0) ref.current?.focus();
    // keyed on the submission only: focus must not jump back here while the person edits a field
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title" data-testid={testId}>
      <h2 id="error-summary-title" className="error-summary__title">
        {t('form.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? ''}:${item.message}`}>
            {item.fieldId === undefined ? (
              item.message
            ) : (
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  if (item.fieldId !== undefined) focusField(event, item.fieldId);
                }}
              >
                {item.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
