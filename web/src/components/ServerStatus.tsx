import { t, type PlainMessageKey } from '../i18n/t.js';
import type { Readiness } from '../server-status/readiness.js';
import { useServerStatus } from '../server-status/use-server-status.js';

const readinessMessage = {
  checking: 'status.checking',
  ready: 'status.ready',
  not_ready: 'status.notReady',
  unreachable: 'status.unreachable',
} as const satisfies Record<Readiness, PlainMessageKey>;

/**
 * The server's state in words (the coloured mark only repeats them). The live region is polite
 * and its text changes only when the state does, so a screen reader hears each change once.
 */
export function ServerStatus() {
  const { readiness, version } = useServerStatus();
  return (
    <div className="server-status" data-readiness={readiness}>
      <p className="server-status__text" role="status" aria-live="polite" data-testid="server-status">
        <span className="server-status__mark" aria-hidden="true" />
        {t(readinessMessage[readiness])}
      </p>
      {readiness === 'checking' ? null : (
        <p className="server-status__version" data-testid="server-version">
          {version === undefined ? t('status.versionUnknown') : t('status.version', { version })}
        </p>
      )}
    </div>
  );
}
