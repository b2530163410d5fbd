/**
 * One group of sites that still share a rank: the jury orders them (Naik/Turun, by mouse or keyboard) and writes
 * its reason; an empty reason is said beside the field before anything is sent, a refusal of the core beside the
 * button.
 */
import { useState } from 'react';
import type { PlenoTie } from '../../../../shared/contract/pleno.js';
import type { AppError } from '../../../../shared/domain/errors.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import type { PlenoState } from '../../../../shared/domain/pleno.js';
import { useT } from '../../components/common.js';
import { FormError, ReasonField } from '../../components/ReasonField.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { usePlenoStore } from '../../stores/pleno.js';

export function TieForm({ tie, state }: { tie: PlenoTie; state: PlenoState }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const detail = useCompetitionStore((s) => s.detail);
  const ranking = usePlenoStore((s) => s.ranking);
  const decide = usePlenoStore((s) => s.decide);
  const [order, setOrder] = useState<string[]>(tie.sites);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `tie-${tie.category ?? 'all'}-${tie.rank}`;
  const names = new Map(detail?.sites.map((s) => [s.code, s]) ?? []);
  const totals = new Map(ranking?.ranking.map((r) => [r.site, r.total]) ?? []);
  const precision = ranking?.precision ?? 2;
  const open = state === 'pleno';
  const labels = detail?.rules.labels ?? [];

  function move(index: number, by: -1 | 1) {
    const next = [...order];
    const [site] = next.splice(index, 1);
    next.splice(index + by, 0, site!);
    setOrder(next);
    setError(null);
    // The button pressed may now be disabled (top or bottom): the focus follows the site it moved.
    requestAnimationFrame(() => {
      const target = document.getElementById(`${base}-${site}-${by < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${base}-${site}-${by < 0 ? 'down' : 'up'}`) as HTMLButtonElement | null;
      (target && !target.disabled ? target : other)?.focus();
    });
  }

  async function record() {
    if (reason.trim() === '') {
      setMissing(true);
      document.getElementById(`${base}-reason`)?.focus();
      return;
    }
    setBusy(true);
    const failed = await decide(order, reason.trim());
    setBusy(false);
    if (failed) return setError(failed);
    setNotice({ kind: 'ok', text: t('pleno.recorded', { order: order.join(' > ') }) });
  }

  const title = tie.label
    ? t('pleno.tieTitle', { rank: tie.rank, label: tie.label, count: tie.sites.length })
    : t('pleno.tieTitleNoLabel', { rank: tie.rank, count: tie.sites.length });
  return (
    <div className={tie.label ? 'tie' : 'tie tie-unlabelled'} data-rank={tie.rank}>
      <h3 id={`${base}-title`}>
        {title}
        {tie.category && ranking?.rankBy === 'category' ? (
          <span className="muted small"> · {t('pleno.tieCategory', { category: tie.category })}</span>
        ) : null}
      </h3>
      {!tie.label ? <p className="muted small">{t('pleno.tieNoLabelHint')}</p> : null}
      {open ? <p className="hint">{t('pleno.tieOrderHint')}</p> : <p className="notice notice-warn">{t('pleno.openFirst')}</p>}
      <ol className="tie-order" aria-label={t('pleno.tieOrder', { rank: tie.rank })}>
        {order.map((site, i) => (
          <li key={site} data-site={site}>
            {open ? (
              <span className="tie-place">
                {t('pleno.placeAt', { rank: tie.rank + i })}
                {labels[tie.rank + i - 1] ? <span className="tie-label"> {labels[tie.rank + i - 1]}</span> : null}
              </span>
            ) : (
              <span className="tie-place">{t('pleno.placeTied', { rank: tie.rank })}</span>
            )}
            <span className="tie-site">
              <b>{site}</b> {names.get(site)?.name}
              <span className="muted small"> {names.get(site)?.regency}</span>
            </span>
            <span className="num">{totals.has(site) ? formatNumber(totals.get(site)!, precision, lang) : ''}</span>
            {open ? (
              <span className="row-actions">
                <button
                  type="button"
                  className="secondary small-btn"
                  id={`${base}-${site}-up`}
                  aria-label={t('pleno.moveUpSite', { site })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑ {t('pleno.moveUp')}
                </button>
                <button
                  type="button"
                  className="secondary small-btn"
                  id={`${base}-${site}-down`}
                  aria-label={t('pleno.moveDownSite', { site })}
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓ {t('pleno.moveDown')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        <>
          <ReasonField
            id={base}
            textareaId={`${base}-reason`}
            className="reason-field"
            label={t('pleno.reason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              if (value.trim() !== '') setMissing(false);
              setError(null);
            }}
            hint={t('pleno.reasonHint')}
            problem={missing ? t('pleno.reasonMissing') : null}
          />
          <FormError error={error} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void record()}>
              {t('pleno.record')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
