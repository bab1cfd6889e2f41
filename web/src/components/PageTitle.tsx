import type { ReactNode } from 'react';

export const PAGE_TITLE_ID = 'page-title';

/**
 * The page's one h1. It can take focus from script (not from Tab), so that after a client-side
 * navigation focus lands on the new page's title, as it would after a full page load.
 */
export function PageTitle({ children }: { readonly children: ReactNode }) {
  return (
    <h1 id={PAGE_TITLE_ID} className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
