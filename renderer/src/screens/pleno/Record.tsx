/**
 * What the plenary has on record: the awarded places as they stand (with what decided each), the jury's decisions
 * (in force, or void when their sites no longer tie), and the history of the meeting's steps.
 */
import type { PlenoEvent, PlenoView } from '../../../../shared/contract/pleno.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { explainPlace, explanationText } from '../../../../shared/domain/explain.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { useT } from '../../components/common.js';
import type { UiKey } from '../../i18n.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { usePlenoStore } from '../../stores/pleno.js';

export function OfficialPlaces() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const detail = useCompetitionStore((s) => s.detail);
  const ranking = usePlenoStore((s) => s.ranking);
  if (!ranking || !detail || ranking.competition !== detail.info.code) return null;
  const names = { phases: detail.instrument.phases, aspects: detail.instrument.aspects };
  const labelled = detail.rules.labels.length;
  // The awarded places, and any site sharing the last awarded rank.
  const rows = ranking.ranking.filter((r) => r.rank <= labelled);
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="pleno-official-title">
      <div className="card-head">
        <h2 id="pleno-official-title">{t('pleno.official')}</h2>
      </div>
      <p className="muted small">
        {t(ranking.state === 'locked' || ranking.state === 'signed' ? 'pleno.officialLocked' : 'pleno.officialHint')}
      </p>
      <div className="table-scroll">
        <table className="data ranking official-places">
          <thead>
            <tr>
              <th scope="col">{t('rekap.rank')}</th>
              <th scope="col">{t('rekap.code')}</th>
              <th scope="col">{t('rekap.site')}</th>
              <th scope="col" className="num">
                {t('rekap.total')}
              </th>
              <th scope="col">{t('rekap.label')}</th>
              <th scope="col">{t('rekap.decidedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              // rows are the first places of the ranking, so the site before is the row before.
              const explained = explainPlace(r, rows[i - 1] ?? null, ranking.precision, names);
              return (
                <tr key={r.site} data-site={r.site} className={r.label ? 'awarded' : ''}>
                  <td className="rank">
                    {r.rank}
                    {r.tied ? '=' : ''}
                  </td>
                  <td>{r.site}</td>
                  <td>{r.name}</td>
                  <td className="num total">{formatNumber(r.total, ranking.precision, lang)}</td>
                  <td>{r.label ? <span className="award">{r.label}</span> : null}</td>
                  <td className="decided">{explained ? explanationText(lang, explained) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Decisions({ view }: { view: PlenoView }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <section className="card" aria-labelledby="pleno-decisions-title">
      <div className="card-head">
        <h2 id="pleno-decisions-title">{t('pleno.decisions')}</h2>
      </div>
      {view.decisions.length === 0 ? (
        <p className="muted">{t('pleno.noDecisions')}</p>
      ) : (
        <ul className="decisions">
          {view.decisions.map((d) => (
            <li key={d.id} className={d.status === 'void' ? 'decision void' : 'decision'} data-decision={d.id}>
              <div className="decision-head">
                <b className="decision-order">{d.order.join(' > ')}</b>
                <span className={d.status === 'void' ? 'status-badge void' : 'status-badge applied'}>
                  {d.status === 'void' ? t('pleno.decisionVoid') : t('pleno.decisionApplied', { rank: d.rank ?? '' })}
                </span>
              </div>
              <p className="decision-reason">“{d.reason}”</p>
              {d.status === 'void' ? <p className="small">{t('pleno.decisionVoidHint')}</p> : null}
              <p className="muted small">{t('pleno.decisionMeta', { at: formatDateTime(new Date(d.at), lang), revision: d.revision })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EVENTS: Record<PlenoEvent['kind'], UiKey> = {
  'pleno.open': 'pleno.event.pleno.open',
  'pleno.decide': 'pleno.event.pleno.decide',
  'pleno.lock': 'pleno.event.pleno.lock',
  'pleno.reopen': 'pleno.event.pleno.reopen',
  'pleno.sign': 'pleno.event.pleno.sign',
};

export function History({ view }: { view: PlenoView }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <section className="card" aria-labelledby="pleno-history-title">
      <div className="card-head">
        <h2 id="pleno-history-title">{t('pleno.history')}</h2>
      </div>
      {view.history.length === 0 ? (
        <p className="muted">{t('pleno.noHistory')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data pleno-history">
            <thead>
              <tr>
                <th scope="col">{t('pleno.when')}</th>
                <th scope="col">{t('pleno.what')}</th>
                <th scope="col">{t('pleno.revision', { revision: '' }).trim()}</th>
                <th scope="col">{t('pleno.who')}</th>
                <th scope="col">{t('pleno.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {[...view.history].reverse().map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{formatDateTime(new Date(e.at), lang)}</td>
                  <td>{t(EVENTS[e.kind])}</td>
                  <td className="num">{e.revision}</td>
                  <td>{e.actor}</td>
                  <td>
                    {e.kind === 'pleno.lock' && e.detail ? t('pleno.snapshotShort', { hash: e.detail.slice(0, 16) }) : e.detail}
                    {e.reason ? <div>“{e.reason}”</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
