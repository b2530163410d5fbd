/** Identitas: the competition's name, organiser, place and dates, letterhead (kop surat) and document numbers. */
import type { CompetitionInfo } from '../../../../shared/domain/competition.js';
import { useT } from '../../components/common.js';
import { DateField } from '../../components/DateField.js';
import { useSetupStore } from '../../stores/setup.js';
import { optionalText, TextField } from './fields.js';
import type { PlacedIssues } from './issues.js';

/** An empty year is missing (wajib diisi); a word is not a number (harus berupa angka): the message says which. */
const yearOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));
const sameYear = (text: string, year: number | undefined) => Object.is(yearOf(text), year);

type Dates = NonNullable<CompetitionInfo['dates']>;
type Letterhead = NonNullable<CompetitionInfo['letterhead']>;
type Acknowledged = NonNullable<CompetitionInfo['acknowledgedBy']>;

export function IdentityTab({ errors }: { invalid: (path: string) => boolean; errors: PlacedIssues }) {
  const field = (path: string) => ({ path, message: errors.at(path) });
  const t = useT();
  const info = useSetupStore((s) => s.draft?.info);
  const edit = useSetupStore((s) => s.edit);
  // The year as typed: "20a6" stays on screen (with its message) although the draft can only hold a number.
  const yearText = useSetupStore((s) => s.yearText);
  const setYearText = useSetupStore((s) => s.setYearText);
  if (!info) return null;
  const setInfo = (change: (info: CompetitionInfo) => CompetitionInfo) => edit((d) => ({ ...d, info: change(d.info) }));
  const setText = (key: 'level' | 'region' | 'organizer' | 'place', value: string) => setInfo((i) => optionalText(i, key, value));
  const setDate = (key: keyof Dates, value: string) =>
    setInfo((i) => {
      const dates = optionalText(i.dates ?? {}, key, value);
      return Object.keys(dates).length ? { ...i, dates } : optionalText(i, 'dates', '');
    });
  const setLetterhead = (change: (l: Letterhead) => Letterhead) =>
    setInfo((i) => {
      const letterhead = change(i.letterhead ?? {});
      return Object.keys(letterhead).length ? { ...i, letterhead } : optionalText(i, 'letterhead', '');
    });

  const setNumber = (key: 'beritaAcara' | 'rekap', value: string) =>
    setInfo((i) => {
      const numbers = optionalText(i.documentNumbers ?? {}, key, value);
      return Object.keys(numbers).length ? { ...i, documentNumbers: numbers } : optionalText(i, 'documentNumbers', '');
    });
  // While typed, the block may lack its name or position (the message says so beside the field); all empty: no block.
  const setAcknowledged = (key: keyof Acknowledged, value: string) =>
    setInfo((i) => {
      const by = optionalText((i.acknowledgedBy ?? {}) as Acknowledged, key, value);
      return Object.keys(by).length ? { ...i, acknowledgedBy: by } : optionalText(i, 'acknowledgedBy', '');
    });

  async function pickLogo(file: File | undefined) {
    if (!file) return;
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('read failed'));
      reader.readAsDataURL(file);
    });
    setLetterhead((l) => ({ ...l, logo: dataUrl }));
  }

  return (
    <div className="tab-body">
      <div className="form-grid">
        <TextField
          label={t('lomba.code')}
          value={info.code}
          onChange={() => {}}
          readOnly
          hint={t('setup.codeFixed')}
          error={field('competition.code')}
        />
        <TextField
          label={t('lomba.name')}
          value={info.name}
          onChange={(v) => setInfo((i) => ({ ...i, name: v }))}
          error={field('competition.name')}
          wide
        />
        <TextField
          label={t('lomba.year')}
          value={yearText !== null && sameYear(yearText, info.year) ? yearText : String(info.year ?? '')}
          inputMode="numeric"
          onChange={(v) => {
            setYearText(v);
            setInfo((i) => ({ ...i, year: yearOf(v) as number }));
          }}
          error={field('competition.year')}
        />
        <TextField
          label={t('lomba.organizer')}
          value={info.organizer}
          onChange={(v) => setText('organizer', v)}
          error={field('competition.organizer')}
          wide
        />
        <TextField label={t('setup.level')} value={info.level} onChange={(v) => setText('level', v)} placeholder="provinsi" />
        <TextField label={t('setup.region')} value={info.region} onChange={(v) => setText('region', v)} placeholder="Jawa Barat" wide />
        <TextField label={t('setup.place')} value={info.place} onChange={(v) => setText('place', v)} placeholder="Bandung" />
      </div>

      <h3>{t('setup.dates')}</h3>
      <div className="form-grid three">
        {(['start', 'end', 'plenary'] as const).map((key) => (
          <DateField
            key={key}
            label={t(`setup.date.${key}`)}
            value={info.dates?.[key]}
            onChange={(v) => setDate(key, v)}
            error={errors.at(`competition.dates.${key}`)}
          />
        ))}
      </div>

      <h3>{t('setup.letterhead')}</h3>
      <div className="letterhead-editor">
        <div className="logo-box">
          {info.letterhead?.logo ? (
            <img src={info.letterhead.logo} alt={t('setup.logo')} />
          ) : (
            <span className="muted small">{t('setup.noLogo')}</span>
          )}
          <label className="file-button">
            {t('setup.chooseLogo')}
            <input type="file" accept="image/png,image/jpeg" onChange={(e) => void pickLogo(e.target.files?.[0])} />
          </label>
          {info.letterhead?.logo ? (
            <button type="button" className="link" onClick={() => setLetterhead((l) => optionalText(l, 'logo', ''))}>
              {t('common.remove')}
            </button>
          ) : null}
        </div>
        <div className="letterhead-fields">
          <label>
            {t('setup.letterheadLines')}
            <textarea
              rows={3}
              value={(info.letterhead?.lines ?? []).join('\n')}
              onChange={(e) => {
                const lines = e.target.value.split('\n');
                setLetterhead((l) => (lines.some((x) => x.trim()) ? { ...l, lines } : optionalText(l, 'lines', '')));
              }}
              placeholder={'PEMERINTAH PROVINSI JAWA BARAT\nDINAS ...'}
            />
          </label>
          <TextField
            label={t('setup.address')}
            value={info.letterhead?.address}
            onChange={(v) => setLetterhead((l) => optionalText(l, 'address', v))}
            wide
          />
        </div>
      </div>
      <div className="kop-preview" role="group" aria-label={t('setup.letterheadPreview')}>
        {info.letterhead?.logo ? <img src={info.letterhead.logo} alt="" /> : null}
        <div>
          {(info.letterhead?.lines?.length ? info.letterhead.lines : [info.organizer ?? info.name]).map((line, i) => (
            <div key={i} className={i === 0 ? 'kop-first' : 'kop-line'}>
              {line}
            </div>
          ))}
          {info.letterhead?.address ? <div className="kop-address">{info.letterhead.address}</div> : null}
        </div>
      </div>

      <h3>{t('setup.documentNumbers')}</h3>
      <div className="form-grid">
        <TextField
          label={t('setup.beritaAcaraNumber')}
          value={info.documentNumbers?.beritaAcara}
          placeholder="400.10.2.1/573/DP3AKB/2026"
          onChange={(v) => setNumber('beritaAcara', v)}
          error={field('competition.documentNumbers.beritaAcara')}
          wide
        />
        <TextField
          label={t('setup.rekapNumber')}
          value={info.documentNumbers?.rekap}
          placeholder="400.10.2.1/574/DP3AKB/2026"
          onChange={(v) => setNumber('rekap', v)}
          error={field('competition.documentNumbers.rekap')}
          wide
        />
      </div>

      <h3>{t('setup.acknowledgedBy')}</h3>
      <p className="hint">{t('setup.acknowledgedByHint')}</p>
      <div className="form-grid">
        <TextField
          label={t('setup.acknowledgedByName')}
          value={info.acknowledgedBy?.name}
          onChange={(v) => setAcknowledged('name', v)}
          error={field('competition.acknowledgedBy.name')}
        />
        <TextField
          label={t('setup.acknowledgedByTitle')}
          value={info.acknowledgedBy?.title}
          placeholder="Kepala Dinas …"
          onChange={(v) => setAcknowledged('title', v)}
          error={field('competition.acknowledgedBy.title')}
          wide
        />
        <TextField
          label={t('setup.acknowledgedByNip')}
          value={info.acknowledgedBy?.nip}
          inputMode="numeric"
          onChange={(v) => setAcknowledged('nip', v)}
          error={field('competition.acknowledgedBy.nip')}
        />
      </div>
    </div>
  );
}
