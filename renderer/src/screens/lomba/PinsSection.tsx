/**
 * Juror PINs, set and reset by the secretariat (each act recorded in the history). A PIN matters when several
 * jurors share one laptop: a juror with a PIN must give it to score and to finalise.
 */
import { useState } from 'react';
import type { CompetitionDetail } from '../../../../shared/contract/schemas.js';
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

  async function setPin(juror: string, pin: string | null) {
    setError(null);
    const result = await call('session.setJurorPin', { competition: detail.info.code, juror, pin });
    if (!result.ok) return setError({ juror, error: result.error });
    setPins((p) => ({ ...p, [juror]: '' }));
    setNotice({ kind: 'ok', text: t(pin === null ? 'pins.removed' : 'pins.saved', { juror }) });
    await open(detail.info.code);
  }

  return (
    <div className="pins">
      <h3>{t('pins.title')}</h3>
      <p className="muted small">{t('pins.hint')}</p>
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
      <SecretariatPin competition={detail.info.code} />
    </div>
  );
}
