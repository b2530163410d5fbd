/**
 * What a JSON path is called by the people who fill in the form: "competition.code" is "Kode lomba",
 * "competition.rules.labels[3]" is "Predikat ke-4", "jurors[1].nip" is the NIP of "Juri baris 2".
 *
 * One table, used by `describeError` (every message from the core's validation), by the setup forms (the message
 * next to each field) and by the command line (which names the JSON path as well, for files). A name has a
 * `label` (what the field is called beside it) and, for a row of a list, a `context` (which row): a form shows
 * the message in the row without the context; a message on its own says both ("Juri baris 2: NIP harus …").
 */
import type { Lang } from '../i18n/types.js';

export interface FieldName {
  /** The field's own name, as printed beside it ("NIP", "Predikat ke-4"). */
  label: string;
  /** Which row or item it belongs to, when the label alone would not say ("Juri baris 2"). */
  context?: string;
  /** A value that would be right, shown in a message about the value's type ("2026"). */
  example?: string;
}

/** Data that lets a name say a code rather than a position ("Indikator A1" rather than "indikator ke-1 aspek ke-1"). */
export interface FieldContext {
  sites?: readonly { code: string }[];
  jurors?: readonly { code: string }[];
  instrument?: { phases: readonly { code: string }[]; aspects: readonly { code: string; indicators: readonly { code: string }[] }[] };
}

type Words = Record<string, string>;

const WORDS: Record<Lang, Words> = {
  id: {
    competition: 'Data lomba',
    'competition.uuid': 'Identitas lomba (uuid)',
    'competition.code': 'Kode lomba',
    'competition.name': 'Nama lomba',
    'competition.year': 'Tahun',
    'competition.level': 'Tingkat',
    'competition.region': 'Wilayah',
    'competition.organizer': 'Penyelenggara',
    'competition.place': 'Tempat',
    'competition.dates': 'Tanggal lomba',
    'competition.dates.start': 'Tanggal mulai',
    'competition.dates.end': 'Tanggal selesai',
    'competition.dates.plenary': 'Tanggal rapat pleno',
    'competition.letterhead': 'Kop surat',
    'competition.letterhead.lines': 'Baris kop surat',
    'competition.letterhead.address': 'Alamat kop surat',
    'competition.letterhead.logo': 'Logo kop surat',
    'competition.documentNumbers': 'Nomor dokumen',
    'competition.documentNumbers.beritaAcara': 'Nomor berita acara',
    'competition.documentNumbers.rekap': 'Nomor rekapitulasi nilai',
    'competition.acknowledgedBy': 'Pejabat yang mengetahui',
    'competition.acknowledgedBy.title': 'Jabatan pejabat yang mengetahui',
    'competition.acknowledgedBy.name': 'Nama pejabat yang mengetahui',
    'competition.acknowledgedBy.nip': 'NIP pejabat yang mengetahui',
    'competition.rules': 'Aturan penilaian',
    'competition.rules.aggregation': 'Cara menggabungkan nilai juri',
    'competition.rules.normalise': 'Cara menormalkan nilai',
    'competition.rules.precision': 'Jumlah angka desimal',
    'competition.rules.rankBy': 'Cara pemeringkatan',
    'competition.rules.tieBreak': 'Urutan penentu seri',
    'competition.rules.labels': 'Daftar predikat',
    tieBreakItem: 'Penentu seri ke-{n}',
    labelItem: 'Predikat ke-{n}',
    sites: 'Daftar lokus',
    jurors: 'Daftar juri',
    siteRow: 'Lokus baris {n}',
    jurorRow: 'Juri baris {n}',
    'site.code': 'Kode lokus',
    'site.name': 'Desa/Kelurahan',
    'site.regency': 'Kabupaten/Kota',
    'site.district': 'Kecamatan',
    'site.category': 'Kategori',
    'site.contact': 'Kontak',
    'site.visitDate': 'Tanggal kunjungan',
    'juror.code': 'Kode juri',
    'juror.name': 'Nama juri',
    'juror.nip': 'NIP',
    'juror.position': 'Jabatan',
    'juror.agency': 'Instansi',
    'juror.role': 'Peran',
    'juror.aspects': 'Aspek yang dinilai',
    'juror.recusedSites': 'Lokus yang tidak dinilai',
    aspectItem: 'Aspek ke-{n}',
    recusedItem: 'Lokus ke-{n} yang tidak dinilai',
    instrument: 'Instrumen',
    'instrument.code': 'Kode instrumen',
    'instrument.name': 'Nama instrumen',
    'instrument.version': 'Versi instrumen',
    'instrument.note': 'Catatan instrumen',
    'instrument.defaultScale': 'Skala bawaan instrumen',
    'instrument.phases': 'Daftar tahap',
    'instrument.aspects': 'Bobot instrumen',
    phaseAt: 'Tahap ke-{n}',
    aspectAt: 'Aspek ke-{n}',
    aspectCode: 'Aspek {code}',
    indicatorAt: 'Indikator ke-{i} aspek ke-{a}',
    indicatorCode: 'Indikator {code}',
    'part.code': 'Kode',
    'part.name': 'Nama',
    'part.description': 'Uraian',
    'part.weight': 'Bobot',
    'part.phase': 'Tahap',
    'part.scale': 'Skala',
    'part.rubric': 'Rubrik',
    'part.evidence': 'Bukti',
    'part.household': 'Kunjungan rumah tangga',
    'part.indicators': 'Daftar indikator',
    pin: 'PIN',
    currentPin: 'PIN lama',
    reason: 'Alasan',
    note: 'Catatan',
    value: 'Nilai',
    name: 'Nama berkas',
    file: 'Berkas',
    any: 'Isian ini',
  },
  en: {
    competition: 'The competition data',
    'competition.uuid': 'Competition identity (uuid)',
    'competition.code': 'Competition code',
    'competition.name': 'Competition name',
    'competition.year': 'Year',
    'competition.level': 'Level',
    'competition.region': 'Region',
    'competition.organizer': 'Organiser',
    'competition.place': 'Place',
    'competition.dates': 'Competition dates',
    'competition.dates.start': 'Start date',
    'competition.dates.end': 'End date',
    'competition.dates.plenary': 'Plenary date',
    'competition.letterhead': 'Letterhead',
    'competition.letterhead.lines': 'Letterhead lines',
    'competition.letterhead.address': 'Letterhead address',
    'competition.letterhead.logo': 'Letterhead logo',
    'competition.documentNumbers': 'Document numbers',
    'competition.documentNumbers.beritaAcara': 'Minutes number',
    'competition.documentNumbers.rekap': 'Score recap number',
    'competition.acknowledgedBy': 'Acknowledging official',
    'competition.acknowledgedBy.title': "Acknowledging official's position",
    'competition.acknowledgedBy.name': "Acknowledging official's name",
    'competition.acknowledgedBy.nip': "Acknowledging official's NIP",
    'competition.rules': 'Scoring rules',
    'competition.rules.aggregation': 'How jurors’ scores are combined',
    'competition.rules.normalise': 'How scores are normalised',
    'competition.rules.precision': 'Number of decimals',
    'competition.rules.rankBy': 'How sites are ranked',
    'competition.rules.tieBreak': 'Tie-break order',
    'competition.rules.labels': 'The award list',
    tieBreakItem: 'Tie-break {n}',
    labelItem: 'Award {n}',
    sites: 'The list of sites',
    jurors: 'The list of jurors',
    siteRow: 'Site row {n}',
    jurorRow: 'Juror row {n}',
    'site.code': 'Site code',
    'site.name': 'Village/ward',
    'site.regency': 'Regency/city',
    'site.district': 'District',
    'site.category': 'Category',
    'site.contact': 'Contact',
    'site.visitDate': 'Visit date',
    'juror.code': 'Juror code',
    'juror.name': 'Juror’s name',
    'juror.nip': 'NIP',
    'juror.position': 'Position',
    'juror.agency': 'Agency',
    'juror.role': 'Role',
    'juror.aspects': 'Aspects scored',
    'juror.recusedSites': 'Sites not scored',
    aspectItem: 'Aspect {n}',
    recusedItem: 'Site {n} not scored',
    instrument: 'The instrument',
    'instrument.code': 'Instrument code',
    'instrument.name': 'Instrument name',
    'instrument.version': 'Instrument version',
    'instrument.note': 'Instrument note',
    'instrument.defaultScale': 'The instrument’s default scale',
    'instrument.phases': 'The list of phases',
    'instrument.aspects': 'Instrument weights',
    phaseAt: 'Phase {n}',
    aspectAt: 'Aspect {n}',
    aspectCode: 'Aspect {code}',
    indicatorAt: 'Indicator {i} of aspect {a}',
    indicatorCode: 'Indicator {code}',
    'part.code': 'Code',
    'part.name': 'Name',
    'part.description': 'Description',
    'part.weight': 'Weight',
    'part.phase': 'Phase',
    'part.scale': 'Scale',
    'part.rubric': 'Rubric',
    'part.evidence': 'Evidence',
    'part.household': 'Household visits',
    'part.indicators': 'The list of indicators',
    pin: 'PIN',
    currentPin: 'Current PIN',
    reason: 'Reason',
    note: 'Note',
    value: 'Score',
    name: 'File name',
    file: 'File',
    any: 'This value',
  },
};

/** Examples of a right value, for messages about a wrong type ("Tahun harus berupa angka, misalnya 2026"). */
const EXAMPLES: Record<string, string> = {
  'competition.year': '2026',
  'competition.dates.start': '2026-09-07',
  'competition.dates.end': '2026-09-18',
  'competition.dates.plenary': '2026-09-21',
};

function word(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const text = WORDS[lang][key] ?? WORDS[lang].any!;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const has = (lang: Lang, key: string) => Object.hasOwn(WORDS[lang], key);

/** The name of the field at `path`, or null when the table does not know it (then say "Isian ini"). */
export function fieldName(path: string, lang: Lang, ctx: FieldContext = {}): FieldName | null {
  const bare = path.replace(/^\(root\)$/, '');
  const example = EXAMPLES[bare];
  const named = (label: string, context?: string): FieldName => ({
    label,
    ...(context ? { context } : {}),
    ...(example ? { example } : {}),
  });
  if (has(lang, bare) && !['any', 'name', 'value'].includes(bare)) return named(word(lang, bare));

  let m = /^competition\.rules\.(labels|tieBreak)\[(\d+)\]$/.exec(bare);
  if (m) return named(word(lang, m[1] === 'labels' ? 'labelItem' : 'tieBreakItem', { n: Number(m[2]) + 1 }));
  m = /^competition\.documentNumbers\.\w+$/.exec(bare);
  if (m) return named(word(lang, 'competition.documentNumbers'));
  m = /^competition\.letterhead\.lines\[\d+\]$/.exec(bare);
  if (m) return named(word(lang, 'competition.letterhead.lines'));

  m = /^(sites|jurors)\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(bare);
  if (m) {
    const [, list, index, field, item] = m;
    const i = Number(index);
    const rows = list === 'sites' ? ctx.sites : ctx.jurors;
    const rowCode = rows?.[i]?.code;
    const row = word(lang, list === 'sites' ? 'siteRow' : 'jurorRow', { n: i + 1 }) + (rowCode ? ` (${rowCode})` : '');
    const entity = list === 'sites' ? 'site' : 'juror';
    if (!field) return named(row);
    if (item !== undefined && field === 'aspects') return named(word(lang, 'aspectItem', { n: Number(item) + 1 }), row);
    if (item !== undefined && field === 'recusedSites') return named(word(lang, 'recusedItem', { n: Number(item) + 1 }), row);
    return named(word(lang, has(lang, `${entity}.${field}`) ? `${entity}.${field}` : 'any'), row);
  }

  m = /^instrument\.phases\[(\d+)\](?:\.(\w+))?/.exec(bare);
  if (m) {
    const place = word(lang, 'phaseAt', { n: Number(m[1]) + 1 });
    return m[2] ? named(word(lang, has(lang, `part.${m[2]}`) ? `part.${m[2]}` : 'any'), place) : named(place);
  }
  m = /^instrument\.aspects\[(\d+)\](?:\.indicators\[(\d+)\])?(?:\.(\w+))?/.exec(bare);
  if (m) {
    const a = Number(m[1]);
    const aspect = ctx.instrument?.aspects[a];
    let place: string;
    if (m[2] !== undefined) {
      const code = aspect?.indicators[Number(m[2])]?.code;
      place = code ? word(lang, 'indicatorCode', { code }) : word(lang, 'indicatorAt', { i: Number(m[2]) + 1, a: a + 1 });
    } else {
      place = aspect?.code ? word(lang, 'aspectCode', { code: aspect.code }) : word(lang, 'aspectAt', { n: a + 1 });
    }
    return m[3] ? named(word(lang, has(lang, `part.${m[3]}`) ? `part.${m[3]}` : 'any'), place) : named(place);
  }
  m = /^instrument\.(\w+)/.exec(bare);
  if (m && has(lang, `instrument.${m[1]}`)) return named(word(lang, `instrument.${m[1]}`));

  // The arguments of a channel: a form field named by its own key ("pin", "reason").
  if (has(lang, bare)) return named(word(lang, bare));
  return null;
}

/** The name to use in a sentence, never empty: the table's label, or "Isian ini" / "This value". */
export function labelFor(path: string | undefined, lang: Lang, ctx?: FieldContext): FieldName {
  return (path === undefined ? null : fieldName(path, lang, ctx)) ?? { label: word(lang, 'any') };
}
