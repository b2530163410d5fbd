/**
 * The analysis the jury reads in the plenary (channels `analysis.*`, read-only): agreement between jurors with a
 * plain reading beside each figure, each juror's leniency, outlier scores each linking to the sheet it came from,
 * the heatmap, the ranking without each juror in turn, and other ways of counting, each marked as not the
 * competition's rule. When the core has no analysis channel, each panel says so plainly.
 */
import { useEffect, type ReactNode } from 'react';
import type { Agreement, Sensitivity, Views } from '../../../../shared/contract/analysis.js';
import { agreementReading, leniencyReading, readingText, sensitivityReading } from '../../../../shared/domain/analysis-reading.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { useT } from '../../components/common.js';
import type { UiKey } from '../../i18n.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { usePlenoStore, type AnalysisState } from '../../stores/pleno.js';
import { useScoringStore } from '../../stores/scoring.js';
import { Heatmap } from './Heatmap.js';
import { points } from '../../../../shared/domain/deviation-bands.js';

export function AnalysisPanels({ competition }: { competition: string }) {
  const { agreement, sensitivity, views, loadAnalysis } = usePlenoStore();
  // Asked again each time the tab is shown: the scores may have changed meanwhile.
  useEffect(() => {
    void loadAnalysis(competition);
  }, [competition, loadAnalysis]);
  if (agreement.status === 'unavailable' && sensitivity.status === 'unavailable' && views.status === 'unavailable') return <Unavailable />;
  return (
    <>
      <Panel id="agreement" titleKey="analysis.agreement" state={agreement}>
        {(value) => <AgreementPanel agreement={value} />}
      </Panel>
      <Panel id="heatmap" titleKey="analysis.heatmap" state={agreement}>
        {(value) => <HeatmapPanel agreement={value} />}
      </Panel>
      <Panel id="sensitivity" titleKey="analysis.sensitivity" state={sensitivity}>
        {(value) => <SensitivityPanel sensitivity={value} />}
      </Panel>
      <Panel id="views" titleKey="analysis.views" state={views} notRule>
        {(value) => <ViewsPanel views={value} />}
      </Panel>
    </>
  );
}

/** The core has no analysis channel: one notice for the four panels. */
function Unavailable() {
  const t = useT();
  return (
    <section className="card analysis" aria-labelledby="analysis-unavailable" data-panel="unavailable">
      <div className="card-head">
        <h2 id="analysis-unavailable">{t('pleno.tab.analysis')}</h2>
      </div>
      <p className="notice notice-warn unavailable">{t('analysis.unavailable')}</p>
      <p className="muted small">{t('analysis.unavailableList')}</p>
    </section>
  );
}

function Panel<C extends 'analysis.agreement' | 'analysis.sensitivity' | 'analysis.views'>(props: {
  id: string;
  titleKey: 'analysis.agreement' | 'analysis.heatmap' | 'analysis.sensitivity' | 'analysis.views';
  state: AnalysisState<C>;
  notRule?: boolean;
  children: (value: Extract<AnalysisState<C>, { status: 'ready' }>['value']) => ReactNode;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { state } = props;
  return (
    <section className="card analysis" aria-labelledby={`analysis-${props.id}`} data-panel={props.id}>
      <div className="card-head">
        <h2 id={`analysis-${props.id}`}>
          {t(props.titleKey)}
          {props.notRule ? <span className="not-rule">{t('analysis.notRule')}</span> : null}
        </h2>
      </div>
      {state.status === 'loading' ? (
        <p className="muted">{t('analysis.loading')}</p>
      ) : state.status === 'unavailable' ? (
        <p className="notice notice-warn unavailable">{t('analysis.unavailable')}</p>
      ) : state.status === 'error' ? (
        <p className="form-error" role="alert">
          {describeError(state.error, lang)}
        </p>
      ) : (
        props.children(state.value as Extract<AnalysisState<C>, { status: 'ready' }>['value'])
      )}
    </section>
  );
}

function useNames() {
  const detail = useCompetitionStore((s) => s.detail);
  const sites = new Map(detail?.sites.map((s) => [s.code, s.name]) ?? []);
  const jurors = new Map(detail?.jurors.map((j) => [j.code, j.name]) ?? []);
  const aspects = new Map(detail?.instrument.aspects.map((a) => [a.code, a.name]) ?? []);
  const indicators = new Map(detail?.instrument.aspects.flatMap((a) => a.indicators.map((i) => [i.code, i.name] as const)) ?? []);
  return { detail, sites, jurors, aspects, indicators };
}

/** Opens a juror's score sheet for a site on the Penilaian screen, at the indicator (as that juror; a PIN is asked). */
async function openSheet(juror: string, site: string, indicator: string): Promise<void> {
  const scoring = useScoringStore.getState();
  if (scoring.session && scoring.session.juror !== juror) await scoring.leave();
  const app = useAppStore.getState();
  app.remember({ mode: 'juri', juror, site, indicator });
  app.setScreen('penilaian');
}

/** A score as the juror gave it: whole numbers without decimals, else up to 2. */
const decimals = (x: number): number => (Number.isInteger(x) ? 0 : Number.isInteger(x * 10) ? 1 : 2);

function AgreementPanel({ agreement }: { agreement: Agreement }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const names = useNames();
  const order = names.detail?.instrument.aspects.map((a) => a.code) ?? Object.keys(agreement.aspects);
  const aspects = order.filter((code) => agreement.aspects[code]);
  const jurors = (names.detail?.jurors.map((j) => j.code) ?? Object.keys(agreement.jurors)).filter((j) => agreement.jurors[j]);
  return (
    <>
      <p className="muted small">
        {t('analysis.agreementHint')} {t('analysis.scaleHint')}
      </p>
      <div className="table-scroll">
        <table className="data agreement-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.aspect')}</th>
              <th scope="col">{t('analysis.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {aspects.map((code) => {
              const a = agreement.aspects[code]!;
              const reading = agreementReading(a);
              return (
                <tr key={code} data-aspect={code}>
                  <th scope="row">
                    <b>{code}</b> {names.aspects.get(code)}
                  </th>
                  <td className={`reading ${reading.key.replace('analysis.w.', 'reading-')}`}>{readingText(lang, reading)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t('analysis.leniency')}</h3>
      <p className="muted small">{t('analysis.leniencyHint')}</p>
      <div className="table-scroll">
        <table className="data leniency-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.juror')}</th>
              <th scope="col" className="num">
                {t('analysis.difference')}
              </th>
              <th scope="col">{t('analysis.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {jurors.map((code) => {
              const j = agreement.jurors[code]!;
              const sentence = leniencyReading(code, j);
              return (
                <tr key={code} data-juror={code}>
                  <th scope="row">
                    <b>{code}</b> {names.jurors.get(code)}
                  </th>
                  <td className="num">{j.leniency === null ? t('analysis.noValue') : points(j.leniency, lang)}</td>
                  <td>{readingText(lang, sentence)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t('analysis.outliers')}</h3>
      {agreement.outliers.length === 0 ? (
        <p className="muted">{t('analysis.noOutliers')}</p>
      ) : (
        <>
          <p className="muted small">{t('analysis.outliersHint')}</p>
          <div className="table-scroll outliers-scroll">
            <table className="data outliers-table">
              <thead>
                <tr>
                  <th scope="col">{t('analysis.site')}</th>
                  <th scope="col">{t('analysis.juror')}</th>
                  <th scope="col">{t('analysis.indicator')}</th>
                  <th scope="col" className="num">
                    {t('analysis.score')}
                  </th>
                  <th scope="col" className="num">
                    {t('analysis.median')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('penilaian.heading')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {agreement.outliers.map((o) => (
                  <tr key={`${o.site}-${o.juror}-${o.indicator}`} data-outlier={`${o.juror}:${o.site}:${o.indicator}`}>
                    <td>
                      <b>{o.site}</b> {names.sites.get(o.site)}
                    </td>
                    <td>{o.juror}</td>
                    <td>
                      <b>{o.indicator}</b> {names.indicators.get(o.indicator)}
                    </td>
                    <td className="num">{formatNumber(o.score, decimals(o.score), lang)}</td>
                    <td className="num">{formatNumber(o.median, decimals(o.median), lang)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => void openSheet(o.juror, o.site, o.indicator)}>
                        {t('analysis.openSheet', { juror: o.juror, site: o.site })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function HeatmapPanel({ agreement }: { agreement: Agreement }) {
  const names = useNames();
  const jurors = (names.detail?.jurors.map((j) => j.code) ?? []).filter((j) => agreement.deviations.some((d) => d.juror === j));
  const sites = (names.detail?.sites.map((s) => s.code) ?? []).filter((s) => agreement.deviations.some((d) => d.site === s));
  return <Heatmap cells={agreement.deviations} jurors={jurors} sites={sites} />;
}

function SensitivityPanel({ sensitivity }: { sensitivity: Sensitivity }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const names = useNames();
  const ranking = usePlenoStore((s) => s.ranking);
  const first = names.detail?.rules.labels[0] ?? null;
  const winners = first ? (ranking?.ranking.filter((r) => r.label === first).map((r) => r.site) ?? []) : [];
  const jurors = (names.detail?.jurors.map((j) => j.code) ?? Object.keys(sensitivity.jurors)).filter((j) => sensitivity.jurors[j]);
  return (
    <>
      <p className="muted small">{t('analysis.sensitivityHint')}</p>
      <ul className="sensitivity">
        {jurors.map((juror) => {
          const { changes } = sensitivity.jurors[juror]!;
          const staying = winners.filter((site) => !changes.some((c) => c.site === site));
          return (
            <li key={juror} data-juror={juror} className={changes.length > 0 ? 'changes' : 'stable'}>
              <h3>
                {juror} <span className="muted small">{names.jurors.get(juror)}</span>
              </h3>
              {changes.length === 0 ? (
                <p>
                  {winners.length > 0
                    ? t('analysis.staysAll', { juror, sites: winners.join(', '), label: first ?? '' })
                    : readingText(lang, sensitivityReading(juror, changes, lang))}
                </p>
              ) : (
                <>
                  {staying.map((site) => (
                    <p key={site}>{t('analysis.stays', { juror, site, label: first ?? '' })}</p>
                  ))}
                  <p className="sensitivity-changes">{readingText(lang, sensitivityReading(juror, changes, lang))}</p>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

const VIEW_NAMES: Record<Views['views'][number]['method'], UiKey> = {
  mean: 'analysis.view.mean',
  'trimmed-mean': 'analysis.view.trimmed-mean',
  median: 'analysis.view.median',
  'juror-normalised': 'analysis.view.juror-normalised',
};

function ViewsPanel({ views }: { views: Views }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const names = useNames();
  const ranking = usePlenoStore((s) => s.ranking);
  if (!ranking) return null;
  const rankIn = views.views.map((v) => new Map(v.ranking.map((r) => [r.site, r])));
  const official = t(`agg.${views.official}`);
  return (
    <>
      <p className="muted small">{t('analysis.viewsHint', { official })}</p>
      <div className="table-scroll">
        <table className="data views-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.site')}</th>
              <th scope="col" className="num official-col">
                {t('analysis.officialCol', { method: official })}
              </th>
              {views.views.map((v) => (
                <th key={v.method} scope="col" className="num">
                  {t(VIEW_NAMES[v.method])}
                  <span className="not-rule small">{t('analysis.notRule')}</span>
                  {!v.available ? <span className="muted small view-unavailable">{t('analysis.viewUnavailable')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranking.ranking.map((r) => (
              <tr key={r.site} data-site={r.site}>
                <th scope="row">
                  <b>{r.site}</b> {names.sites.get(r.site)}
                </th>
                <td className="num official-col">
                  {r.rank}
                  {r.tied ? '=' : ''} · {formatNumber(r.total, ranking.precision, lang)}
                </td>
                {views.views.map((v, i) => {
                  if (!v.available)
                    return (
                      <td key={v.method} className="num muted">
                        {t('analysis.noValue')}
                      </td>
                    );
                  const other = rankIn[i]!.get(r.site);
                  const moved = other ? other.rank - r.rank : 0;
                  return (
                    <td key={v.method} className={moved === 0 ? 'num' : moved < 0 ? 'num moved up' : 'num moved down'}>
                      {other
                        ? `${other.rank}${other.tied ? '=' : ''} · ${formatNumber(other.total, ranking.precision, lang)}`
                        : t('analysis.noValue')}
                      {moved !== 0 ? <span className="moved-mark">{moved < 0 ? ` ▲${-moved}` : ` ▼${moved}`}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
