/**
 * The secretariat's session on a screen whose acts are the secretariat's (Paket: resolving conflicts; Pleno:
 * deciding, locking, reopening): `useSecretariatSession` asks the core whether it is open (again whenever an act was
 * refused for the role, e.g. after the session ended unused), and `SecretariatCard` asks the secretariat PIN when it
 * is not, says where to set one when there is none, and shows who acts with a way to leave when it is open.
 * Penilaian's "Ketik lembar kertas" uses them too, through `SecretariatGate`.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SecretariatSession } from '../../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import { useAppStore } from '../stores/app.js';
import { Section, useT } from './common.js';
import { PinForm } from './PinForm.js';

export interface SecretariatHandle {
  state: SecretariatSession | null;
  open: boolean;
  refresh: () => Promise<void>;
  set: (state: SecretariatSession) => void;
}

/** `recheck`: asked again whenever it changes (what the screen shows changed, or an act was refused). */
export function useSecretariatSession(competition: string, recheck: string | null = null): SecretariatHandle {
  const [state, setState] = useState<SecretariatSession | null>(null);
  const notice = useAppStore((s) => s.notice);
  const noticeKey = notice?.kind === 'error' ? notice.error.key : null;
  const refresh = useCallback(async () => {
    const r = await call('session.secretariat', { competition });
    if (r.ok) setState(r.value);
  }, [competition]);
  useEffect(() => {
    let live = true;
    void call('session.secretariat', { competition }).then((r) => live && r.ok && setState(r.value));
    return () => {
      live = false;
    };
  }, [competition, noticeKey, recheck]);
  return { state, open: state?.open === true, refresh, set: setState };
}

export interface SecretariatCardProps {
  competition: string;
  session: SecretariatHandle;
  title: string;
  ask: string;
  openText: string;
  /** The screen's own words for leaving the session and for a competition without a secretariat PIN yet. */
  leaveText?: string;
  needsPinText?: string;
  /** Inside another card (a held package): without a card of its own. */
  inline?: boolean;
}

export function SecretariatCard(props: SecretariatCardProps) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const { state } = props.session;

  async function enter() {
    setError(null);
    const result = await call('session.enterSecretariat', { competition: props.competition, pin });
    setPin('');
    if (!result.ok) return setError(result.error);
    setNotice(null);
    props.session.set(result.value);
  }

  async function leave() {
    await call('session.leaveSecretariat', {});
    await props.session.refresh();
  }

  if (state === null) return null;
  if (state.open)
    return (
      <div className="session-bar secretariat-bar">
        <span>{props.openText}</span>
        <button type="button" className="link" onClick={() => void leave()}>
          {props.leaveText ?? t('roles.leave')}
        </button>
      </div>
    );
  const body = (
    <>
      {!state.hasPin ? (
        <p className="notice notice-warn secretariat-needs-pin">{props.needsPinText ?? t('roles.needsPin')}</p>
      ) : (
        <div className="secretariat-ask">
          <p>{props.ask}</p>
          <PinForm
            label={t('roles.pin')}
            pin={pin}
            onPin={setPin}
            onSubmit={() => void enter()}
            submitLabel={t('roles.enter')}
            disabled={pin === ''}
            autoFocus={!props.inline}
          />
          {error ? (
            <p className="form-error" role="alert">
              {describeError(error, lang)}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
  return props.inline ? body : <Section title={props.title}>{body}</Section>;
}
