import { useEffect, useRef } from 'react';
import { t } from '../i18n/t.js';

/** A temporary password the server shows once: large, selectable, with when it stops working. */
export function TemporaryPassword({ password, expiresAt }: { readonly password: string; readonly expiresAt: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [password]);
  return (
    <div className="notice notice--success temporary-password" ref={ref} tabIndex={-1} role="status" aria-labelledby="temporary-password-heading" data-testid="temporary-password">
      <h2 id="temporary-password-heading" className="section-title section-title--small">
        {t('admin.password.heading')}
      </h2>
      <p className="temporary-password__value" data-testid="temporary-password-value">
        {password}
      </p>
      <p>{t('admin.password.body', { time: new Date(expiresAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }) })}</p>
    </div>
  );
}
