import type { MouseEvent, ReactNode } from 'react';
import { navigate, usePathname } from '../routing/use-location.js';

interface AppLinkProps {
  readonly to: string;
  readonly children: ReactNode;
  readonly className?: string;
  readonly label?: string;
}

const withoutTrailingSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * A real link (it works without JavaScript, opens in a new tab, shows its address) that moves
 * inside the app without a reload, and marks itself as the current page for assistive technology.
 */
export function AppLink({ to, children, className, label }: AppLinkProps) {
  const pathname = usePathname();
  const isCurrent = withoutTrailingSlash(pathname) === to;
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    // new tab, new window and download clicks stay with the browser
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} aria-label={label} aria-current={isCurrent ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
