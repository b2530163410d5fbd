/** Lomba baru: a competition on the default instrument with its sites and jurors typed in, every problem beside its field. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { inputSchemas, type ChannelInput, type InstrumentSummary } from '../../../../shared/contract/schemas.js';
import { fromZodIssues, type ValidationIssue } from '../../../../shared/domain/validation.js';
import { ROLES, type Role } from '../../../../shared/domain/roles.js';
import type { AppError } from '../../../../shared/domain/errors.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { hasUnsaved, useLeaveStore } from '../../stores/leave.js';
import { call } from '../../api.js';
import { RowsEditor } from './RowsEditor.js';
import { TextField } from './fields.js';
import { placeIssues } from './issues.js';

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

const emptySite = (i: number): SiteRow => ({ code: `S${String(i).padStart(2, '0')}`, name: '', regency: '' });
const emptyJuror = (i: number): JurorRow => ({ code: `J${i}`, name: '', nip: '', role: i === 1 ? 'ketua' : 'anggota' });

/** The value at a JSON path of the form's input ("jurors[0].nip"), to tell whether a refusal's cause is still there. */
function valueAt(input: unknown, path: string): unknown {
  let value: unknown = input;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function NewCompetitionForm(props: { onCreated: () => void }) {
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
  /** Set once the person has tried to save: from then on every problem is shown, and each goes once fixed. */
  const [tried, setTried] = useState(false);
  /** The core's refusal, with what the field (or the whole form) held then: shown only while that is unchanged. */
  const [refusal, setRefusal] = useState<{ error: AppError; held: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusFirst, setFocusFirst] = useState(0);
  const [instruments, setInstruments] = useState<InstrumentSummary[]>([]);
  const [instrument, setInstrument] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    void call('instruments.list', {}).then((r) => r.ok && setInstruments(r.value));
  }, []);
  useEffect(() => {
    if (focusFirst > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirst]);

  const input: ChannelInput<'setup.create'> = {
    competition: {
      code: code.trim(),
      name: name.trim(),
      // An empty year is missing (wajib diisi), a word is not a number (harus berupa angka): both said as such.
      year: (year.trim() === '' ? undefined : Number(year.trim())) as number,
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
  const checked = inputSchemas['setup.create'].safeParse(input, { reportInput: true });
  const issues: ValidationIssue[] = tried && !checked.success ? fromZodIssues(checked.error.issues) : [];
  const refusalPath = refusal?.error.path;
  const refusalHeld = refusal && JSON.stringify(refusalPath ? valueAt(input, refusalPath) : input) === refusal.held;
  if (refusal && refusalHeld && refusalPath) issues.push({ path: refusalPath, key: refusal.error.key, params: refusal.error.params });
  const ctx = { sites: input.sites, jurors: input.jurors };
  const placed = placeIssues(issues, lang, ctx);
  const banner = [...placed.unplaced];
  if (refusal && refusalHeld && !refusalPath) banner.push(describeError(refusal.error, lang));
  const field = (path: string) => ({ path, message: placed.at(path) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setRefusal(null);
    if (!checked.success) {
      setFocusFirst((n) => n + 1);
      return;
    }
    // Creating opens the new competition: unsaved edits of the open one are asked about first.
    if (hasUnsaved()) return useLeaveStore.getState().guardLeave(() => void submit(event));
    setBusy(true);
    const result = await create(input);
    setBusy(false);
    if (!result.ok) {
      const path = result.error.path;
      setRefusal({ error: result.error, held: JSON.stringify(path ? valueAt(input, path) : input) });
      setFocusFirst((n) => n + 1);
      return;
    }
    setTried(false);
    setCode('');
    setName('');
    setOrganizer('');
    setSites([emptySite(1), emptySite(2), emptySite(3)]);
    setJurors([emptyJuror(1), emptyJuror(2), emptyJuror(3)]);
    setNotice({ kind: 'ok', text: t('lomba.saved', { code: input.competition.code.toUpperCase() }) });
    props.onCreated();
    window.scrollTo({ top: 0 });
  }

  return (
    <Section title={t('lomba.new')}>
      <p className="muted">{t('lomba.newHint')}</p>
      {banner.length > 0 ? (
        <div id="form-error" className="form-error" role="alert">
          {banner.length === 1 ? (
            <p>{banner[0]}</p>
          ) : (
            <ul>
              {banner.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <TextField
            label={t('lomba.code')}
            value={code}
            onChange={(v) => setCode(v.toUpperCase())}
            placeholder="P2WKSS-JABAR-2026"
            hint={t('forms.codeHint')}
            error={field('competition.code')}
          />
          <TextField
            label={t('lomba.name')}
            value={name}
            onChange={setName}
            placeholder="Lomba P2WKSS Tingkat Provinsi Jawa Barat Tahun 2026"
            error={field('competition.name')}
            wide
          />
          <TextField label={t('lomba.year')} value={year} onChange={setYear} inputMode="numeric" error={field('competition.year')} />
          <TextField label={t('lomba.organizer')} value={organizer} onChange={setOrganizer} error={field('competition.organizer')} wide />
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
          fieldError={placed.at}
        />
        <button type="button" className="secondary" onClick={() => setSites([...sites, emptySite(sites.length + 1)])}>
          + {t('lomba.addSite')}
        </button>

        <h3>{t('lomba.jurors')}</h3>
        <p className="muted small">{t('forms.nipHint')}</p>
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
          fieldError={placed.at}
        />
        <button type="button" className="secondary" onClick={() => setJurors([...jurors, emptyJuror(jurors.length + 1)])}>
          + {t('lomba.addJuror')}
        </button>

        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('lomba.save')}
          </button>
        </div>
      </form>
    </Section>
  );
}
