/**
 * Pleno: the plenary meeting as the secretariat runs it on the projector (contract.md section 6). The result's
 * stage (Draf → Pleno → Dikunci → Ditandatangani) with its revision; opening the meeting; the ties the rules leave,
 * each with a form to order its sites and the jury's reason; the decisions (applied or void); what still blocks
 * locking; locking with a confirmation; reopening with a reason; the history. Beside it, the analysis of the
 * jurors' scores (agreement, sensitivity, other views, the heatmap), never the competition's rule.
 */
import { useEffect, useState } from 'react';
import { isFrozen } from '../../../../shared/domain/pleno.js';
import { NeedsCompetition, useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { usePlenoStore } from '../../stores/pleno.js';
import { AnalysisPanels } from './AnalysisPanels.js';
import { Decisions, History, OfficialPlaces } from './Record.js';
import { LockPanel, OpenPanel, Steps } from './Steps.js';
import { TieForm } from './TieForm.js';
import '../../styles/pleno.css';

export function PlenoScreen() {
  const t = useT();
  return (
    <div className="screen pleno">
      <h1>{t('pleno.heading')}</h1>
      <NeedsCompetition>
        <PlenoArea />
      </NeedsCompetition>
    </div>
  );
}

function PlenoArea() {
  const t = useT();
  const competition = useAppStore((s) => s.competition);
  const detail = useCompetitionStore((s) => s.detail);
  const { view, load } = usePlenoStore();
  const [tab, setTab] = useState<'decide' | 'analysis'>('decide');
  // Deciding, locking and reopening are the secretariat's: shown only in its session, asked for its PIN otherwise.
  const secretariat = useSecretariatSession(competition ?? '');

  useEffect(() => {
    if (competition) void load(competition);
  }, [competition, load]);

  const current = view && view.competition === competition ? view : null;
  if (!current || !detail || detail.info.code !== competition) return <p>{t('common.loading')}</p>;
  const frozen = isFrozen(current.state);

  return (
    <>
      <Steps view={current} />
      <div role="tablist" aria-label={t('pleno.sections')} className="subtabs">
        {(['decide', 'analysis'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`pleno-tab-${id}`}
            aria-controls={`pleno-panel-${id}`}
            aria-selected={tab === id}
            className={tab === id ? 'subtab active' : 'subtab'}
            onClick={() => setTab(id)}
          >
            {t(id === 'decide' ? 'pleno.tab.decide' : 'pleno.tab.analysis')}
          </button>
        ))}
      </div>
      {tab === 'decide' ? (
        <div role="tabpanel" id="pleno-panel-decide" aria-labelledby="pleno-tab-decide">
          {current.state === 'draft' ? <OpenPanel /> : null}
          <SecretariatCard
            competition={current.competition}
            session={secretariat}
            title={t('roles.plenoTitle')}
            ask={t('roles.plenoAsk')}
            openText={t('roles.plenoOpen')}
          />
          {/* Locked: the locked result first. The ties to decide only while there are some (else locking says so). */}
          {frozen && secretariat.open ? <LockPanel view={current} /> : null}
          {current.ties.length > 0 && secretariat.open ? <TiesSection /> : null}
          <OfficialPlaces />
          <Decisions view={current} />
          {!frozen && secretariat.open ? <LockPanel view={current} /> : null}
          <History view={current} />
        </div>
      ) : (
        <div role="tabpanel" id="pleno-panel-analysis" aria-labelledby="pleno-tab-analysis">
          <AnalysisPanels competition={current.competition} />
        </div>
      )}
    </>
  );
}

function TiesSection() {
  const t = useT();
  const view = usePlenoStore((s) => s.view)!;
  return (
    <section className="card" aria-labelledby="pleno-ties-title">
      <div className="card-head">
        <h2 id="pleno-ties-title">{t('pleno.ties')}</h2>
      </div>
      {view.ties.map((tie) => (
        <TieForm key={`${tie.category ?? '-'}:${tie.rank}:${tie.sites.join(',')}`} tie={tie} state={view.state} />
      ))}
    </section>
  );
}
