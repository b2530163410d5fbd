/**
 * Finalising a sheet: the juror reviews a summary of every score, sees what is still missing, signs on the pad and
 * confirms with the PIN; the sheet is then locked. A finalised sheet can be reopened only with a reason, kept in
 * the history and printed later.
 */
import { useEffect, useRef, useState } from 'react';
import type { CompetitionDetail } from '../../../../shared/contract/schemas.js';
import { REOPEN_REASON_MIN } from '../../../../shared/domain/competition.js';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { issueSentence } from '../../../../shared/domain/validation.js';
import { listIndicators } from '../../../../shared/domain/instrument.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { useT } from '../../components/common.js';
import { FormError, ReasonField } from '../../components/ReasonField.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore } from '../../stores/scoring.js';
import { decimalsOf } from './IndicatorCard.js';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.js';

export function SheetEvents() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const events = useScoringStore((s) => s.sheet?.events ?? []);
  if (events.length === 0) return null;
  return (
    <ul className="sheet-events small">
      {events.map((e, i) => (
        <li key={i}>
          {formatDateTime(new Date(e.at), lang)} —{' '}
          {t(e.kind === 'finalise' ? 'scoring.eventFinalise' : 'scoring.eventReopen', { actor: e.actor })}
          {e.reason ? `: “${e.reason}”` : ''}
        </li>
      ))}
    </ul>
  );
}

export function FinalisePanel({ detail, onClose }: { detail: CompetitionDetail; onClose: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { sheet, review, loadReview, finalise, session } = useScoringStore();
  const pad = useRef<SignaturePadHandle>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  if (!sheet || !session) return null;
  const hasPin = detail.pins.includes(session.juror);
  const values = new Map(sheet.scores.map((s) => [s.indicator, s.value]));
  const items = listIndicators(detail.instrument).filter((r) => sheet.eligible.includes(r.indicator.code));
  const problems = review ?? [];

  async function submit() {
    setError(null);
    const png = await pad.current?.png();
    if (!png) return setError(t('scoring.signFirst'));
    setBusy(true);
    const failed = await finalise(png, hasPin ? pin : undefined);
    setBusy(false);
    if (failed) return setError(failed);
    onClose();
  }

  return (
    <section className="card finalise" aria-label={t('scoring.reviewTitle')}>
      <h2>{t('scoring.reviewTitle')}</h2>
      <div className="table-scroll review-table" tabIndex={0} role="region" aria-label={t('scoring.reviewSummary')}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('setup.indicatorCode')}</th>
              <th scope="col">{t('setup.indicatorName')}</th>
              <th scope="col" className="num">
                {t('penilaian.value')}
              </th>
              <th scope="col">{t('scoring.noteShort')}</th>
              <th scope="col">{t('scoring.photos')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ indicator }) => {
              const v = values.get(indicator.code);
              const missing = problems.filter((p) => p.indicator === indicator.code);
              return (
                <tr key={indicator.code} className={missing.length ? 'invalid' : ''}>
                  <td>{indicator.code}</td>
                  <td>
                    {indicator.name}
                    {missing.map((m) => (
                      <div key={m.need} className="required-missing-text small">
                        {t(`scoring.missing.${m.need}`)}
                      </div>
                    ))}
                  </td>
                  <td className="num">{v === undefined ? '—' : formatNumber(v, decimalsOf(v), lang)}</td>
                  <td>{sheet.notes.some((n) => n.indicator === indicator.code) ? '✓' : ''}</td>
                  <td>{sheet.evidence.filter((e) => e.indicator === indicator.code).length || ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > 0 ? (
        <p className="form-error" role="alert">
          {t('scoring.reviewProblems', { count: problems.length })}
        </p>
      ) : (
        <p className="notice notice-ok">{t('scoring.reviewReady')}</p>
      )}
      <SignaturePad ref={pad} label={t('scoring.signaturePad')} />
      {hasPin ? (
        <label className="inline pin-field">
          {t('scoring.pin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            aria-label={t('scoring.pin')}
          />
        </label>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {typeof error === 'string' ? error : describeError(error, lang)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('setup.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy || problems.length > 0} onClick={() => void submit()}>
          {t('scoring.finalise')}
        </button>
      </div>
    </section>
  );
}

export function ReopenForm() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reopen = useScoringStore((s) => s.reopen);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('scoring.reopen')}
      </button>
    );
  const short = reason.trim().length < REOPEN_REASON_MIN;
  // Once something is typed, a reason too short says so beside the field (the button waits for a long enough one).
  const tooShortShown = short && reason.trim().length > 0;
  // Said before the core is asked, in the words the core would use ("Alasan paling sedikit 5 karakter").
  const tooShort = issueSentence(
    { path: 'reason', key: 'validate.tooSmall', params: { min: REOPEN_REASON_MIN, origin: 'string', inclusive: 'yes' } },
    lang,
  );
  return (
    <div className="reopen">
      <ReasonField
        id="reopen"
        problemId="reopen-error"
        rows={2}
        label={t('scoring.reopenReason')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setError(null);
        }}
        hint={t('forms.reasonHint', { min: REOPEN_REASON_MIN, count: reason.trim().length })}
        problem={tooShortShown ? tooShort : null}
      />
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('setup.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={short}
          onClick={() => void reopen(reason.trim()).then((failed) => (failed ? setError(failed) : setOpen(false)))}
        >
          {t('scoring.reopenConfirm')}
        </button>
      </div>
    </div>
  );
}
