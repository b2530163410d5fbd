/**
 * Penilaian: the juror on a site visit (choose yourself, see your sites and progress, score a site, finalise it),
 * and the secretariat typing up paper sheets in a grid.
 */
import { useEffect, useState } from 'react';
import { NeedsCompetition, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { useCompetitionStore } from '../stores/competitions.js';
import { useScoringStore } from '../stores/scoring.js';
import { GridEntry } from './penilaian/GridEntry.js';
import { JurorPicker } from './penilaian/JurorPicker.js';
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
  const competition = useAppStore((s) => s.competition);
  const { session, loadSession, leave } = useScoringStore();
  const [mode, setMode] = useState<'juri' | 'ketik'>('juri');

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  const inSession = session && session.competition === competition;
  return (
    <div className="screen">
      <h1>{t('penilaian.heading')}</h1>
      <NeedsCompetition>
        {detail ? (
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
              <GridEntry detail={detail} />
            ) : !inSession ? (
              <JurorPicker detail={detail} />
            ) : (
              <>
                <div className="session-bar">
                  <span>{t('scoring.signedInAs', { name: session.name, code: session.juror })}</span>
                  <button type="button" className="link" onClick={() => void leave()}>
                    {t('scoring.switchJuror')}
                  </button>
                </div>
                <div className="scoring-layout">
                  <SiteList />
                  <div className="sheet">
                    <SheetView detail={detail} />
                  </div>
                </div>
              </>
            )}
          </>
        ) : null}
      </NeedsCompetition>
    </div>
  );
}
