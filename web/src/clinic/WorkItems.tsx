import type { z } from 'zod';
import type { unmetSchema } from '../../../src/contracts/program-decision.js';
import type { workItemSchema } from '../../../src/contracts/worklist.js';
import { formatLongDate } from '../i18n/format.js';
import { t } from '../i18n/t.js';

type WorkItem = z.output<typeof workItemSchema>;
type Unmet = z.output<typeof unmetSchema>;

const WHO_KEYS = { clinic: 'work.who.clinic', patient: 'work.who.patient', pharmacy: 'work.who.pharmacy' } as const;

/** Who does a step, in plain words ("Clinic", "Patient", "Pharmacy"). */
export const whoText = (who: keyof typeof WHO_KEYS): string => t(WHO_KEYS[who]);

/** The dates of a work item: "from …", "by …", both, or nothing. */
export function itemDates(item: { readonly from?: string | undefined; readonly by?: string | undefined }): string | undefined {
  if (item.from !== undefined && item.by !== undefined) return t('work.fromBy', { from: formatLongDate(item.from), by: formatLongDate(item.by) });
  if (item.from !== undefined) return t('work.from', { from: formatLongDate(item.from) });
  if (item.by !== undefined) return t('work.by', { by: formatLongDate(item.by) });
  return undefined;
}

/** One list of work items (overdue, due or upcoming) under its own small heading. */
export function WorkItemList({ title, items, tone, testId }: { readonly title: string; readonly items: readonly WorkItem[]; readonly tone: 'overdue' | 'due' | 'upcoming'; readonly testId: string }) {
  if (items.length === 0) return null;
  return (
    <div className={`work-group work-group--${tone}`} data-testid={testId}>
      <p className="work-group__title">{title}</p>
      <ul className="work-list">
        {items.map((item) => {
          const dates = itemDates(item);
          return (
            <li key={`${item.code}-${item.by ?? ''}-${item.from ?? ''}`} className="work-item">
              <span className="work-item__who">{whoText(item.who)}:</span> {item.text}
              {dates === undefined ? null : <span className="work-item__dates"> {dates}.</span>} <span className="rule-id">{t('rule.id', { id: item.ruleId })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The unmet requirements of a blocked action: what is missing, from which day it can be met, and the rule. */
export function UnmetList({ unmet, testId }: { readonly unmet: readonly Unmet[]; readonly testId?: string }) {
  return (
    <ul className="unmet-list" data-testid={testId}>
      {unmet.map((u) => (
        <li key={u.code} className="unmet">
          <p className="unmet__text">{u.staffMessage}</p>
          <p className="unmet__meta">
            {u.earliestDate === undefined ? null : <span className="unmet__date">{t('work.earliest', { date: formatLongDate(u.earliestDate) })} </span>}
            <span className="rule-id">{t('rule.id', { id: u.ruleId })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
