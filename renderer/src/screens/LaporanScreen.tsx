/** Laporan: the official documents as PDF. The thin path has the recap; the others follow. */
import { useState } from 'react';
import { describeError } from '../../../shared/domain/errors.js';
import { call, isDesktop, saveBytes } from '../api.js';
import { NeedsCompetition, Section, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { CatatanRelease } from './laporan/CatatanRelease.js';

export function LaporanScreen() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const competition = useAppStore((s) => s.competition);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function saveRekap() {
    if (!competition) return;
    setBusy(true);
    setMessage(null);
    const rendered = await call('documents.render', { competition, doc: 'rekap' });
    if (!rendered.ok) {
      setBusy(false);
      return setMessage({ ok: false, text: describeError(rendered.error, lang) });
    }
    const { name, bytes, mime, pages } = rendered.value;
    const saved = await saveBytes(name, bytes, mime);
    setBusy(false);
    if (!saved.ok) return setMessage({ ok: false, text: describeError(saved.error, lang) });
    if (!saved.value.saved) return setMessage({ ok: true, text: t('laporan.cancelled') });
    setMessage({
      ok: true,
      text: isDesktop() ? t('laporan.savedDesktop', { path: saved.value.path ?? name, pages }) : t('laporan.savedBrowser', { name, pages }),
    });
  }

  return (
    <div className="screen">
      <h1>{t('laporan.heading')}</h1>
      <NeedsCompetition>
        <Section title={t('laporan.rekap')}>
          <p className="muted">{t('laporan.rekapHint')}</p>
          <button type="button" className="primary" onClick={() => void saveRekap()} disabled={busy}>
            {busy ? t('laporan.rendering') : t('laporan.save')}
          </button>
          {message ? (
            <p className={message.ok ? 'notice notice-ok' : 'notice notice-error'} role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </p>
          ) : null}
        </Section>
        {competition ? <CatatanRelease competition={competition} /> : null}
      </NeedsCompetition>
    </div>
  );
}
