/** "Siapa Anda?": the juror scoring on this laptop chooses themselves, with their PIN when they have one. */
import { useState } from 'react';
import type { CompetitionDetail } from '../../../../shared/contract/schemas.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore } from '../../stores/scoring.js';
import { PinForm } from '../../components/PinForm.js';

export function JurorPicker({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const enter = useScoringStore((s) => s.enter);
  const [asking, setAsking] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  async function choose(juror: string, withPin?: string) {
    setError(null);
    const failed = await enter(detail.info.code, juror, withPin);
    if (failed) setError(failed);
    else setAsking(null);
  }

  return (
    <Section title={t('scoring.whoAreYou')}>
      <p className="muted">{t('scoring.whoHint')}</p>
      <ul className="juror-cards">
        {detail.jurors.map((j) => {
          const hasPin = detail.pins.includes(j.code);
          return (
            <li key={j.code}>
              <button
                type="button"
                className={asking === j.code ? 'juror-card active' : 'juror-card'}
                onClick={() => {
                  setPin('');
                  if (hasPin) setAsking(j.code);
                  else void choose(j.code);
                }}
              >
                <span className="juror-name">{j.name}</span>
                <span className="muted small">
                  {j.code} · {t(`role.${j.role}`)}
                  {j.agency ? ` · ${j.agency}` : ''}
                </span>
                <span className="small">
                  {j.aspects === undefined
                    ? t('lomba.allAspects')
                    : j.aspects.length === 0
                      ? t('lomba.noAspects')
                      : `${t('lomba.aspects')}: ${j.aspects.join(', ')}`}
                </span>
                {hasPin ? <span className="badge small">PIN</span> : null}
              </button>
              {asking === j.code ? (
                <PinForm
                  label={t('scoring.pinFor', { name: j.name })}
                  pin={pin}
                  onPin={setPin}
                  onSubmit={() => void choose(j.code, pin)}
                  submitLabel={t('scoring.enter')}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {describeError(error, lang)}
        </p>
      ) : null}
    </Section>
  );
}
