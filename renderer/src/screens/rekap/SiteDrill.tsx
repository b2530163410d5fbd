/**
 * Rekap's drill-down (issue 10, point 1): a site of the official ranking by aspect and phase (level 1), an aspect's
 * indicators (level 2), an indicator's jurors (level 3: score, its meaning, note, photos, outliers marked in words,
 * the spread). Enter opens the focused row, Escape or Backspace goes up one level; the breadcrumb and the rows take
 * clicks; the path is in the address (path.ts).
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { SiteDrill as Drill, SiteDrillIndicator, SiteDrillJuror } from '../../../../shared/contract/compile.js';
import type { EvidenceInfo } from '../../../../shared/contract/evidence.js';
import type { AppError } from '../../../../shared/domain/errors.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { call } from '../../api.js';
import { MeterBar } from '../../components/charts/MeterBar.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { bytesUrl } from '../penilaian/images.js';
import { TOP, upOf, type RekapPath } from './path.js';
import './rekap.css';

/** A score as the juror gave it: its own decimals (4, 3,5), in the reader's notation. */
function formatScore(value: number, lang: 'id' | 'en'): string {
  const text = String(value);
  const decimals = text.includes('.') ? Math.min(4, text.length - text.indexOf('.') - 1) : 0;
  return formatNumber(value, decimals, lang);
}

/** Whether a key press belongs to a field being typed in (never taken as navigation). */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Up and Down move between the rows' buttons of a table; Enter on a row opens it (its button's click). */
export function rowKeys(event: ReactKeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row-open]')];
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function SiteDrill(props: { competition: string; path: RekapPath; go: (path: RekapPath) => void; place: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { competition, path, go } = props;
  const [loaded, setLoaded] = useState<{ site: string; drill: Drill | null; error: AppError | null } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The row to focus after going up (the one we came from), else the level's heading. */
  const cameFrom = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    const site = path.site!;
    void call('compile.site', { competition, site }).then((r) => {
      if (live) setLoaded(r.ok ? { site, drill: r.value, error: null } : { site, drill: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [competition, path.site]);

  const current = loaded?.site === path.site ? loaded.drill : null;
  const error = loaded?.site === path.site ? loaded.error : null;
  const aspect = current?.aspects.find((a) => a.code === path.aspect) ?? null;
  const indicator = (aspect && current?.indicators.find((i) => i.code === path.indicator && i.aspect === aspect.code)) || null;
  const level = !current ? 0 : indicator ? 3 : aspect ? 2 : 1;

  useEffect(() => {
    if (level === 0) return;
    const back = cameFrom.current;
    cameFrom.current = null;
    const row = back ? document.querySelector<HTMLElement>(`[data-row-open="${CSS.escape(back)}"]`) : null;
    (row ?? heading.current)?.focus();
  }, [level, path.site, path.aspect, path.indicator]);

  const up = () => {
    cameFrom.current = path.indicator ?? path.aspect ?? path.site;
    go(upOf(path));
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' && event.key !== 'Backspace') return;
      if (event.defaultPrevented || typing(event.target) || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      cameFrom.current = path.indicator ?? path.aspect ?? path.site;
      go(upOf(path));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [path, go]);

  const p = current?.precision ?? 2;
  const fmt = (x: number) => formatNumber(x, p, lang);
  const pointsOf = (points: number, max: number) => `${fmt(points)} / ${fmt(max)}`;

  const trail: { label: string; path: RekapPath }[] = [{ label: t('drill.ranking'), path: TOP }];
  if (path.site) trail.push({ label: `${path.site}${current ? ` ${current.name}` : ''}`, path: { ...TOP, site: path.site } });
  if (aspect) trail.push({ label: t('drill.aspectHeading', { code: aspect.code, name: aspect.name }), path: { ...path, indicator: null } });
  if (indicator) trail.push({ label: indicator.code, path });

  return (
    <div className="drill">
      <nav className="drill-trail" aria-label={t('drill.trail')}>
        <ol>
          {trail.map((step, i) =>
            i === trail.length - 1 ? (
              <li key={i} aria-current="location">
                <span>{step.label}</span>
              </li>
            ) : (
              <li key={i}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    cameFrom.current = trail[i + 1]?.path.indicator ?? trail[i + 1]?.path.aspect ?? trail[i + 1]?.path.site ?? null;
                    go(step.path);
                  }}
                >
                  {step.label}
                </button>
              </li>
            ),
          )}
        </ol>
        <span className="drill-actions">
          <button type="button" className="secondary" onClick={up}>
            ← {t('drill.up')}
          </button>
          <span className="muted small">{t('drill.keys')}</span>
        </span>
      </nav>
      {error ? (
        <div className="notice notice-error" role="alert">
          {describeError(error, lang)}
        </div>
      ) : !current ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <h2 ref={heading} tabIndex={-1} className="drill-heading">
            {indicator
              ? t('drill.indicatorHeading', { code: indicator.code, name: indicator.name })
              : aspect
                ? t('drill.aspectHeading', { code: aspect.code, name: aspect.name })
                : `${current.site} · ${current.name}`}
          </h2>
          {current.state === 'locked' || current.state === 'signed' ? <p className="muted small">{t('drill.frozen')}</p> : null}
          {level === 1 ? (
            <SiteLevel
              drill={current}
              place={props.place}
              open={(a) => go({ ...path, aspect: a, indicator: null })}
              fmt={fmt}
              pointsOf={pointsOf}
            />
          ) : level === 2 ? (
            <AspectLevel
              drill={current}
              aspect={aspect!}

              open={(i) => go({ ...path, indicator: i })}
              fmt={fmt}
              pointsOf={pointsOf}
            />
          ) : (
            <IndicatorLevel drill={current} indicator={indicator!} fmt={fmt} />
          )}
        </>
      )}
    </div>
  );
}

type Fmt = (x: number) => string;

/** The heading of the aggregate column, by the competition's aggregation. */
const AGGREGATE_KEY = {
  mean: 'drill.aggregate.mean',
  'trimmed-mean': 'drill.aggregate.trimmed-mean',
  median: 'drill.aggregate.median',
} as const;

/** A table whose rows open the next level: a click anywhere on a row, or Enter on its button (Up/Down between rows). */
function OpenableRows(props: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className="data drill-table" onKeyDown={rowKeys}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>{props.head}</thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

function SiteLevel(props: {
  drill: Drill;
  place: string;
  open: (aspect: string) => void;
  fmt: Fmt;
  pointsOf: (points: number, max: number) => string;
}) {
  const t = useT();
  const { drill, fmt, pointsOf } = props;
  return (
    <>
      <p className="drill-summary">
        {t('drill.summary', { rank: `${drill.rank}${drill.tied ? '=' : ''}`, total: fmt(drill.total) })}
        {drill.label ? <span className="award">{drill.label}</span> : null}
        {props.place ? <span className="drill-place">{props.place}</span> : null}
      </p>
      <div className="drill-columns">
        <section className="card">
          <h3>{t('drill.byAspect')}</h3>
          <OpenableRows
            caption={t('drill.byAspect')}
            head={
              <tr>
                <th scope="col">{t('drill.aspect')}</th>
                <th scope="col" className="num">
                  {t('drill.ofMax')}
                </th>
                <th scope="col">{t('drill.share')}</th>
              </tr>
            }
          >
            {drill.aspects.map((a) => (
              <tr key={a.code} className="openable" onClick={() => props.open(a.code)}>
                <td>
                  <button
                    type="button"
                    className="row-open"
                    data-row-open={a.code}
                    onClick={(e) => (e.stopPropagation(), props.open(a.code))}
                  >
                    <b>{a.code}</b> {a.name}
                  </button>
                </td>
                <td className="num">{pointsOf(a.points, a.max)}</td>
                <td>
                  <MeterBar fraction={a.max > 0 ? a.points / a.max : 0} label={`${a.code}: ${pointsOf(a.points, a.max)}`} />
                </td>
              </tr>
            ))}
          </OpenableRows>
        </section>
        <section className="card">
          <h3>{t('drill.byPhase')}</h3>
          <table className="data drill-table">
            <thead>
              <tr>
                <th scope="col">{t('drill.phase')}</th>
                <th scope="col" className="num">
                  {t('drill.ofMax')}
                </th>
                <th scope="col">{t('drill.share')}</th>
              </tr>
            </thead>
            <tbody>
              {drill.phases.map((ph) => (
                <tr key={ph.code}>
                  <td>
                    <b>{ph.code}</b> {ph.name}
                  </td>
                  <td className="num">{pointsOf(ph.points, ph.max)}</td>
                  <td>
                    <MeterBar fraction={ph.max > 0 ? ph.points / ph.max : 0} label={`${ph.code}: ${pointsOf(ph.points, ph.max)}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}

function AspectLevel(props: {
  drill: Drill;
  aspect: Drill['aspects'][number];
  open: (indicator: string) => void;
  fmt: Fmt;
  pointsOf: (points: number, max: number) => string;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { drill, aspect, fmt, pointsOf } = props;
  const indicators = drill.indicators.filter((i) => i.aspect === aspect.code);
  return (
    <>
      <p className="drill-summary">{t('drill.aspectSummary', { points: fmt(aspect.points), max: fmt(aspect.max) })}</p>
      <section className="card">
        <OpenableRows
          caption={t('drill.aspectHeading', { code: aspect.code, name: aspect.name })}
          head={
            <tr>
              <th scope="col">{t('drill.indicator')}</th>
              <th scope="col">{t('drill.phase')}</th>
              <th scope="col" className="num">
                {t('drill.weight')}
              </th>
              <th scope="col" className="num">
                {t(AGGREGATE_KEY[drill.aggregation])}
              </th>
              <th scope="col" className="num">
                {t('drill.ofMax')}
              </th>
              <th scope="col">{t('drill.share')}</th>
              <th scope="col" className="num">
                {t('drill.spread')}
              </th>
              <th scope="col">{t('drill.outliers')}</th>
            </tr>
          }
        >
          {indicators.map((i) => {
            const outliers = i.jurors.filter((j) => j.outlier).length;
            return (
              <tr key={i.code} className="openable" onClick={() => props.open(i.code)}>
                <td>
                  <button
                    type="button"
                    className="row-open"
                    data-row-open={i.code}
                    onClick={(e) => (e.stopPropagation(), props.open(i.code))}
                  >
                    <b>{i.code}</b> {i.name}
                  </button>
                </td>
                <td>{i.phase}</td>
                <td className="num">{formatScore(i.weight, lang)}</td>
                <td className="num">{formatNumber(i.aggregate, Math.max(2, drill.precision), lang)}</td>
                <td className="num">{pointsOf(i.points, i.maxPoints)}</td>
                <td>
                  <MeterBar
                    fraction={i.maxPoints > 0 ? i.points / i.maxPoints : 0}
                    label={`${i.code}: ${pointsOf(i.points, i.maxPoints)}`}
                  />
                </td>
                <td className="num">{i.spread.raw === null ? '–' : formatScore(i.spread.raw, lang)}</td>
                <td>{outliers > 0 ? <span className="outlier-mark">⚠ {t('drill.outlierCount', { count: outliers })}</span> : null}</td>
              </tr>
            );
          })}
        </OpenableRows>
      </section>
    </>
  );
}

function IndicatorLevel(props: { drill: Drill; indicator: SiteDrillIndicator; fmt: Fmt }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { drill, indicator: i, fmt } = props;
  const n = (x: number) => formatNumber(x, Math.max(2, drill.precision), lang);
  return (
    <>
      <p className="drill-summary">
        {t('drill.indicatorSummary', {
          phase: i.phase,
          weight: formatScore(i.weight, lang),
          min: formatScore(i.scale.min, lang),
          max: formatScore(i.scale.max, lang),
          aggregation: t(AGGREGATE_KEY[drill.aggregation]).toLowerCase(),
          aggregate: n(i.aggregate),
          points: fmt(i.points),
        })}
      </p>
      <section className="card">
        <div className="table-scroll">
          <table className="data drill-table jurors">
            <caption className="sr-only">{t('drill.indicatorHeading', { code: i.code, name: i.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drill.juror')}</th>
                <th scope="col" className="num">
                  {t('drill.score')}
                </th>
                <th scope="col">{t('drill.level')}</th>
                <th scope="col" className="num">
                  {t('drill.normalised')}
                </th>
                <th scope="col">{t('drill.check')}</th>
                <th scope="col">{t('drill.note')}</th>
                <th scope="col">{t('drill.photos')}</th>
              </tr>
            </thead>
            <tbody>
              {i.jurors.map((j) => (
                <JurorRow key={j.juror} juror={j} n={n} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="small">
          {i.spread.raw === null || i.spread.normalised === null
            ? t('drill.spreadNone')
            : t('drill.spreadLine', { raw: formatScore(i.spread.raw, lang), normalised: n(i.spread.normalised) })}
        </p>
        <p className="muted small">{t('drill.outlierRule', { half: formatScore((i.scale.max - i.scale.min) / 2, lang) })}</p>
      </section>
    </>
  );
}

function JurorRow({ juror: j, n }: { juror: SiteDrillJuror; n: Fmt }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <tr className={j.outlier ? 'outlier' : undefined}>
      <th scope="row">
        <b>{j.juror}</b> <span className="drill-juror-name">{j.name}</span>
      </th>
      <td className="num drill-score">{j.score === null ? '–' : formatScore(j.score, lang)}</td>
      <td>
        {j.score === null ? <span className="muted">{t('drill.notScored')}</span> : (j.label ?? '')}
        {j.rubric ? <div className="muted small">{j.rubric}</div> : null}
      </td>
      <td className="num">{j.normalised === null ? '–' : n(j.normalised)}</td>
      <td>
        {j.outlier && j.score !== null && j.othersMedian !== null ? (
          <span className="outlier-mark">
            ⚠{' '}
            {t('drill.outlier', { diff: formatScore(Math.abs(j.score - j.othersMedian), lang), median: formatScore(j.othersMedian, lang) })}
          </span>
        ) : j.score !== null && j.othersMedian !== null ? (
          <span className="muted">{t('drill.inLine')}</span>
        ) : null}
      </td>
      <td className="drill-note">{j.note ?? ''}</td>
      <td>
        <div className="drill-photos">
          {j.photos.map((photo) => (
            <PhotoThumb key={photo.uuid} photo={photo} juror={j.juror} />
          ))}
        </div>
      </td>
    </tr>
  );
}

/** A photo's thumbnail (evidence.get); a click opens the photo full size in a new view of the browser's own. */
function PhotoThumb({ photo, juror }: { photo: EvidenceInfo; juror: string }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [full, setFull] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    void call('evidence.get', { uuid: photo.uuid, thumbnail: photo.hasThumbnail }).then((r) => {
      if (r.ok) {
        made = bytesUrl(r.value.bytes, r.value.mime);
        setUrl(made);
      }
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.uuid, photo.hasThumbnail]);
  const label = t('drill.photo', { name: photo.name, juror });
  const open = () =>
    void call('evidence.get', { uuid: photo.uuid, thumbnail: false }).then((r) => {
      if (r.ok) setFull(bytesUrl(r.value.bytes, r.value.mime));
    });
  return (
    <>
      <button type="button" className="thumb" onClick={open} aria-label={label} title={label}>
        {url ? <img src={url} alt={label} /> : <span className="muted small">…</span>}
      </button>
      {full ? (
        <div
          className="modal"
          role="dialog"
          aria-modal="true"
          aria-label={label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              URL.revokeObjectURL(full);
              setFull(null);
            }
          }}
        >
          <div className="modal-body photo-view">
            <img src={full} alt={label} />
            <p className="muted small">{photo.name}</p>
            <button
              type="button"
              autoFocus
              onClick={() => {
                URL.revokeObjectURL(full);
                setFull(null);
              }}
            >
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
