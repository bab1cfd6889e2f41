import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { apiErrorMessage } from '../api/api-error-message.js';
import { t } from '../i18n/t.js';
import { useApiClient } from '../session/session-context.js';
import { exportFileName } from './export-file.js';

type State = { readonly kind: 'idle' } | { readonly kind: 'working' } | { readonly kind: 'done'; readonly file: string } | { readonly kind: 'failed'; readonly reason: string };

const anyObject = (body: unknown): Record<string, unknown> | undefined =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;

/** "Download all my data": GET /api/me/export saved as a JSON file named with the day. */
export function DownloadData({ today }: { readonly today: string }) {
  const client = useApiClient();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const download = async (): Promise<void> => {
    setState({ kind: 'working' });
    try {
      const data = await client.sendFor('GET', '/api/me/export', anyObject);
      const file = exportFileName(today);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      setState({ kind: 'done', file });
    } catch (error: unknown) {
      setState({ kind: 'failed', reason: error instanceof ApiError ? apiErrorMessage(error) : String(error) });
    }
  };

  return (
    <section className="home-section" aria-labelledby="download-heading" data-testid="download-data">
      <h2 id="download-heading" className="section-title">
        {t('patient.download.title')}
      </h2>
      <p>{t('patient.download.intro')}</p>
      <button type="button" className="button button--secondary" disabled={state.kind === 'working'} onClick={() => void download()} data-testid="download-button">
        {t('patient.download.button')}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'working' ? <p>{t('patient.download.working')}</p> : null}
        {state.kind === 'done' ? <p>{t('patient.download.done', { file: state.file })}</p> : null}
      </div>
      {state.kind === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t('patient.download.failed', { reason: state.reason })}
        </p>
      ) : null}
    </section>
  );
}
