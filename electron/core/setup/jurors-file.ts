/**
 * Jurors (tim penilai) in a spreadsheet or CSV: one row per juror. Columns and rules: docs/spreadsheets.md.
 * Aspect codes and recused sites are only read here; whether they exist is checked later against the
 * competition.
 */
import type { FileBytes, JurorWithRecusals, ParsedRows } from '../../../shared/contract/schemas.js';
import { jurorSchema } from '../../../shared/domain/competition.js';
import { exportTable, parseTableFile, type TableDef } from '../platform/sheets/rows.js';
import type { PickedFile } from '../platform/sheets/source.js';
import { cellText, type RowReader } from '../platform/sheets/table.js';
import { readAspects, readCodeList, readNipText, readRole, showNumber, writeAspects } from '../platform/sheets/values.js';

type JurorField = keyof JurorWithRecusals;

export const JUROR_TABLE: TableDef<JurorWithRecusals, JurorField> = {
  sheetNames: ['Juri', 'Jurors', 'Tim Penilai', 'Penilai', 'Daftar Juri'],
  sheetTitle: 'Juri',
  fileStem: 'juri',
  columns: [
    {
      field: 'code',
      title: 'Kode',
      aliases: ['Kode Juri', 'Code', 'Juror Code'],
      required: true,
      width: 8,
      text: true,
      guide: 'Kode unik juri dalam lomba ini.',
      example: 'J1',
    },
    {
      field: 'name',
      title: 'Nama',
      aliases: ['Nama Juri', 'Nama Lengkap', 'Name', 'Full Name'],
      required: true,
      width: 32,
      guide: 'Nama lengkap dengan gelar, seperti dicetak di bawah tanda tangan.',
      example: 'Dr. Hj. Siti Aminah, M.Si.',
    },
    {
      field: 'nip',
      title: 'NIP',
      aliases: ['NIP Juri'],
      width: 22,
      text: true,
      guide:
        'NIP 18 angka. Kolom ini harus berformat Teks: Excel menyimpan angka hanya 15 digit, jadi NIP yang diketik sebagai angka sudah rusak dan ditolak. Spasi boleh (19700315 199503 2 001). Kosongkan bila tidak punya NIP.',
      example: '197003151995032001',
    },
    {
      field: 'position',
      title: 'Jabatan',
      aliases: ['Position', 'Title'],
      width: 30,
      guide: 'Jabatan, seperti dicetak di bawah tanda tangan.',
      example: 'Kepala Bidang Kesehatan Masyarakat',
    },
    {
      field: 'agency',
      title: 'Instansi',
      aliases: ['Unit Kerja', 'OPD', 'Agency', 'Organisation', 'Organization'],
      width: 26,
      guide: 'Instansi atau OPD asal juri.',
      example: 'Dinas Kesehatan',
    },
    {
      field: 'role',
      title: 'Peran',
      aliases: ['Peran dalam Tim', 'Kedudukan', 'Kedudukan dalam Tim', 'Role'],
      required: true,
      width: 12,
      guide: 'ketua, sekretaris, atau anggota (huruf besar/kecil bebas).',
      example: 'anggota',
    },
    {
      field: 'aspects',
      title: 'Aspek',
      aliases: ['Aspek Dinilai', 'Aspek yang Dinilai', 'Aspects'],
      width: 16,
      guide:
        'Kode aspek yang dinilai juri ini, dipisahkan koma (D, F). Kosong (atau "semua"): semua aspek. Tanda "-": tidak menilai aspek apa pun (hanya ikut menandatangani).',
      example: 'D, F',
    },
    {
      field: 'recusedSites',
      title: 'Tidak Menilai Lokus',
      aliases: ['Tidak Menilai', 'Lokus Dikecualikan', 'Recused Sites', 'Recused'],
      width: 20,
      guide: 'Kode lokus yang tidak boleh dinilai juri ini (konflik kepentingan), dipisahkan koma. Kosong atau "-": tidak ada.',
      example: 'S03',
    },
  ],
  read: readJuror,
  write: (juror) => ({
    code: juror.code,
    name: juror.name,
    nip: juror.nip ?? null,
    position: juror.position ?? null,
    agency: juror.agency ?? null,
    role: juror.role,
    aspects: writeAspects(juror.aspects),
    recusedSites: juror.recusedSites.join(', '),
  }),
  guideIntro: [
    'Satu baris untuk satu juri. Baris judul kolom boleh didahului judul tabel; kolom lain (misalnya No) diabaikan.',
    'Nama kolom boleh huruf besar atau kecil, dalam bahasa Indonesia atau Inggris. Kolom Kode, Nama dan Peran wajib.',
  ],
};

function readJuror(r: RowReader<JurorField>): JurorWithRecusals | null {
  const code = r.code('code');
  const name = r.required('name');
  const nip = readNip(r);
  const position = r.text('position');
  const agency = r.text('agency');
  const roleText = r.required('role');
  const role = roleText === undefined ? null : readRole(roleText);
  if (roleText !== undefined && role === null) r.report('role', 'file.badRole', { value: roleText });
  const aspectsText = r.text('aspects');
  const aspects = r.has('aspects') ? readAspects(aspectsText ?? '') : undefined;
  const recusedSites = readCodeList(r.text('recusedSites') ?? '');
  if (code === undefined || name === undefined || role === null) return null;
  const juror: JurorWithRecusals = {
    code,
    name,
    ...(nip === undefined ? {} : { nip }),
    ...(position === undefined ? {} : { position }),
    ...(agency === undefined ? {} : { agency }),
    role,
    ...(aspects === undefined ? {} : { aspects }),
    recusedSites,
  };
  const checked = jurorSchema.safeParse(juror);
  if (!checked.success) {
    r.report(null, 'validate.invalid');
    return null;
  }
  return { ...checked.data, recusedSites };
}

/** A NIP cell: text of 18 digits. Any number cell is refused: Excel keeps 15 digits, the rest are already gone. */
function readNip(r: RowReader<JurorField>): string | undefined {
  const cell = r.cell('nip');
  if (cell.kind === 'number') {
    r.report('nip', 'file.nipNumber', { value: showNumber(cell.value) });
    return undefined;
  }
  const text = r.text('nip');
  if (text === undefined) return undefined;
  if (cell.kind !== 'text') {
    r.report('nip', 'file.nipLength', { value: cellText(cell), digits: cellText(cell).replace(/\D/g, '').length });
    return undefined;
  }
  const reading = readNipText(text);
  if (!reading.ok) {
    r.report('nip', reading.key, reading.params);
    return undefined;
  }
  return reading.nip;
}

export function parseJurorsFile(file: PickedFile): Promise<ParsedRows<JurorWithRecusals>> {
  return parseTableFile(JUROR_TABLE, file);
}

export function exportJurors(jurors: readonly JurorWithRecusals[], format: 'xlsx' | 'csv', competition: string): Promise<FileBytes> {
  return exportTable(JUROR_TABLE, jurors, format, competition);
}
