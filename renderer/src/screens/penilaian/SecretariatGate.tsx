/**
 * "Ketik lembar kertas" is the secretariat's task: the grid shows only in the secretariat's session, opened with the
 * competition's secretariat PIN (set in Lomba › Juri). Without one set, it says so and where to set it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { SecretariatSession } from '../../../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { call } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { PinForm } from '../../components/PinForm.js';

export function SecretariatGate({ competition, children }: { competition: string; children: ReactNode }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  const [state, setState] = useState<SecretariatSession | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  async function refresh() {
    const result = await call('session.secretariat', { competition });
    if (result.ok) setState(result.value);
    else setNotice({ kind: 'error', error: result.error });
  }

  // Asked on opening, and again when an entry was refused because the session ended meanwhile (unused too long).
  const refusedKey = notice?.kind === 'error' ? notice.error.key : null;
  useEffect(() => {
    let live = true;
    void call('session.secretariat', { competition }).then((r) => live && r.ok && setState(r.value));
    return () => {
      live = false;
    };
  }, [competition, refusedKey]);

  async function enter() {
    setError(null);
    const result = await call('session.enterSecretariat', { competition, pin });
    setPin('');
    if (!result.ok) return setError(result.error);
    setNotice(null);
    setState(result.value);
  }

  async function leave() {
    await call('session.leaveSecretariat', {});
    await refresh();
  }

  if (state === null) return <p>{t('common.loading')}</p>;
  if (!state.hasPin)
    return (
      <Section title={t('grid.title')}>
        <p className="notice notice-warn secretariat-needs-pin">{t('secretariat.needsPin')}</p>
      </Section>
    );
  if (!state.open)
    return (
      <Section title={t('grid.title')}>
        <div className="lock-screen">
          <p>{t('secretariat.ask')}</p>
          <PinForm
            label={t('secretariat.pin')}
            pin={pin}
            onPin={setPin}
            onSubmit={() => void enter()}
            submitLabel={t('secretariat.enter')}
            disabled={pin === ''}
          />
          {error ? (
            <p className="form-error" role="alert">
              {describeError(error, lang)}
            </p>
          ) : null}
        </div>
      </Section>
    );
  return (
    <>
      <div className="session-bar">
        <span>{t('secretariat.signedIn')}</span>
        <button type="button" className="link" onClick={() => void leave()}>
          {t('secretariat.leave')}
        </button>
      </div>
      {children}
    </>
  );
}
