/**
 * Penilaian (scoring), the thin path: a juror picks a site and scores it indicator by indicator. Every change
 * is saved at once; the level buttons form a radio group (arrow keys move, number keys choose, Tab goes to the
 * next indicator).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { levelKey, listIndicators, scaleBounds, scaleLevels, type IndicatorRef } from '../../../shared/domain/instrument.js';
import { formatNumber, parseDecimal } from '../../../shared/domain/numbers.js';
import { NeedsCompetition, Section, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { useCompetitionStore } from '../stores/competitions.js';
import { useScoringStore, type SaveState } from '../stores/scoring.js';

function decimalsOf(value: number): number {
  const text = levelKey(value);
  return text.includes('.') ? Math.min(4, text.length - text.indexOf('.') - 1) : 0;
}

function LevelButtons(props: { item: IndicatorRef; value: number | undefined; disabled: boolean; onSet: (v: number) => void }) {
  const lang = useAppStore((s) => s.lang);
  const levels = scaleLevels(props.item.scale) ?? [];
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = levels.findIndex((l) => props.value !== undefined && Math.abs(l.value - props.value) < 1e-9);

  function choose(index: number) {
    const level = levels[index];
    if (!level || props.disabled) return;
    props.onSet(level.value);
    refs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (/^[0-9]$/.test(event.key)) {
      const digit = Number(event.key);
      const byValue = levels.findIndex((l) => l.value === digit);
      const index = byValue >= 0 ? byValue : digit - 1;
      if (index >= 0 && index < levels.length) {
        event.preventDefault();
        choose(index);
      }
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      choose(Math.min(levels.length - 1, selected + 1));
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      choose(Math.max(0, selected < 0 ? 0 : selected - 1));
    }
  }

  return (
    <div role="radiogroup" aria-label={`${props.item.indicator.code} ${props.item.indicator.name}`} className="levels" onKeyDown={onKeyDown}>
      {levels.map((level, i) => (
        <button
          key={level.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={i === selected}
          tabIndex={i === selected || (selected < 0 && i === 0) ? 0 : -1}
          disabled={props.disabled}
          className={i === selected ? 'level selected' : 'level'}
          onClick={() => choose(i)}
        >
          <span className="level-value">{'options' in props.item.scale ? level.key : formatNumber(level.value, decimalsOf(level.value), lang)}</span>
          {level.label ? <span className="level-label">{level.label}</span> : null}
        </button>
      ))}
    </div>
  );
}

function NumberEntry(props: { item: IndicatorRef; value: number | undefined; disabled: boolean; onSet: (v: number | null) => void }) {
  const lang = useAppStore((s) => s.lang);
  const t = useT();
  // The parent keys this component by the saved value, so a new value from the core starts a fresh field.
  const [text, setText] = useState(props.value === undefined ? '' : formatNumber(props.value, decimalsOf(props.value), lang));
  const { min, max } = scaleBounds(props.item.scale);
  const unit = 'unit' in props.item.scale && props.item.scale.unit ? ` ${props.item.scale.unit}` : '';
  function commit() {
    if (text.trim() === '') return props.value === undefined ? undefined : props.onSet(null);
    const parsed = parseDecimal(text);
    if (parsed !== null && parsed !== props.value) props.onSet(parsed);
  }
  return (
    <label className="number-entry">
      <span className="sr-only">
        {t('penilaian.value')} {props.item.indicator.code}
      </span>
      <input
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <span className="muted">
        {formatNumber(min, 0, lang)}–{formatNumber(max, 0, lang)}
        {unit}
      </span>
    </label>
  );
}

function IndicatorRow(props: { item: IndicatorRef; phase: string; value: number | undefined; state: SaveState | undefined; disabled: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setScore = useScoringStore((s) => s.setScore);
  const { indicator, scale } = props.item;
  const rubric = indicator.rubric ? Object.entries(indicator.rubric) : [];
  const status =
    props.state === 'saving' ? t('penilaian.saving') : props.value !== undefined ? t('penilaian.saved') : t('penilaian.notScored');
  return (
    <li className={props.value !== undefined ? 'indicator scored' : 'indicator'} data-indicator={indicator.code}>
      <div className="indicator-text">
        <div className="indicator-title">
          <span className="code">{indicator.code}</span> {indicator.name}
        </div>
        <div className="muted small">
          {t('penilaian.phase')}: {props.phase} · {t('penilaian.weight', { weight: formatNumber(indicator.weight, decimalsOf(indicator.weight), lang) })}
        </div>
        {rubric.length > 0 ? (
          <ul className="rubric">
            {rubric.map(([level, text]) => (
              <li key={level} className={props.value !== undefined && levelKey(props.value) === level ? 'active' : ''}>
                <b>{formatNumber(Number(level), decimalsOf(Number(level)), lang)}</b> {text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="indicator-input">
        {scaleLevels(scale) ? (
          <LevelButtons item={props.item} value={props.value} disabled={props.disabled} onSet={(v) => void setScore(indicator.code, v)} />
        ) : (
          <NumberEntry key={`${props.value ?? ''}`} item={props.item} value={props.value} disabled={props.disabled} onSet={(v) => void setScore(indicator.code, v)} />
        )}
        <span className={`save-state ${props.state ?? (props.value !== undefined ? 'saved' : 'empty')}`} aria-live="polite">
          {status}
        </span>
      </div>
    </li>
  );
}

function Sheet({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const { sheet, saveState, juror } = useScoringStore();
  if (!sheet) return null;
  const site = detail.sites.find((s) => s.code === sheet.site);
  const jurorName = detail.jurors.find((j) => j.code === juror)?.name ?? juror ?? '';
  const eligible = new Set(sheet.eligible);
  const values = new Map(sheet.scores.map((s) => [s.indicator, s.value]));
  const phases = new Map(detail.instrument.phases.map((p) => [p.code, p.name]));
  const items = listIndicators(detail.instrument).filter((r) => eligible.has(r.indicator.code));
  const aspects = detail.instrument.aspects.filter((a) => items.some((i) => i.aspect.code === a.code));
  return (
    <Section title={t('penilaian.sheetFor', { juror: jurorName, site: site?.name ?? sheet.site })}>
      {sheet.finalised ? <p className="notice notice-ok">{t('penilaian.finalised')}</p> : null}
      {items.length === 0 ? <p className="empty">{t('penilaian.nothing')}</p> : <p className="muted small">{t('penilaian.keysHint')}</p>}
      {aspects.map((aspect) => (
        <div key={aspect.code} className="aspect-block">
          <h3>
            {aspect.code}. {aspect.name}
          </h3>
          <ol className="indicators">
            {items
              .filter((i) => i.aspect.code === aspect.code)
              .map((item) => (
                <IndicatorRow
                  key={item.indicator.code}
                  item={item}
                  phase={phases.get(item.indicator.phase) ?? item.indicator.phase}
                  value={values.get(item.indicator.code)}
                  state={saveState[item.indicator.code]}
                  disabled={sheet.finalised}
                />
              ))}
          </ol>
        </div>
      ))}
    </Section>
  );
}

export function PenilaianScreen() {
  const t = useT();
  const detail = useCompetitionStore((s) => s.detail);
  const competition = useAppStore((s) => s.competition);
  const { juror, site, progress, selectJuror, selectSite, reset } = useScoringStore();

  useEffect(() => {
    if (juror && detail && !detail.jurors.some((j) => j.code === juror)) reset();
  }, [detail, juror, reset]);

  return (
    <div className="screen">
      <h1>{t('penilaian.heading')}</h1>
      <NeedsCompetition>
        {detail && competition ? (
          <>
            <div className="toolbar">
              <label>
                {t('penilaian.juror')}
                <select
                  value={juror ?? ''}
                  onChange={(e) => e.target.value && void selectJuror(competition, e.target.value, detail.sites.map((s) => s.code))}
                >
                  <option value="">{t('penilaian.chooseJuror')}</option>
                  {detail.jurors.map((j) => (
                    <option key={j.code} value={j.code}>
                      {j.code} — {j.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {juror ? (
              <div className="scoring-layout">
                <nav className="site-list" aria-label={t('penilaian.sites')}>
                  <h2>{t('penilaian.sites')}</h2>
                  <ul>
                    {detail.sites.map((s) => {
                      const p = progress[s.code];
                      const recused = detail.jurors.find((j) => j.code === juror)?.recusedSites.includes(s.code);
                      return (
                        <li key={s.code}>
                          <button
                            type="button"
                            className={s.code === site ? 'site active' : 'site'}
                            aria-current={s.code === site ? 'true' : undefined}
                            onClick={() => void selectSite(competition, s.code)}
                          >
                            <span className="site-name">{s.name}</span>
                            <span className="muted small">{s.regency ?? s.code}</span>
                            <span className="small progress-text">
                              {recused ? t('penilaian.recused') : p ? t('penilaian.progress', { scored: p.scored, total: p.total }) : '…'}
                            </span>
                            {p && p.total > 0 ? (
                              <span className="bar" aria-hidden="true">
                                <span style={{ width: `${Math.round((100 * p.scored) / p.total)}%` }} />
                              </span>
                            ) : null}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
                <div className="sheet">
                  <Sheet detail={detail} />
                </div>
              </div>
            ) : null}
          </>
        ) : null}
      </NeedsCompetition>
    </div>
  );
}
