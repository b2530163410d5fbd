/**
 * Nothing typed is lost without a question: the dialog that asks before leaving unsaved setup edits, and the
 * browser's own question on reload (the edits kept meanwhile are offered back by RecoverBar).
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../components/common.js';
import { hasUnsaved, useLeaveStore } from '../../stores/leave.js';

/** Asks whether to discard the unsaved edits before another screen or another competition is shown. */
export function LeaveDialog() {
  const t = useT();
  const pending = useLeaveStore((s) => s.pending);
  const code = useLeaveStore((s) => s.code);
  const answer = useLeaveStore((s) => s.answerLeave);
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
