/**
 * Lomba (setup), the thin path: open a competition in the database, open the demo, or create a competition on
 * the default instrument with sites and jurors typed in.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { describeError } from '../../../shared/domain/errors.js';
import { Section, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { isDemo, useCompetitionStore } from '../stores/competitions.js';
import { call } from '../api.js';
import { ArchiveButton, ArchiveView, CompetitionLine, DemoConfirm } from './lomba/CompetitionActions.js';
import { readPicked } from './lomba/ImportPreview.js';
import { LeaveDialog, useAskBeforeUnload } from './lomba/Unsaved.js';
import { useLeaveStore } from '../stores/leave.js';

// The setup workspace (five tabs, the instrument editor, the live validation with zod) is only needed once a
// competition is open: it loads then, not with the first screen.
const SetupWorkspace = lazy(() => import('./lomba/SetupWorkspace.js').then((m) => ({ default: m.SetupWorkspace })));
// The new-competition form checks what is typed with the contract's schemas (zod): it loads just after the list.
const NewCompetitionForm = lazy(() => import('./lomba/NewCompetitionForm.js').then((m) => ({ default: m.NewCompetitionForm })));

function CompetitionList(props: { onNew: () => void; creating: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { list, open, openDemo, loadList } = useCompetitionStore();
  const current = useAppStore((s) => s.competition);
  const [importError, setImportError] = useState<string | null>(null);
  const [archive, setArchive] = useState<{ view: boolean; count: number }>({ view: false, count: 0 });
  const [askDemo, setAskDemo] = useState(false);
  const realOnes = (list ?? []).filter((c) => !isDemo(c.code));
  useEffect(() => {
    void call('setup.list', { includeArchived: true }).then(
      (r) => r.ok && setArchive((a) => ({ ...a, count: r.value.filter((c) => c.archived).length })),
    );
  }, [list]);
  const guardLeave = useLeaveStore((s) => s.guardLeave);
  if (archive.view) return <ArchiveView onBack={() => setArchive((a) => ({ ...a, view: false }))} />;

  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    const result = await call('setup.import', await readPicked(file));
    if (!result.ok) return setImportError(describeError(result.error, lang));
    await loadList();
    guardLeave(() => void open(result.value.code));
  }

  return (
    <Section
      title={t('lomba.existing')}
      actions={
        <div className="toolbar-row">
          <button type="button" className="secondary" onClick={props.onNew} aria-expanded={props.creating}>
            {t('lomba.new')}
          </button>
          <label className="file-button">
            {t('setup.importCompetition')}
            <input type="file" accept=".json" onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
          </label>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              guardLeave(() => (realOnes.length > 0 && !list?.some((c) => isDemo(c.code)) ? setAskDemo(true) : void openDemo()))
            }
            title={t('lomba.demoHint')}
          >
            {t('lomba.demo')}
          </button>
          <button type="button" className="secondary" onClick={() => setArchive((a) => ({ ...a, view: true }))}>
            {t('archive.view', { count: archive.count })}
          </button>
        </div>
      }
    >
      {askDemo ? (
        <DemoConfirm
          names={realOnes.map((c) => c.name)}
          onConfirm={() => {
            setAskDemo(false);
            void openDemo();
          }}
          onCancel={() => setAskDemo(false)}
        />
      ) : null}
      {importError ? (
        <p className="form-error" role="alert">
          {importError}
        </p>
      ) : null}
      {list === null ? <p>{t('common.loading')}</p> : null}
      {list?.length === 0 ? <p className="empty">{t('lomba.none')}</p> : null}
      <ul className="competition-list">
        {list?.map((c) => (
          <li key={c.code} className={c.code === current ? 'current' : ''}>
            <CompetitionLine competition={c} />
            <div className="row-actions">
              {c.code === current ? (
                <span className="badge">{t('lomba.opened')}</span>
              ) : (
                <button type="button" onClick={() => guardLeave(() => void open(c.code))} aria-label={`${t('lomba.open')} ${c.name}`}>
                  {t('lomba.open')}
                </button>
              )}
              <ArchiveButton competition={c} />
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function LombaScreen() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const detail = useCompetitionStore((s) => s.detail);
  useAskBeforeUnload();
  return (
    <div className="screen">
      <LeaveDialog />
      <h1>{t('lomba.heading')}</h1>
      <CompetitionList onNew={() => setCreating(!creating)} creating={creating} />
      {creating || !detail ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <NewCompetitionForm onCreated={() => setCreating(false)} />
        </Suspense>
      ) : null}
      {detail ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <SetupWorkspace />
        </Suspense>
      ) : null}
    </div>
  );
}
