/**
 * A laptop passed from hand to hand: the juror's session locks after the competition's time without use (and after
 * the app restarts); the lock screen names the juror and asks their PIN, then the same sheet is back. Also the
 * watch on the person's activity that locks it, and the bringing back of the indicator that was in focus.
 */
import { useEffect, useState } from 'react';
import type { CompetitionDetail, SessionInfo } from '../../../../shared/contract/schemas.js';
import { lockAfterMs } from '../../../../shared/domain/competition.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { call } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore } from '../../stores/scoring.js';
import { PinForm } from '../../components/PinForm.js';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'input', 'touchstart'] as const;
/** How often, at most, the core is told the person is still there (it locks by its own clock too). */
const TOUCH_EVERY_MS = 30_000;

/**
 * Locks the session after `rules.lockAfterMinutes` (default 10) without a key, a click, a touch or a mouse move,
 * and keeps the core's session open while the person is active.
 */
export function useIdleLock(detail: CompetitionDetail, session: SessionInfo | null): void {
  const lock = useScoringStore((s) => s.lock);
  const active = session !== null && !session.locked && session.competition === detail.info.code;
  const limit = lockAfterMs(detail.rules);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => void lock(), limit);
    let touched = Date.now();
    const onActivity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), limit);
      if (Date.now() - touched >= TOUCH_EVERY_MS) {
        touched = Date.now();
        void call('session.touch', {});
      }
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, limit, lock]);
}

function focusIndicator(code: string): boolean {
  const row = document.querySelector<HTMLElement>(`li[data-indicator="${CSS.escape(code)}"]`);
  if (!row) return false;
  const target = row.querySelector<HTMLElement>('[role=radio][tabindex="0"], input:not([type=file]), button.yes') ?? row;
  // The indicator's title at the top of the window (a household checklist can be taller than the window), and the
  // field it had in view.
  row.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  if (target.getBoundingClientRect().bottom > window.innerHeight) target.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Remembers the indicator in focus, and puts the keyboard back on it once its sheet is shown again. */
export function useRememberedIndicator(): void {
  const remember = useAppStore((s) => s.remember);
  const sheet = useScoringStore((s) => s.sheet);
  const focus = useScoringStore((s) => s.focus);
  const clearFocus = useScoringStore((s) => s.clearFocus);
  const locked = useScoringStore((s) => s.session?.locked ?? false);
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const row = (event.target as HTMLElement | null)?.closest?.('li[data-indicator]');
      const code = row?.getAttribute('data-indicator');
      if (code) remember({ indicator: code });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [remember]);
  useEffect(() => {
    // Runs after the sheet's own effect (which puts the keyboard on the first unscored indicator).
    if (!sheet || locked || !focus) return;
    if (focusIndicator(focus)) clearFocus();
  }, [sheet, focus, locked, clearFocus]);
}

export function LockScreen({ detail, session, restarted }: { detail: CompetitionDetail; session: SessionInfo; restarted: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { enter, leave } = useScoringStore();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock() {
    setBusy(true);
    setError(null);
    const failed = await enter(detail.info.code, session.juror, pin);
    setBusy(false);
    setPin('');
    if (failed) setError(failed);
  }

  return (
    <Section title={t('lock.title')}>
      <div className="lock-screen">
        <p className="lock-name">{session.name}</p>
        <p>{t(restarted ? 'lock.restarted' : 'lock.idle', { name: session.name })}</p>
        <p className="muted">{t('lock.ask')}</p>
        <PinForm
          label={t('scoring.pinFor', { name: session.name })}
          pin={pin}
          onPin={setPin}
          onSubmit={() => void unlock()}
          submitLabel={t('lock.unlock')}
          disabled={busy || pin === ''}
        />
        {error ? (
          <p className="form-error" role="alert">
            {describeError(error, lang)}
          </p>
        ) : null}
        <button type="button" className="link" onClick={() => void leave()}>
          {t('lock.other', { name: session.name })}
        </button>
      </div>
    </Section>
  );
}
