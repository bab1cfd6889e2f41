import type { ReactNode } from 'react';

/** One section of the chart: a heading the table of contents links to, then its content. */
export function ChartSection({ id, title, children, testId }: { readonly id: string; readonly title: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <section className="chart-section" aria-labelledby={`${id}-heading`} id={id} data-testid={testId}>
      <h2 id={`${id}-heading`} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
