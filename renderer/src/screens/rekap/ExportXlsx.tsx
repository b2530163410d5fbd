/** "Unduh Excel" on the Rekap screen: the result's workbook (channel documents.workbook), saved as other files are. */
import { useState } from 'react';
import { describeError } from '../../../../shared/domain/errors.js';
import { call, isDesktop, saveBytes } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';

export function ExportXlsx({ competition }: { competition: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save() {
    setBusy(true);
    setMessage(null);
    const made = await call('documents.workbook', { competition });
    if (!made.ok) {
      setBusy(false);
      return setMessage({ ok: false, text: describeError(made.error, lang) });
    }
    const { name, bytes, mime } = made.value;
    const saved = await saveBytes(name, bytes, mime);
    setBusy(false);
    if (!saved.ok) return setMessage({ ok: false, text: describeError(saved.error, lang) });
    if (!saved.value.saved) return setMessage({ ok: true, text: t('rekap.excelCancelled') });
    setMessage({
      ok: true,
      text: isDesktop() ? t('rekap.excelSavedDesktop', { path: saved.value.path ?? name }) : t('rekap.excelSavedBrowser', { name }),
    });
  }

  return (
    <div className="toolbar-row">
      <button type="button" className="secondary" onClick={() => void save()} disabled={busy} title={t('rekap.excelHint')}>
        {busy ? t('rekap.excelBusy') : t('rekap.excel')}
      </button>
      {message ? (
        <p className={message.ok ? 'notice notice-ok' : 'notice notice-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
