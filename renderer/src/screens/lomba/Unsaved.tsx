/**
 * Nothing typed is lost without a question: the dialog that asks before leaving unsaved setup edits, the bar that
 * offers back the edits kept from before a reload or a closed window, and the browser's own question on reload.
 */
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { hasUnsaved, useSetupStore } from '../../stores/setup.js';

/** Asks whether to discard the unsaved edits before another screen or another competition is shown. */
export function LeaveDialog() {
  const t = useT();
  const pending = useSetupStore((s) => s.pendingLeave);
  const code = useSetupStore((s) => s.code);
  const answer = useSetupStore((s) => s.answerLeave);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!pending) return;
    stay.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && answer(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, answer]);
  if (!pending) return null;
  return (
    <div className="leave-backdrop">
      <div className="leave-dialog" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-text">
        <h2 id="leave-title">{t('forms.leave.title')}</h2>
        <p id="leave-text">{t('forms.leave.text', { code: code ?? '' })}</p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => answer(true)}>
            {t('forms.leave.discard')}
          </button>
          <button type="button" className="primary" ref={stay} onClick={() => answer(false)}>
            {t('forms.leave.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Ada perubahan yang belum disimpan dari … — Pulihkan / Buang", after a reload or a closed window. */
export function RecoverBar() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const recoverable = useSetupStore((s) => s.recoverable);
  const restore = useSetupStore((s) => s.restore);
  const drop = useSetupStore((s) => s.dropRecoverable);
  if (!recoverable) return null;
  return (
    <div className="recover-bar" role="status">
      <span>{t('forms.recover.text', { when: formatDateTime(new Date(recoverable.at), lang) })}</span>
      <button type="button" className="primary" onClick={restore}>
        {t('forms.recover.restore')}
      </button>
      <button type="button" className="secondary" onClick={drop}>
        {t('forms.recover.drop')}
      </button>
    </div>
  );
}

/**
 * Reloading or closing the window with unsaved edits asks first: in the browser its own dialog; in the desktop
 * app, main asks when the page holds the unload (electron/main/unload.ts). The edits kept in localStorage are
 * offered back after either.
 */
export function useAskBeforeUnload(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
