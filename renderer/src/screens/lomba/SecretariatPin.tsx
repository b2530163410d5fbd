/**
 * The secretariat's PIN of a competition (for typing up paper sheets): set once, changed only with the current one.
 * Kept as a scrypt hash like the jurors' PINs; each change is recorded in the history.
 */
import { useEffect, useState } from 'react';
import { describeError } from '../../../../shared/domain/errors.js';
import { call } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';

/** `onSaved`: the PIN was set or changed (a change ends the secretariat's session). */
export function SecretariatPin({ competition, onSaved }: { competition: string; onSaved?: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const [hasPin, setHasPin] = useState<boolean | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('session.secretariat', { competition }).then((r) => r.ok && setHasPin(r.value.hasPin));
  }, [competition]);

  async function save() {
    setError(null);
    const result = await call('session.setSecretariatPin', { competition, pin: next, ...(hasPin ? { currentPin: current } : {}) });
    setCurrent('');
    setNext('');
    if (!result.ok) return setError(describeError(result.error, lang));
    setNotice({ kind: 'ok', text: t(hasPin ? 'secretariat.changed' : 'secretariat.saved') });
    setHasPin(true);
    onSaved?.();
  }

  if (hasPin === null) return null;
  return (
    <div className="pins secretariat-pin">
      <h3>
        {t('secretariat.title')}{' '}
        {hasPin ? (
          <span className="badge small">{t('secretariat.has')}</span>
        ) : (
          <span className="muted small">{t('secretariat.none')}</span>
        )}
      </h3>
      <p className="muted small">{t('secretariat.hint')}</p>
      <form
        className="toolbar-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {hasPin ? (
          <label className="inline">
            {t('secretariat.current')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </label>
        ) : null}
        <label className="inline">
          {t('secretariat.new')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            placeholder={t('pins.placeholder')}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <button type="submit" className="secondary small-button" disabled={!next || (hasPin && !current)}>
          {t(hasPin ? 'secretariat.change' : 'secretariat.set')}
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
