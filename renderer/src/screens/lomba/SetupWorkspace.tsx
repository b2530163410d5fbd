/**
 * The setup of the open competition, in five tabs: Identitas, Aturan, Lokus, Juri, Instrumen. Identity, rules,
 * sites and jurors share one draft and one save; the instrument has its own save (it may become a new version).
 * Every change is checked live with the same validation the core runs, and the problems are listed by place.
 * Once the competition has a secretariat PIN, saving is the secretariat's: its PIN is asked beside the save.
 */
import { useEffect, useState } from 'react';
import { coverageGaps } from '../../../../shared/domain/coverage.js';
import { call, download } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import type { UiKey } from '../../i18n.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { checkDraft, checkInstrumentDraft, useSetupStore } from '../../stores/setup.js';
import { IdentityTab } from './IdentityTab.js';
import { InstrumentTab } from './InstrumentTab.js';
import { JurorsTab } from './JurorsTab.js';
import { placeIssues } from './issues.js';
import { sectionOf, type IssueSection } from './paths.js';
import { RecoverBar } from './RecoverBar.js';
import { useLeaveStore } from '../../stores/leave.js';
import { RulesTab } from './RulesTab.js';
import { SitesTab } from './SitesTab.js';

const TABS: { id: IssueSection; key: UiKey }[] = [
  { id: 'identitas', key: 'setup.tab.identitas' },
  { id: 'aturan', key: 'setup.tab.aturan' },
  { id: 'lokus', key: 'setup.tab.lokus' },
  { id: 'juri', key: 'setup.tab.juri' },
  { id: 'instrumen', key: 'setup.tab.instrumen' },
];

export function SetupWorkspace() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const detail = useCompetitionStore((s) => s.detail);
  const { code, draft, instrument, dirty, instrumentDirty, saving, load, save, discard } = useSetupStore();
  const guardLeave = useLeaveStore((s) => s.guardLeave);
  const [tab, setTab] = useState<IssueSection>('identitas');
  // Once the competition has a secretariat PIN, saving changes is the secretariat's: asked again when the user
  // starts editing or changes tab (a PIN may have just been set in Juri).
  const secretariat = useSecretariatSession(code ?? '', `${tab}:${dirty}:${instrumentDirty}`);
  const blocked = secretariat.state?.hasPin === true && !secretariat.open;

  useEffect(() => {
    // A competition opened (or saved elsewhere) replaces the draft, unless the user is editing this one.
    const state = useSetupStore.getState();
    if (detail && (state.code !== detail.info.code || (!state.dirty && !state.instrumentDirty))) load(detail);
  }, [detail, load]);

  if (!detail || !draft || !instrument || code !== detail.info.code) return null;

  const issues = checkDraft(draft, detail.instrument).filter((i) => sectionOf(i.path) !== 'instrumen');
  const instrumentIssues = checkInstrumentDraft(instrument);
  const invalid = (path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  // Each problem beside its field; the banner holds only those that belong to no field.
  const placed = placeIssues(issues, lang, { sites: draft.sites, jurors: draft.jurors, instrument: detail.instrument });
  // The shared draft's tabs have one save bar; the instrument has its own. Crossing between them hides unsaved
  // edits, so it asks first.
  const switchTo = (next: IssueSection) => {
    if (next === tab) return;
    if (tab === 'instrumen') guardLeave(() => setTab(next), 'instrument');
    else if (next === 'instrumen') guardLeave(() => setTab(next), 'draft');
    else setTab(next);
  };
  const count = (section: IssueSection) =>
    section === 'instrumen' ? instrumentIssues.length : issues.filter((i) => sectionOf(i.path) === section).length;
  const gaps = coverageGaps({ instrument: detail.instrument, sites: draft.sites, jurors: draft.jurors });

  const exportCompetition = () => download(call('setup.export', { code: code! }), (error) => setNotice({ kind: 'error', error }));

  // Beside the save (in its sticky bar, always in view) once the competition has a secretariat PIN.
  const secretariatCard = secretariat.state?.hasPin ? (
    <div className={secretariat.open ? 'setup-secretariat-open' : 'confirm-box setup-secretariat'}>
      <SecretariatCard
        inline
        competition={code!}
        session={secretariat}
        title={t('roles.pin')}
        ask={t('roles.setupAsk')}
        openText={t('roles.setupOpen')}
      />
    </div>
  ) : null;

  async function saveSetup() {
    if (await save()) setNotice({ kind: 'ok', text: t('setup.saved', { code: code! }) });
  }

  return (
    <Section
      title={t('setup.heading', { name: detail.info.name })}
      actions={
        <button
          type="button"
          className="secondary"
          disabled={dirty || instrumentDirty}
          title={dirty ? t('setup.saveFirst') : undefined}
          onClick={() => void exportCompetition()}
        >
          {t('setup.exportCompetition')}
        </button>
      }
    >
      {detail.scoringStarted ? <p className="muted small">{t('setup.scoringStarted')}</p> : null}
      <div role="tablist" aria-label={t('setup.tabs')} className="subtabs">
        {TABS.map((x) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            className={tab === x.id ? 'subtab active' : 'subtab'}
            onClick={() => switchTo(x.id)}
          >
            {t(x.key)}
            {count(x.id) > 0 ? <span className="issue-count">{count(x.id)}</span> : null}
            {x.id === 'juri' && gaps.length > 0 ? <span className="warn-dot" aria-label={t('setup.coverageTitle')} /> : null}
          </button>
        ))}
      </div>
      <RecoverBar />
      {tab !== 'instrumen' && placed.unplaced.length > 0 ? (
        <div className="form-error" role="alert">
          {placed.unplaced.length === 1 ? (
            <p>{placed.unplaced[0]}</p>
          ) : (
            <ul>
              {placed.unplaced.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'identitas' && <IdentityTab invalid={invalid} errors={placed} />}
        {tab === 'aturan' && <RulesTab invalid={invalid} errors={placed} />}
        {tab === 'lokus' && <SitesTab invalid={invalid} errors={placed} />}
        {tab === 'juri' && <JurorsTab invalid={invalid} gaps={gaps} errors={placed} />}
        {tab === 'instrumen' && <InstrumentTab blocked={blocked} secretariat={instrumentDirty ? secretariatCard : null} />}
      </div>
      {tab !== 'instrumen' && (dirty || issues.length > 0) ? (
        <div className="save-bar" role="region" aria-label={t('setup.saveBar')}>
          {dirty ? secretariatCard : null}
          <span className={issues.length > 0 ? 'save-bar-text bad' : 'save-bar-text'}>
            {issues.length > 0 ? t('setup.problemsShort', { count: issues.length }) : t('setup.unsaved')}
          </span>
          <button type="button" className="secondary" disabled={!dirty || saving} onClick={discard}>
            {t('setup.discard')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!dirty || issues.length > 0 || saving || blocked}
            onClick={() => void saveSetup()}
          >
            {t('setup.save')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}
