/**
 * Typing up paper score sheets (the secretariat, on behalf of one juror): a grid of sites × indicators with
 * spreadsheet keys (arrows move, Enter goes down, Tab right; a value is saved when the cell is left). With the
 * double-entry check on, a second pass is typed blind and compared with the stored values; mismatches are listed
 * for correction.
 */
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { CompetitionDetail, GridData } from '../../../../shared/contract/schemas.js';
import { isOnScale, listIndicators } from '../../../../shared/domain/instrument.js';
import { formatNumber, parseDecimal } from '../../../../shared/domain/numbers.js';
import { call } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { decimalsOf } from './IndicatorCard.js';

type CellState = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'match' } | { kind: 'mismatch'; typed: number };

export function GridEntry({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const [juror, setJuror] = useState('');
  const [grid, setGrid] = useState<GridData | null>(null);
  const [second, setSecond] = useState(false);
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const scales = new Map(listIndicators(detail.instrument).map((r) => [r.indicator.code, r]));

  const load = useCallback(
    async (code: string) => {
      const result = await call('scoring.grid', { competition: detail.info.code, juror: code });
      if (result.ok) setGrid(result.value);
      else setNotice({ kind: 'error', error: result.error });
    },
    [detail.info.code, setNotice],
  );

  const key = (site: string, indicator: string) => `${site}|${indicator}`;
  const shown = (site: string, indicator: string, stored: number | undefined) =>
    texts[key(site, indicator)] ?? (second || stored === undefined ? '' : formatNumber(stored, decimalsOf(stored), lang));

  async function save(site: string, indicator: string, value: number): Promise<boolean> {
    const result = await call('scoring.setScore', { competition: detail.info.code, juror, site, indicator, value, entry: true });
    if (!result.ok) {
      setNotice({ kind: 'error', error: result.error });
      return false;
    }
    await load(juror);
    return true;
  }

  async function commit(site: string, indicator: string, stored: number | undefined) {
    const k = key(site, indicator);
    const text = texts[k];
    if (text === undefined) return;
    if (text.trim() === '') {
      setTexts(({ [k]: _drop, ...rest }) => rest);
      return;
    }
    const value = parseDecimal(text);
    const ref = scales.get(indicator);
    if (value === null || !ref || !isOnScale(ref.scale, value)) {
      setCells((c) => ({ ...c, [k]: { kind: 'invalid' } }));
      return;
    }
    if (second) {
      setCells((c) => ({
        ...c,
        [k]: stored !== undefined && Math.abs(stored - value) < 1e-9 ? { kind: 'match' } : { kind: 'mismatch', typed: value },
      }));
      return;
    }
    if (stored === undefined || Math.abs(stored - value) >= 1e-9) {
      if (await save(site, indicator, value)) setCells((c) => ({ ...c, [k]: { kind: 'saved' } }));
    }
    setTexts(({ [k]: _drop, ...rest }) => rest);
  }

  function move(event: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    const go = (r: number, c: number) => {
      const next = document.querySelector<HTMLInputElement>(`input[data-cell="${r}:${c}"]`);
      if (next) {
        event.preventDefault();
        next.focus();
        next.select();
      }
    };
    if (event.key === 'ArrowDown' || event.key === 'Enter') go(row + 1, col);
    else if (event.key === 'ArrowUp') go(row - 1, col);
    else if (event.key === 'ArrowRight' && event.currentTarget.selectionStart === event.currentTarget.value.length) go(row, col + 1);
    else if (event.key === 'ArrowLeft' && event.currentTarget.selectionStart === 0) go(row, col - 1);
  }

  const mismatches = Object.entries(cells).filter((e): e is [string, { kind: 'mismatch'; typed: number }] => e[1].kind === 'mismatch');
  const siteName = new Map(detail.sites.map((s) => [s.code, s.name]));

  return (
    <Section title={t('grid.title')}>
      <p className="muted">{t('grid.hint')}</p>
      <div className="toolbar-row">
        <label className="inline">
          {t('penilaian.juror')}
          <select
            value={juror}
            onChange={(e) => {
              setJuror(e.target.value);
              if (e.target.value) void load(e.target.value);
            }}
          >
            <option value="">{t('penilaian.chooseJuror')}</option>
            {detail.jurors.map((j) => (
              <option key={j.code} value={j.code}>
                {j.code} — {j.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline choice-option">
          <input
            type="checkbox"
            checked={second}
            onChange={(e) => {
              setSecond(e.target.checked);
              setTexts({});
              setCells({});
            }}
          />
          <span>{t('grid.doubleEntry')}</span>
        </label>
      </div>
      {second ? <p className="notice notice-warn">{t('grid.secondPass')}</p> : null}
      {mismatches.length > 0 ? (
        <div className="form-error" role="alert">
          <p>{t('grid.mismatches', { count: mismatches.length })}</p>
          <ul>
            {mismatches.map(([k, state]) => {
              const [site, indicator] = k.split('|') as [string, string];
              const stored = grid?.rows.find((r) => r.site === site)?.values[indicator];
              return (
                <li key={k}>
                  {site} {siteName.get(site)} · {indicator}: {t('grid.firstPass')}{' '}
                  {stored === undefined ? '—' : formatNumber(stored, decimalsOf(stored), lang)}, {t('grid.secondPassValue')}{' '}
                  {formatNumber(state.typed, decimalsOf(state.typed), lang)}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      void save(site, indicator, state.typed).then((ok) => ok && setCells((c) => ({ ...c, [k]: { kind: 'match' } })))
                    }
                  >
                    {t('grid.useSecond')}
                  </button>
                  <button type="button" className="link" onClick={() => setCells((c) => ({ ...c, [k]: { kind: 'match' } }))}>
                    {t('grid.keepFirst')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {grid && grid.juror === juror ? (
        <div className="table-scroll">
          <table className="data grid-entry">
            <thead>
              <tr>
                <th scope="col">{t('lomba.sites')}</th>
                {grid.indicators.map((code) => (
                  <th key={code} scope="col" title={scales.get(code)?.indicator.name}>
                    {code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row, r) => (
                <tr key={row.site}>
                  <th scope="row">
                    {row.site} <span className="muted small">{siteName.get(row.site)}</span>
                    {row.finalised ? <span className="badge small">Final</span> : null}
                  </th>
                  {grid.indicators.map((code, c) => {
                    const k = key(row.site, code);
                    const stored = row.values[code];
                    const state = cells[k];
                    if (!row.eligible.includes(code)) return <td key={code} className="na" aria-label={t('grid.notEligible')} />;
                    return (
                      <td key={code} className={state ? `cell-${state.kind}` : ''}>
                        <input
                          data-cell={`${r}:${c}`}
                          aria-label={`${row.site} ${code}`}
                          inputMode="decimal"
                          disabled={row.finalised}
                          value={shown(row.site, code, stored)}
                          aria-invalid={state?.kind === 'invalid' || state?.kind === 'mismatch' || undefined}
                          onChange={(e) => setTexts((x) => ({ ...x, [k]: e.target.value }))}
                          onBlur={() => void commit(row.site, code, stored)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') void commit(row.site, code, stored);
                            move(e, r, c);
                          }}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {grid && Object.values(cells).some((c) => c.kind === 'invalid') ? <p className="form-error">{t('grid.invalidCell')}</p> : null}
    </Section>
  );
}
