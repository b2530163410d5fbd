/**
 * Rekap: the ranking as the core computes it (contract.md section 4), with points per aspect, totals,
 * awards, shared ranks and what decided each place.
 */
import { useEffect } from 'react';
import { explainPlaces, explainTieBreak, explanationText } from '../../../shared/domain/explain.js';
import { formatNumber } from '../../../shared/domain/numbers.js';
import type { RankedSite } from '../../../shared/domain/ranking.js';
import { NeedsCompetition, Section, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { useCompetitionStore } from '../stores/competitions.js';
import { useRankingStore } from '../stores/ranking.js';
import { ExportXlsx } from './rekap/ExportXlsx.js';
import { AspectChart } from './rekap/AspectChart.js';
import { TOP, useRekapPath, useReturnFocus } from './rekap/path.js';
import { rowKeys, SiteDrill } from './rekap/SiteDrill.js';

export function RekapScreen() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const competition = useAppStore((s) => s.competition);
  const detail = useCompetitionStore((s) => s.detail);
  const { ranking, load } = useRankingStore();
  const [path, go] = useRekapPath();
  useReturnFocus(path);

  useEffect(() => {
    if (competition) void load(competition);
  }, [competition, load]);

  const current = ranking && ranking.competition === competition ? ranking : null;
  const p = current?.precision ?? 2;
  const aspects = detail?.instrument.aspects ?? [];
  const regency = new Map(detail?.sites.map((s) => [s.code, s.regency ?? '']) ?? []);

  const names = { phases: detail?.instrument.phases ?? [], aspects };
  const explained = new Map(
    current ? explainPlaces(current, names).map((e, i) => [current.ranking[i]!.site, e ? explanationText(lang, e) : '']) : [],
  );
  const decided = (r: RankedSite): string => explained.get(r.site) ?? '';
  const tieBreakText = current ? explanationText(lang, explainTieBreak(current.tieBreak, names)) : '';

  const groups = current
    ? current.rankBy === 'category'
      ? [...new Set(current.ranking.map((r) => r.category))].map((c) => ({
          category: c,
          rows: current.ranking.filter((r) => r.category === c),
        }))
      : [{ category: null as string | null, rows: current.ranking }]
    : [];

  return (
    <div className="screen">
      <h1>{t('rekap.heading')}</h1>
      <NeedsCompetition>
        {current && competition && path.site ? (
          <SiteDrill competition={competition} path={path} go={go} place={explained.get(path.site) ?? ''} />
        ) : current ? (
          <>
            <ExportXlsx competition={current.competition} />
            <div className={current.complete && current.finalised ? 'notice notice-ok' : 'notice notice-warn'} role="status">
              {current.complete ? t('rekap.complete') : t('rekap.notComplete')}{' '}
              {current.finalised ? t('rekap.finalised') : t('rekap.notFinalised')}
            </div>
            {groups.map((g) => (
              <Section
                key={g.category ?? '-'}
                title={g.category ? t('rekap.category', { category: g.category }) : (detail?.info.name ?? '')}
              >
                <div className="table-scroll">
                  <table className="data ranking" onKeyDown={rowKeys}>
                    <thead>
                      <tr>
                        <th scope="col">{t('rekap.rank')}</th>
                        <th scope="col">{t('rekap.code')}</th>
                        <th scope="col">{t('rekap.site')}</th>
                        {aspects.map((a) => (
                          <th key={a.code} scope="col" className="num" title={a.name}>
                            {a.code}
                          </th>
                        ))}
                        <th scope="col" className="num">
                          {t('rekap.total')}
                        </th>
                        <th scope="col">{t('rekap.label')}</th>
                        <th scope="col">{t('rekap.decidedBy')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.rows.map((r) => (
                        <tr
                          key={r.site}
                          className={r.label ? 'awarded openable' : 'openable'}
                          data-site={r.site}
                          onClick={() => go({ ...TOP, site: r.site })}
                        >
                          <td className="rank">
                            {r.rank}
                            {r.tied ? '=' : ''}
                          </td>
                          <td>
                            <button
                              type="button"
                              className="row-open"
                              data-row-open={r.site}
                              aria-label={t('drill.open', { site: r.site, name: r.name })}
                              onClick={(e) => (e.stopPropagation(), go({ ...TOP, site: r.site }))}
                            >
                              {r.site}
                            </button>
                          </td>
                          <td>
                            {r.name}
                            <div className="muted small">{regency.get(r.site)}</div>
                          </td>
                          {aspects.map((a) => (
                            <td key={a.code} className="num">
                              {formatNumber(r.aspects[a.code] ?? 0, p, lang)}
                            </td>
                          ))}
                          <td className="num total">{formatNumber(r.total, p, lang)}</td>
                          <td>
                            {r.label ? <span className="award">{r.label}</span> : null}
                            {!r.complete ? (
                              <span className="muted small">
                                {t('rekap.incomplete')} ({t('rekap.scored', { scored: r.scored, expected: r.expected })})
                              </span>
                            ) : null}
                          </td>
                          <td>{decided(r)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Section>
            ))}
            <p className="muted small">
              {t('rekap.method', {
                aggregation: t(`agg.${current.aggregation}`),
                normalise: t(`norm.${current.normalise}`),
                precision: current.precision,
                tieBreak: tieBreakText,
              })}
            </p>
            <p className="muted small">{t('drill.openHint')}</p>
            <ul className="legend muted small">
              {aspects.map((a) => (
                <li key={a.code}>
                  <b>{a.code}</b> {a.name}
                </li>
              ))}
            </ul>
            {detail ? (
              <details className="card rekap-chart" open>
                <summary>{t('chart.section')}</summary>
                <AspectChart ranking={current.ranking} instrument={detail.instrument} precision={p} />
              </details>
            ) : null}
          </>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </NeedsCompetition>
    </div>
  );
}
