/**
 * Lomba (setup), the thin path: open a competition in the database, open the demo, or create a competition on
 * the default instrument with sites and jurors typed in.
 */
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { ChannelInput, InstrumentSummary } from '../../../shared/contract/schemas.js';
import { ROLES, type Role } from '../../../shared/domain/roles.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { describeError } from '../../../shared/domain/errors.js';
import { Section, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { isDemo, useCompetitionStore } from '../stores/competitions.js';
import { call } from '../api.js';
import { ArchiveButton, ArchiveView, DemoConfirm } from './lomba/CompetitionActions.js';
import { readPicked } from './lomba/ImportPreview.js';
import { RowsEditor } from './lomba/RowsEditor.js';

// The setup workspace (five tabs, the instrument editor, the live validation with zod) is only needed once a
// competition is open: it loads then, not with the first screen.
const SetupWorkspace = lazy(() => import('./lomba/SetupWorkspace.js').then((m) => ({ default: m.SetupWorkspace })));

interface SiteRow {
  code: string;
  name: string;
  regency: string;
}
interface JurorRow {
  code: string;
  name: string;
  nip: string;
  role: Role;
}

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
    void call('competition.list', { includeArchived: true }).then(
      (r) => r.ok && setArchive((a) => ({ ...a, count: r.value.filter((c) => c.archived).length })),
    );
  }, [list]);
  if (archive.view) return <ArchiveView onBack={() => setArchive((a) => ({ ...a, view: false }))} />;

  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    const result = await call('competition.import', await readPicked(file));
    if (!result.ok) return setImportError(describeError(result.error, lang));
    await loadList();
    await open(result.value.code);
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
            onClick={() => (realOnes.length > 0 && !list?.some((c) => isDemo(c.code)) ? setAskDemo(true) : void openDemo())}
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
            <div>
              <strong>{c.name}</strong>
              <span className="muted">
                {c.code} ·{' '}
                {t('lomba.summary', { sites: c.sites, jurors: c.jurors, instrument: c.instrument.code, version: c.instrument.version })}
              </span>
            </div>
            <div className="row-actions">
              {c.code === current ? (
                <span className="badge">{t('lomba.opened')}</span>
              ) : (
                <button type="button" onClick={() => void open(c.code)} aria-label={`${t('lomba.open')} ${c.name}`}>
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

const emptySite = (i: number): SiteRow => ({ code: `S${String(i).padStart(2, '0')}`, name: '', regency: '' });
const emptyJuror = (i: number): JurorRow => ({ code: `J${i}`, name: '', nip: '', role: i === 1 ? 'ketua' : 'anggota' });

/** "jurors[0].nip" → "Juri baris 1, NIP": a form speaks of rows and labels, not JSON paths. */
function formErrorText(error: AppError, lang: 'id' | 'en', t: ReturnType<typeof useT>): string {
  const match = error.path ? /^(sites|jurors)\[(\d+)\]\.(\w+)$/.exec(error.path) : null;
  if (!match) return describeError(error, lang);
  const [, list, index, field] = match;
  const labels: Record<string, Parameters<typeof t>[0]> =
    list === 'sites'
      ? { code: 'lomba.siteCode', name: 'lomba.siteName', regency: 'lomba.regency' }
      : { code: 'lomba.jurorCode', name: 'lomba.jurorName', nip: 'lomba.nip', role: 'lomba.role' };
  const label = labels[field!] ? t(labels[field!]!) : field!;
  const where = t(list === 'sites' ? 'lomba.siteRow' : 'lomba.jurorRow', { row: Number(index) + 1, field: label });
  const { path: _path, ...rest } = error;
  return `${where}: ${describeError(rest, lang)}`;
}

function NewCompetitionForm(props: { onCreated: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const create = useCompetitionStore((s) => s.create);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [organizer, setOrganizer] = useState('');
  const [sites, setSites] = useState<SiteRow[]>([emptySite(1), emptySite(2), emptySite(3)]);
  const [jurors, setJurors] = useState<JurorRow[]>([emptyJuror(1), emptyJuror(2), emptyJuror(3)]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [instruments, setInstruments] = useState<InstrumentSummary[]>([]);
  const [instrument, setInstrument] = useState('');
  useEffect(() => {
    void call('instrument.list', {}).then((r) => r.ok && setInstruments(r.value));
  }, []);

  const invalid = (path: string) => error?.path === path;
  const fieldProps = (path: string) => ({
    'aria-invalid': invalid(path) || undefined,
    'aria-describedby': invalid(path) ? 'form-error' : undefined,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const input: ChannelInput<'competition.create'> = {
      competition: {
        code: code.trim(),
        name: name.trim(),
        year: Number(year),
        ...(organizer.trim() ? { organizer: organizer.trim() } : {}),
      },
      sites: sites.map((s) => ({ code: s.code.trim(), name: s.name.trim(), ...(s.regency.trim() ? { regency: s.regency.trim() } : {}) })),
      jurors: jurors.map((j) => ({
        code: j.code.trim(),
        name: j.name.trim(),
        role: j.role,
        ...(j.nip.trim() ? { nip: j.nip.trim() } : {}),
      })),
      ...(instrument ? { instrument: { code: instrument.split('@')[0]!, version: Number(instrument.split('@')[1]) } } : {}),
    };
    const result = await create(input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setCode('');
    setName('');
    setOrganizer('');
    setSites([emptySite(1), emptySite(2), emptySite(3)]);
    setJurors([emptyJuror(1), emptyJuror(2), emptyJuror(3)]);
    setNotice({ kind: 'ok', text: t('lomba.saved', { code: input.competition.code }) });
    props.onCreated();
    window.scrollTo({ top: 0 });
  }

  return (
    <Section title={t('lomba.new')}>
      <p className="muted">{t('lomba.newHint')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <label>
            {t('lomba.code')}
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="P2WKSS-JABAR-2026"
              {...fieldProps('competition.code')}
            />
          </label>
          <label className="wide">
            {t('lomba.name')}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026"
              {...fieldProps('competition.name')}
            />
          </label>
          <label>
            {t('lomba.year')}
            <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" {...fieldProps('competition.year')} />
          </label>
          <label className="wide">
            {t('lomba.organizer')}
            <input value={organizer} onChange={(e) => setOrganizer(e.target.value)} {...fieldProps('competition.organizer')} />
          </label>
          <label className="wide">
            {t('setup.instrumentChoice')}
            <select value={instrument} onChange={(e) => setInstrument(e.target.value)}>
              <option value="">{t('setup.defaultInstrument')}</option>
              {instruments.map((i) => (
                <option key={`${i.code}@${i.version}`} value={`${i.code}@${i.version}`}>
                  {i.name} ({i.code} v{i.version}, {t('setup.indicatorCount', { count: i.indicators })})
                </option>
              ))}
            </select>
          </label>
        </div>

        <h3>{t('lomba.sites')}</h3>
        <RowsEditor
          rows={sites}
          onChange={setSites}
          listPath="sites"
          listLabel={t('lomba.sites')}
          columns={[
            { field: 'code', label: t('lomba.siteCode') },
            { field: 'name', label: t('lomba.siteName') },
            { field: 'regency', label: t('lomba.regency') },
          ]}
          fieldProps={fieldProps}
        />
        <button type="button" className="secondary" onClick={() => setSites([...sites, emptySite(sites.length + 1)])}>
          + {t('lomba.addSite')}
        </button>

        <h3>{t('lomba.jurors')}</h3>
        <RowsEditor
          rows={jurors}
          onChange={setJurors}
          listPath="jurors"
          listLabel={t('lomba.jurors')}
          columns={[
            { field: 'code', label: t('lomba.jurorCode') },
            { field: 'name', label: t('lomba.jurorName') },
            { field: 'nip', label: t('lomba.nip'), numeric: true },
          ]}
          extra={{
            label: t('lomba.role'),
            render: (j, i, update) => (
              <select
                aria-label={`${t('lomba.role')} ${i + 1}`}
                value={j.role}
                onChange={(e) => update({ ...j, role: e.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            ),
          }}
          fieldProps={fieldProps}
        />
        <button type="button" className="secondary" onClick={() => setJurors([...jurors, emptyJuror(jurors.length + 1)])}>
          + {t('lomba.addJuror')}
        </button>

        {error ? (
          <p id="form-error" className="form-error" role="alert">
            {formErrorText(error, lang, t)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('lomba.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}

export function LombaScreen() {
  const t = useT();
  const [creating, setCreating] = useState(false);
  const detail = useCompetitionStore((s) => s.detail);
  return (
    <div className="screen">
      <h1>{t('lomba.heading')}</h1>
      <CompetitionList onNew={() => setCreating(!creating)} creating={creating} />
      {creating || !detail ? <NewCompetitionForm onCreated={() => setCreating(false)} /> : null}
      {detail ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <SetupWorkspace />
        </Suspense>
      ) : null}
    </div>
  );
}
