/**
 * One package received: checking, then its plan (who, from which laptop, when, the counts, the cells, conflicts side
 * by side, the fingerprint check for a juror's first laptop) and "Terapkan"; or why it was refused, next to it; or,
 * for a package from a juror's new laptop, "Terima laptop baru" once the fingerprint is compared (the secretariat's
 * task: its PIN is asked in the card).
 */
import { useState } from 'react';
import type { ImportPlan } from '../../../../shared/contract/exchange.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { useT } from '../../components/common.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import { useAppStore } from '../../stores/app.js';
import { useExchangeStore, type Received } from '../../stores/exchange.js';
import { SideBySide, SideValue, type Namer } from './CellSides.js';
import { visibleCells } from '../../../../shared/domain/fingerprint.js';

const COUNTS = ['new', 'changed', 'unchanged', 'conflicts', 'photos', 'sheets'] as const;

export function ReceivedCard(props: { item: Received; namer: Namer }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { item } = props;
  const dismiss = useExchangeStore((s) => s.dismiss);
  const plan = item.plan;
  const title = plan ? `${t(`paket.kind.${plan.kind}`)} · ${item.name}` : item.name;
  return (
    <article
      className={`received card received-${item.state === 'refused' && item.error?.key === 'exchange.untrustedKey' ? 'held' : item.state}`}
      aria-label={item.name}
      data-file={item.name}
    >
      <div className="card-head">
        <h3>{title}</h3>
        {item.state === 'checking' || item.state === 'applying' ? (
          <span className="badge busy" role="status">
            {item.state === 'checking' ? t('paket.checking') : t('paket.applying')}
          </span>
        ) : (
          <button type="button" className="link" onClick={() => dismiss(item.id)}>
            {t('paket.dismiss')}
          </button>
        )}
      </div>
      {item.state === 'refused' && item.error ? <Refusal item={item} /> : null}
      {plan ? <PlanView item={item} plan={plan} namer={props.namer} lang={lang} /> : null}
    </article>
  );
}

function Refusal({ item }: { item: Received }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const error = item.error!;
  const held = error.key === 'exchange.untrustedKey' && typeof error.params.fingerprint === 'string';
  return (
    <div className={held ? 'refusal held' : 'refusal'}>
      <p className={held ? 'notice notice-warn' : 'notice notice-error'} role="alert">
        <span>
          <strong>{held ? t('paket.held') : t('paket.refused')}:</strong> {describeError(error, lang)}
        </span>
      </p>
      {held ? (
        <AcceptLaptop item={item} fingerprint={String(error.params.fingerprint)} competition={String(error.params.competition)} />
      ) : null}
    </div>
  );
}

/**
 * A package held for a juror's new laptop: the fingerprint to compare, then "Terima laptop baru", which is the
 * secretariat's (its PIN asked here when its session is not open).
 */
function AcceptLaptop(props: { item: Received; fingerprint: string; competition: string }) {
  const t = useT();
  const acceptNewLaptop = useExchangeStore((s) => s.acceptNewLaptop);
  const session = useSecretariatSession(props.competition, props.item.state);
  const [checked, setChecked] = useState(false);
  return (
    <div className="accept-laptop">
      <Fingerprint label={t('paket.newLaptopFingerprint')} value={props.fingerprint} />
      <p className="muted">{t('paket.acceptHint')}</p>
      <SecretariatCard
        inline
        competition={props.competition}
        session={session}
        title={t('roles.pin')}
        ask={t('roles.laptopAsk')}
        openText={t('roles.laptopOpen')}
      />
      <label className="inline check-line">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
        {t('paket.confirmNewLaptop')}
      </label>
      <button
        type="button"
        className="secondary"
        disabled={!checked || !session.open}
        onClick={() => void acceptNewLaptop(props.item.id, props.fingerprint)}
      >
        {t('paket.acceptNew')}
      </button>
    </div>
  );
}

function PlanView(props: { item: Received; plan: ImportPlan; namer: Namer; lang: 'id' | 'en' }) {
  const t = useT();
  const { item, plan, namer, lang } = props;
  const apply = useExchangeStore((s) => s.apply);
  const [all, setAll] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const applied = item.state === 'applied';
  const first = plan.kind === 'scores' && plan.device.trust === 'first' && !applied;
  const cells = visibleCells(plan.cells, all);
  const conflicts = plan.cells.filter((c) => c.status === 'conflict');
  const nothing = plan.action === 'unchanged';
  return (
    <div className="plan">
      <div className="plan-head">
        <div className="plan-who">
          {plan.juror ? <p className="plan-juror">{t('paket.fromJuror', { code: plan.juror.code, name: plan.juror.name })}</p> : null}
          <p>{t('paket.competition', { code: plan.competition.code, name: plan.competition.name })}</p>
          <p className="muted">{t('paket.made', { when: formatDateTime(new Date(plan.created), lang) })}</p>
        </div>
        <Fingerprint label={t(plan.kind === 'setup' ? 'paket.fromSecretariat' : 'paket.fromLaptop')} value={plan.device.fingerprint} />
      </div>
      {plan.kind === 'setup' ? (
        <p>
          {t(`paket.action.${plan.action}`)} {plan.setup ? t('paket.setupCounts', plan.setup) : null}
        </p>
      ) : (
        <>
          <ul className="counts" aria-label={t('paket.counts')}>
            {COUNTS.map((key) => (
              <li key={key} data-count={key} className={key === 'conflicts' && plan.counts.conflicts > 0 ? 'has-conflicts' : undefined}>
                <strong>{plan.counts[key]}</strong> {t(`paket.count.${key}`)}
              </li>
            ))}
          </ul>
          {plan.entries ? (
            <p className="muted small">
              {t('paket.history', { from: plan.entries.from, to: plan.entries.to, fresh: plan.entries.new, known: plan.entries.known })}
            </p>
          ) : null}
          {plan.cells.length > 0 ? (
            <details className="plan-cells" open={!applied && plan.cells.length <= 30}>
              <summary>
                {t('paket.cells')} ({cells.length})
              </summary>
              {cells.length === 0 ? <p className="muted">{t('paket.noChanges')}</p> : <CellTable cells={cells} namer={namer} />}
              {plan.counts.unchanged > 0 ? (
                <button type="button" className="link" onClick={() => setAll(!all)}>
                  {all ? t('paket.showChanged') : t('paket.showAll', { count: plan.counts.unchanged })}
                </button>
              ) : null}
            </details>
          ) : null}
          {conflicts.length > 0 && !applied ? (
            <div className="plan-conflicts">
              <h4>{t('paket.conflictsInPlan')}</h4>
              {conflicts.map((c) => {
                const heading = t('conflicts.heading', {
                  juror: namer.actor(plan.juror?.code ?? null),
                  site: namer.site(c.site),
                  indicator: c.indicator,
                });
                return (
                  <div key={`${c.site}/${c.indicator}`} className="conflict" data-cell={`${c.site}/${c.indicator}`}>
                    <p className="conflict-title">{heading}</p>
                    <SideBySide local={c.local} incoming={c.incoming} namer={namer} heading={heading} />
                  </div>
                );
              })}
            </div>
          ) : null}
        </>
      )}
      {applied ? (
        <p className="notice notice-ok" role="status">
          {plan.kind === 'setup'
            ? t('paket.appliedSetup', { code: plan.competition.code })
            : plan.applied
              ? `${t('paket.appliedScores', { ...plan.counts })}${plan.counts.conflicts > 0 ? ` ${t('paket.conflictsBelow')}` : ''}`
              : t('paket.appliedNothing')}
        </p>
      ) : nothing ? (
        <p className="notice notice-ok" role="status">
          {t('paket.action.unchanged')}
        </p>
      ) : (
        <div className="plan-actions">
          {first && plan.juror ? (
            <div className="first-laptop">
              <p>{t('paket.firstLaptop', { juror: plan.juror.code })}</p>
              <label className="inline check-line">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                {t('paket.confirmFingerprint')}
              </label>
            </div>
          ) : null}
          {item.acceptKey ? <p className="notice notice-warn">{t('paket.accepted')}</p> : null}
          <button
            type="button"
            className="primary"
            disabled={item.state === 'applying' || (first && !confirmed)}
            onClick={() => void apply(item.id)}
          >
            {item.state === 'applying' ? t('paket.applying') : t('paket.apply')}
          </button>
        </div>
      )}
    </div>
  );
}

function CellTable(props: { cells: ImportPlan['cells']; namer: Namer }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data plan-table">
        <thead>
          <tr>
            <th scope="col">{t('paket.col.site')}</th>
            <th scope="col">{t('paket.col.indicator')}</th>
            <th scope="col">{t('paket.col.status')}</th>
            <th scope="col">{t('paket.col.here')}</th>
            <th scope="col">{t('paket.col.incoming')}</th>
          </tr>
        </thead>
        <tbody>
          {props.cells.map((c) => (
            <tr key={`${c.site}/${c.indicator}`} data-cell={`${c.site}/${c.indicator}`} className={`status-${c.status}`}>
              <td>{props.namer.site(c.site)}</td>
              <td>{c.indicator}</td>
              <td>
                <span className={`status-tag status-${c.status}`}>{t(`paket.status.${c.status}`)}</span>
              </td>
              <td>
                <SideValue side={c.local} />
              </td>
              <td>
                <SideValue side={c.incoming} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
