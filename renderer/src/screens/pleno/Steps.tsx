/**
 * The result's stage as a step indicator with its revision; opening the meeting; locking (what blocks it, then a
 * confirmation saying what locking means); once locked, the snapshot's fingerprint and time and reopening with a
 * reason (the next revision).
 */
import { useState } from 'react';
import type { PlenoView } from '../../../../shared/contract/pleno.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { isFrozen, PLENO_STATES, type PlenoState } from '../../../../shared/domain/pleno.js';
import { t as message } from '../../../../shared/i18n/messages.js';
import { useT } from '../../components/common.js';
import { FormError, ReasonField } from '../../components/ReasonField.js';
import type { UiKey } from '../../i18n.js';
import { useAppStore } from '../../stores/app.js';
import { usePlenoStore } from '../../stores/pleno.js';

const STEP_NAMES: Record<PlenoState, UiKey> = {
  draft: 'pleno.step.draft',
  pleno: 'pleno.step.pleno',
  locked: 'pleno.step.locked',
  signed: 'pleno.step.signed',
};
const STATE_TEXTS: Record<PlenoState, UiKey> = {
  draft: 'pleno.state.draft',
  pleno: 'pleno.state.pleno',
  locked: 'pleno.state.locked',
  signed: 'pleno.state.signed',
};

export function Steps({ view }: { view: PlenoView }) {
  const t = useT();
  const now = PLENO_STATES.indexOf(view.state);
  return (
    <div className="pleno-steps-bar">
      <ol className="pleno-steps" aria-label={t('pleno.steps')}>
        {PLENO_STATES.map((state, i) => (
          <li
            key={state}
            className={i < now ? 'step done' : i === now ? 'step current' : 'step'}
            aria-current={i === now ? 'step' : undefined}
          >
            <span className="step-mark" aria-hidden="true">
              {i < now ? '✓' : i + 1}
            </span>
            <span className="step-name">{t(STEP_NAMES[state])}</span>
            {i === now ? <span className="sr-only"> ({t('pleno.stepNow')})</span> : null}
          </li>
        ))}
      </ol>
      {view.revision > 0 ? <span className="badge revision">{t('pleno.revision', { revision: view.revision })}</span> : null}
      <p className="pleno-state-text">{t(STATE_TEXTS[view.state])}</p>
    </div>
  );
}

export function OpenPanel() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const open = usePlenoStore((s) => s.open);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <section className="card pleno-open">
      <button
        type="button"
        className="primary"
        onClick={() =>
          void open().then((failed) => {
            setError(failed);
            if (!failed) setNotice({ kind: 'ok', text: t('pleno.opened') });
          })
        }
      >
        {t('pleno.open')}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {describeError(error, lang)}
        </p>
      ) : null}
    </section>
  );
}

export function LockPanel({ view }: { view: PlenoView }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  if (isFrozen(view.state)) return <LockedPanel view={view} />;
  return (
    <section className="card" aria-labelledby="pleno-lock-title">
      <div className="card-head">
        <h2 id="pleno-lock-title">{t('pleno.lockTitle')}</h2>
      </div>
      {view.blockers.length > 0 ? (
        <div className="notice notice-warn blockers" role="status">
          <div>
            <p>{t('pleno.blockers')}</p>
            <ul>
              {view.blockers.map((b) => (
                <li key={`${b.key}:${JSON.stringify(b.params)}`}>{message(lang, b.key, b.params)}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="notice notice-ok" role="status">
          {t('pleno.canLock')}
        </p>
      )}
      {view.state === 'pleno' ? <LockButton disabled={view.blockers.length > 0} /> : <p className="muted">{t('pleno.openToLock')}</p>}
    </section>
  );
}

function LockButton({ disabled }: { disabled: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const lock = usePlenoStore((s) => s.lock);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!asking)
    return (
      <div className="form-actions">
        <button type="button" className="primary" disabled={disabled} onClick={() => setAsking(true)}>
          {t('pleno.lock')}
        </button>
      </div>
    );
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="lock-confirm-title" aria-describedby="lock-confirm-text">
      <h3 id="lock-confirm-title">{t('pleno.lockConfirmTitle')}</h3>
      <p id="lock-confirm-text">{t('pleno.lockConfirmText')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {describeError(error, lang)}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void lock().then((failed) => {
              setError(failed);
              if (!failed) {
                setAsking(false);
                setNotice({ kind: 'ok', text: t('pleno.locked') });
              }
            })
          }
        >
          {t('pleno.lockConfirm')}
        </button>
        {/* The focus comes into the confirmation on its safe choice (the Lock button it replaces is gone). */}
        <button type="button" className="secondary" autoFocus onClick={() => setAsking(false)}>
          {t('pleno.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The locked result: when, its fingerprint (short, the whole in the title and for screen readers), reopening. */
function LockedPanel({ view }: { view: PlenoView }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const reopen = usePlenoStore((s) => s.reopen);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const next = view.revision + 1;

  async function confirm() {
    if (reason.trim() === '') {
      setMissing(true);
      document.getElementById('reopen-reason')?.focus();
      return;
    }
    const failed = await reopen(reason.trim());
    setError(failed);
    if (!failed) {
      setAsking(false);
      setReason('');
      setNotice({ kind: 'ok', text: t('pleno.reopened', { revision: next }) });
    }
  }

  return (
    <section className="card locked-result" aria-labelledby="pleno-locked-title">
      <div className="card-head">
        <h2 id="pleno-locked-title">{t('pleno.locked')}</h2>
      </div>
      {view.changedAt ? <p>{t('pleno.lockedAt', { at: formatDateTime(new Date(view.changedAt), lang) })}</p> : null}
      {view.snapshot ? (
        <p className="snapshot">
          <span>{t('pleno.snapshot')}: </span>
          <code title={view.snapshot} aria-label={view.snapshot}>
            {view.snapshot.slice(0, 16)}…
          </code>
        </p>
      ) : null}
      {!asking ? (
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => setAsking(true)}>
            {t('pleno.reopen')}
          </button>
        </div>
      ) : (
        <div className="confirm-box">
          <ReasonField
            id="reopen"
            textareaId="reopen-reason"
            autoFocus
            label={t('pleno.reopenReason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              if (value.trim() !== '') setMissing(false);
              setError(null);
            }}
            hint={t('pleno.reopenHint', { revision: next })}
            problem={missing ? t('pleno.reopenMissing') : null}
          />
          <FormError error={error} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void confirm()}>
              {t('pleno.reopenConfirm', { revision: next })}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('pleno.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
