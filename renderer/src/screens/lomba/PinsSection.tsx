/**
 * Juror PINs, set and reset by the secretariat (each act recorded in the history). A PIN matters when several
 * jurors share one laptop: a juror with a PIN must give it to score and to finalise. Setting someone's PIN needs the
 * secretariat's session on this laptop: asked here with the secretariat PIN (or, without one yet, to set it first).
 */
import { useEffect, useState } from 'react';
import type { CompetitionDetail, SecretariatSession } from '../../../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { call } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { errorProps, FieldError } from './fields.js';
import { SecretariatPin } from './SecretariatPin.js';

export function PinsSection({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const open = useCompetitionStore((s) => s.open);
  const [pins, setPins] = useState<Record<string, string>>({});
  /** The refusal, beside the PIN field of the juror it is about; gone once that field changes. */
  const [error, setError] = useState<{ juror: string; error: AppError } | null>(null);
  const code = detail.info.code;
  const [secretariat, setSecretariat] = useState<SecretariatSession | null>(null);
  const [secretariatPin, setSecretariatPin] = useState('');
  const [secretariatError, setSecretariatError] = useState<AppError | null>(null);

  async function refreshSecretariat() {
    const result = await call('session.secretariat', { competition: code });
    if (result.ok) setSecretariat(result.value);
  }
  useEffect(() => {
    let live = true;
    void call('session.secretariat', { competition: code }).then((r) => live && r.ok && setSecretariat(r.value));
    return () => {
      live = false;
    };
  }, [code]);

  async function enterSecretariat() {
    setSecretariatError(null);
    const result = await call('session.enterSecretariat', { competition: code, pin: secretariatPin });
    setSecretariatPin('');
    if (!result.ok) return setSecretariatError(result.error);
    setSecretariat(result.value);
  }

  async function leaveSecretariat() {
    await call('session.leaveSecretariat', {});
    await refreshSecretariat();
  }

  async function setPin(juror: string, pin: string | null) {
    setError(null);
    const result = await call('session.setJurorPin', { competition: detail.info.code, juror, pin });
    if (!result.ok) {
      // The secretariat's session ended meanwhile (unused too long): ask its PIN again above.
      if (result.error.key.startsWith('session.secretariat')) void refreshSecretariat();
      return setError({ juror, error: result.error });
    }
    setPins((p) => ({ ...p, [juror]: '' }));
    setNotice({ kind: 'ok', text: t(pin === null ? 'pins.removed' : 'pins.saved', { juror }) });
    await open(detail.info.code);
  }

  return (
    <div className="pins">
      <h3>{t('pins.title')}</h3>
      <p className="muted small">{t('pins.hint')}</p>
      {secretariat === null ? null : !secretariat.hasPin ? (
        <p className="notice notice-warn">{t('pins.secretariatNeedsPin')}</p>
      ) : !secretariat.open ? (
        <div className="pins-secretariat">
          <p>{t('pins.secretariatAsk')}</p>
          <form
            className="pin-form"
            onSubmit={(e) => {
              e.preventDefault();
              void enterSecretariat();
            }}
          >
            <label className="inline">
              {t('pins.secretariatPin')}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={secretariatPin}
                onChange={(e) => setSecretariatPin(e.target.value)}
              />
            </label>
            <button type="submit" className="secondary small-button" disabled={secretariatPin === ''}>
              {t('pins.secretariatEnter')}
            </button>
          </form>
          {secretariatError ? (
            <p className="form-error" role="alert">
              {describeError(secretariatError, lang)}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="session-bar">
          <span>{t('pins.secretariatOpen')}</span>
          <button type="button" className="link" onClick={() => void leaveSecretariat()}>
            {t('pins.secretariatLeave')}
          </button>
        </div>
      )}
      <table className="data">
        <tbody>
          {detail.jurors.map((j) => {
            const has = detail.pins.includes(j.code);
            return (
              <tr key={j.code}>
                <th scope="row">
                  {j.code} <span className="muted small">{j.name}</span>
                </th>
                <td>
                  {has ? <span className="badge small">{t('pins.has')}</span> : <span className="muted small">{t('pins.none')}</span>}
                </td>
                <td>
                  <input
                    type="password"
                    inputMode="numeric"
                    autoComplete="new-password"
                    aria-label={t('pins.newFor', { juror: j.code })}
                    placeholder={t('pins.placeholder')}
                    value={pins[j.code] ?? ''}
                    onChange={(e) => {
                      setPins((p) => ({ ...p, [j.code]: e.target.value }));
                      if (error?.juror === j.code) setError(null);
                    }}
                    {...errorProps(`pin-${j.code}`, error?.juror === j.code ? describeError(error.error, lang) : undefined)}
                  />
                  <FieldError path={`pin-${j.code}`} message={error?.juror === j.code ? describeError(error.error, lang) : undefined} />
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary small-button"
                    disabled={!pins[j.code]}
                    onClick={() => void setPin(j.code, pins[j.code]!)}
                  >
                    {t(has ? 'pins.reset' : 'pins.set')}
                  </button>
                  {has ? (
                    <button type="button" className="link" onClick={() => void setPin(j.code, null)}>
                      {t('pins.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SecretariatPin competition={detail.info.code} onSaved={() => void refreshSecretariat()} />
    </div>
  );
}
