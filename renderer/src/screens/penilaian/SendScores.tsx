/**
 * "Kirim nilai" on a juror's laptop: the signed-in juror's work for this competition written as a score package,
 * saved (the save dialog in the desktop app, a download in the browser), then what is in it and this laptop's
 * fingerprint, large, for the secretariat to compare.
 */
import { useState } from 'react';
import type { ExportSummary } from '../../../../shared/contract/exchange.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { call, isDesktop, saveBytes } from '../../api.js';
import { useT } from '../../components/common.js';
import { Fingerprint, ReportsTo } from '../../components/Fingerprint.js';
import { useAppStore } from '../../stores/app.js';

interface Sent {
  summary: ExportSummary;
  /** Where it went: a path (desktop) or the file's name (a download). */
  saved: { path: string } | { file: string };
  reportsTo: { fingerprint: string; created: string } | null;
}

/** The button (for the session bar) and the panel (under it) of "Kirim nilai". */
export function useSendScores(props: { competition: string; juror: string; name: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<AppError | 'cancelled' | null>(null);

  async function send() {
    setBusy(true);
    setError(null);
    setSent(null);
    const made = await call('exchange.exportScores', { competition: props.competition, juror: props.juror });
    if (!made.ok) {
      setBusy(false);
      return setError(made.error);
    }
    const { file } = made.value;
    const saved = await saveBytes(file.name, file.bytes, file.mime);
    const identity = await call('exchange.identity', { competition: props.competition });
    setBusy(false);
    if (!saved.ok) return setError(saved.error);
    if (!saved.value.saved) return setError('cancelled');
    setSent({
      summary: made.value,
      saved: isDesktop() ? { path: saved.value.path ?? file.name } : { file: file.name },
      reportsTo: identity.ok ? identity.value.reportsTo : null,
    });
  }

  const button = (
    <button type="button" className="primary send-button" onClick={() => void send()} disabled={busy}>
      {busy ? t('send.busy') : t('send.button')}
    </button>
  );
  const panel = (
    <>
      {error ? (
        <div className="send-panel">
          <p className="notice notice-error" role="alert">
            <span>{error === 'cancelled' ? t('send.cancelled') : describeError(error, lang)}</span>
            <button type="button" className="link" onClick={() => setError(null)}>
              {t('send.close')}
            </button>
          </p>
        </div>
      ) : null}
      {sent ? (
        <section className="send-panel card" aria-label={t('send.title', { name: props.name })}>
          <div className="card-head">
            <h2>{t('send.title', { name: props.name })}</h2>
            <button type="button" className="link" onClick={() => setSent(null)}>
              {t('send.close')}
            </button>
          </div>
          <p className="notice notice-ok" role="status">
            {'path' in sent.saved ? t('send.savedDesktop', sent.saved) : t('send.savedBrowser', sent.saved)}
          </p>
          <h3>{t('send.contents')}</h3>
          <ul className="counts" aria-label={t('send.contents')}>
            {(
              [
                ['scores', sent.summary.scores],
                ['notes', sent.summary.notes],
                ['photos', sent.summary.photos],
                ['finalised', sent.summary.finalised],
                ['sites', sent.summary.sites],
              ] as const
            ).map(([key, n]) => (
              <li key={key} data-count={key}>
                <strong>{n}</strong> {t(`send.${key}`)}
              </li>
            ))}
          </ul>
          <p className="muted">{t('send.history', { from: sent.summary.entries.from, to: sent.summary.entries.to })}</p>
          <Fingerprint label={t('send.fingerprint')} value={sent.summary.fingerprint} />
          <p className="muted small">{t('send.fingerprintHint')}</p>
          <ReportsTo reportsTo={sent.reportsTo} />
        </section>
      ) : null}
    </>
  );
  return { button, panel };
}
