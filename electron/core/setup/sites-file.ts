/**
 * Sites (lokus) in a spreadsheet or CSV: one row per desa/kelurahan. Columns and rules: docs/spreadsheets.md.
 */
import type { FileBytes, ParsedRows } from '../../../shared/contract/schemas.js';
import { siteSchema, type Site } from '../../../shared/domain/competition.js';
import { exportTable, parseTableFile, type TableDef } from '../platform/sheets/rows.js';
import type { PickedFile } from '../platform/sheets/source.js';
import type { RowReader } from '../platform/sheets/table.js';
import { isoToExcelDate, parseDateText } from '../platform/sheets/values.js';

type SiteField = keyof Site;

export const SITE_TABLE: TableDef<Site, SiteField> = {
  sheetNames: ['Lokus', 'Sites', 'Site', 'Daftar Lokus'],
  sheetTitle: 'Lokus',
  fileStem: 'lokus',
  columns: [
    {
      field: 'code',
      title: 'Kode',
      aliases: ['Kode Lokus', 'Code', 'Site Code'],
      required: true,
      width: 10,
      text: true,
      guide: 'Kode unik lokus dalam lomba ini (huruf/angka, tanpa spasi).',
      example: 'S01',
    },
    {
      field: 'name',
      title: 'Desa/Kelurahan',
      aliases: ['Nama', 'Nama Lokus', 'Lokus', 'Desa', 'Kelurahan', 'Nama Desa/Kelurahan', 'Name', 'Site', 'Village'],
      required: true,
      width: 28,
      guide: 'Nama desa atau kelurahan lokus.',
      example: 'Desa Bugel',
    },
    {
      field: 'regency',
      title: 'Kabupaten/Kota',
      aliases: ['Kabupaten', 'Kota', 'Kab/Kota', 'Regency', 'Regency/City'],
      width: 26,
      guide: 'Kabupaten atau kota yang mengirim lokus.',
      example: 'Kabupaten Serang',
    },
    {
      field: 'district',
      title: 'Kecamatan',
      aliases: ['District'],
      width: 20,
      guide: 'Kecamatan lokus.',
      example: 'Padarincang',
    },
    {
      field: 'category',
      title: 'Kategori',
      aliases: ['Category'],
      width: 14,
      guide: 'Kategori untuk pemeringkatan terpisah (misalnya desa / kelurahan). Boleh kosong.',
      example: 'desa',
    },
    {
      field: 'contact',
      title: 'Kontak',
      aliases: ['Contact', 'Narahubung', 'Telepon', 'No HP'],
      width: 26,
      text: true,
      guide: 'Narahubung di lokus. Kolom berformat Teks: nomor telepon yang diketik sebagai angka kehilangan angka 0 di depan dan ditolak.',
      example: 'Ibu Ani 081234567890',
    },
    {
      field: 'visitDate',
      title: 'Tanggal Kunjungan',
      aliases: ['Tanggal', 'Tanggal Visitasi', 'Visit Date', 'Date'],
      width: 18,
      date: true,
      guide: 'Tanggal kunjungan tim penilai: sel tanggal Excel, 2026-09-08, atau 8/9/2026 (selalu hari/bulan/tahun).',
      example: '08/09/2026',
    },
  ],
  read: readSite,
  write: (site) => ({
    code: site.code,
    name: site.name,
    regency: site.regency ?? null,
    district: site.district ?? null,
    category: site.category ?? null,
    contact: site.contact ?? null,
    visitDate: site.visitDate ? isoToExcelDate(site.visitDate) : null,
  }),
  guideIntro: [
    'Satu baris untuk satu lokus. Baris judul kolom boleh didahului judul tabel; kolom lain (misalnya No) diabaikan.',
    'Nama kolom boleh huruf besar atau kecil, dalam bahasa Indonesia atau Inggris. Kolom Kode dan Desa/Kelurahan wajib.',
  ],
};

function readSite(r: RowReader<SiteField>): Site | null {
  const code = r.code('code');
  const name = r.required('name');
  const regency = r.text('regency');
  const district = r.text('district');
  const category = r.text('category');
  const contact = r.textNotNumber('contact');
  const visitDate = readVisitDate(r);
  if (code === undefined || name === undefined) return null;
  const site: Site = {
    code,
    name,
    ...(regency === undefined ? {} : { regency }),
    ...(district === undefined ? {} : { district }),
    ...(category === undefined ? {} : { category }),
    ...(contact === undefined ? {} : { contact }),
    ...(visitDate === undefined ? {} : { visitDate }),
  };
  const checked = siteSchema.safeParse(site);
  if (!checked.success) {
    r.report(null, 'validate.invalid');
    return null;
  }
  return checked.data;
}

function readVisitDate(r: RowReader<SiteField>): string | undefined {
  const cell = r.cell('visitDate');
  if (cell.kind === 'date') {
    if (cell.iso === null) r.report('visitDate', 'file.badDate', { value: '?' });
    return cell.iso ?? undefined;
  }
  const text = r.text('visitDate');
  if (text === undefined) return undefined;
  const iso = cell.kind === 'text' ? parseDateText(text) : null;
  if (iso === null) r.report('visitDate', 'file.badDate', { value: text });
  return iso ?? undefined;
}

export function parseSitesFile(file: PickedFile): Promise<ParsedRows<Site>> {
  return parseTableFile(SITE_TABLE, file);
}

export function exportSites(sites: readonly Site[], format: 'xlsx' | 'csv', competition: string): Promise<FileBytes> {
  return exportTable(SITE_TABLE, sites, format, competition);
}
