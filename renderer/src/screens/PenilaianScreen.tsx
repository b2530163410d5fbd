/**
 * Penilaian: the juror on a site visit (choose yourself, see your sites and progress, score a site, finalise it),
 * and the secretariat typing up paper sheets in a grid.
 */
import { useEffect } from 'react';
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { NeedsCompetition, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { useCompetitionStore } from '../stores/competitions.js';
import { useScoringStore } from '../stores/scoring.js';
import { GridEntry } from './penilaian/GridEntry.js';
import { JurorPicker } from './penilaian/JurorPicker.js';
import { LockScreen, useIdleLock, useRememberedIndicator } from './penilaian/LockScreen.js';
import { SecretariatGate } from './penilaian/SecretariatGate.js';
import { useSendScores } from './penilaian/SendScores.js';
import { SheetView } from './penilaian/SheetView.js';

function SiteList() {
  const t = useT();
  const detail = useCompetitionStore((s) => s.detail);
  const { progress, site, openSite } = useScoringStore();
  if (!detail) return null;
  return (
    <nav className="site-list" aria-label={t('penilaian.sites')}>
      <h2>{t('scoring.yourSites')}</h2>
      <ul>
        {detail.sites.map((s) => {
          const p = progress.find((x) => x.site === s.code);
          return (
            <li key={s.code}>
              <button
                type="button"
                className={s.code === site ? 'site active' : 'site'}
                aria-current={s.code === site ? 'true' : undefined}
                disabled={p?.recused}
                onClick={() => void openSite(s.code)}
              >
                <span className="site-name">
                  {s.name} {p?.finalised ? <span className="badge small">{t('scoring.final')}</span> : null}
                </span>
                <span className="muted small">{s.regency ?? s.code}</span>
                <span className="small progress-text">
                  {p?.recused ? t('penilaian.recused') : p ? t('penilaian.progress', { scored: p.scored, total: p.total }) : '…'}
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
  );
}

export function PenilaianScreen() {
  const t = useT();
  const detail = useCompetitionStore((s) => s.detail);
  return (
    <div className="screen">
      <h1>{t('penilaian.heading')}</h1>
      <NeedsCompetition>{detail ? <ScoringArea detail={detail} /> : null}</NeedsCompetition>
    </div>
  );
}

function ScoringArea({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const competition = detail.info.code;
  // Only the mode: the indicator in focus changes often and must not re-render the sheet.
  const mode = useAppStore((s) => (s.place?.competition === competition ? s.place.mode : 'juri'));
  const remember = useAppStore((s) => s.remember);
  const session = useScoringStore((s) => s.session);
  const loadSession = useScoringStore((s) => s.loadSession);
  const lockReason = useScoringStore((s) => s.lockReason);
  const setMode = (next: 'juri' | 'ketik') => remember({ mode: next });

  useEffect(() => {
    // Back where the person was: the open session (after a reload), or the juror remembered on this laptop when the
    // core no longer holds a session (after a restart): their PIN is asked again, or, without a PIN, they are in.
    void loadSession().then(async () => {
      const { session: now, showLocked, enter } = useScoringStore.getState();
      const remembered = useAppStore.getState().place;
      if (now || !remembered || remembered.competition !== competition || !remembered.juror) return;
      const juror = detail.jurors.find((j) => j.code === remembered.juror);
      if (!juror) return;
      if (detail.pins.includes(juror.code)) showLocked({ competition, juror: juror.code, name: juror.name, locked: true });
      else await enter(competition, juror.code);
    });
    // Only when the competition changes: the rest of `detail` (a PIN set meanwhile) does not reopen anything.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [competition, loadSession]);

  useIdleLock(detail, session);
  useRememberedIndicator();

  const inSession = session && session.competition === competition;
  return (
    <>
      <div role="tablist" aria-label={t('scoring.modes')} className="subtabs">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'juri'}
          className={mode === 'juri' ? 'subtab active' : 'subtab'}
          onClick={() => setMode('juri')}
        >
          {t('scoring.modeJuror')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'ketik'}
          className={mode === 'ketik' ? 'subtab active' : 'subtab'}
          onClick={() => setMode('ketik')}
        >
          {t('scoring.modeEntry')}
        </button>
      </div>
      {mode === 'ketik' ? (
        <SecretariatGate competition={competition}>
          <GridEntry detail={detail} />
        </SecretariatGate>
      ) : !inSession ? (
        <JurorPicker detail={detail} />
      ) : session.locked ? (
        <LockScreen detail={detail} session={session} restarted={lockReason === 'restart'} />
      ) : (
        <>
          <SessionBar competition={competition} juror={session.juror} name={session.name} hasPin={detail.pins.includes(session.juror)} />
          <div className="scoring-layout">
            <SiteList />
            <div className="sheet">
              <SheetView detail={detail} />
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** Who is scoring, their "Kirim nilai", locking and switching; under it, what the last package sent holds. */
function SessionBar(props: { competition: string; juror: string; name: string; hasPin: boolean }) {
  const t = useT();
  const leave = useScoringStore((s) => s.leave);
  const lock = useScoringStore((s) => s.lock);
  const send = useSendScores(props);
  return (
    <>
      <div className="session-bar">
        <span className="session-who">{t('scoring.signedInAs', { name: props.name, code: props.juror })}</span>
        <span className="session-actions">
          {props.hasPin ? (
            <button type="button" className="link" onClick={() => void lock()} title={t('lock.nowHint')}>
              {t('lock.now')}
            </button>
          ) : null}
          <button type="button" className="link" onClick={() => void leave()}>
            {t('scoring.switchJuror')}
          </button>
          {send.button}
        </span>
      </div>
      {send.panel}
    </>
  );
}
