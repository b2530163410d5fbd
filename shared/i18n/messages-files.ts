/**
 * Messages about imported and exported files (spreadsheets, CSV, instrument templates).
 *
 * A problem in a file is a key plus parameters like every other message, and it is shown after a location:
 * "sites.xlsx, lembar Lokus, baris 4, kolom NIP: NIP tersimpan sebagai angka …". So the problem messages
 * (`file.*` below `file.invalid`) start in lower case and never repeat the file name. `file.at` renders the
 * location alone; `file.invalid` is the one-line error of a whole file (location, the first problem already
 * rendered in both languages by the core, and how many more there are).
 */
import { catalogue, type Lang, type Params } from './types.js';

/** "sites.xlsx, lembar Lokus, baris 4, kolom NIP"; a CSV or JSON file has lines, not sheet rows. */
function location(lang: Lang, p: Params): string {
  const parts = [String(p.file)];
  const lines = p.sheet === undefined;
  if (lang === 'id') {
    if (p.sheet !== undefined) parts.push(`lembar ${p.sheet}`);
    if (p.row !== undefined) parts.push(`baris ${p.row}`);
    if (p.column !== undefined) parts.push(`kolom ${p.column}`);
    if (p.path !== undefined) parts.push(`di ${p.path}`);
  } else {
    if (p.sheet !== undefined) parts.push(`sheet ${p.sheet}`);
    if (p.row !== undefined) parts.push(`${lines ? 'line' : 'row'} ${p.row}`);
    if (p.column !== undefined) parts.push(`column ${p.column}`);
    if (p.path !== undefined) parts.push(`at ${p.path}`);
  }
  return parts.join(', ');
}

function more(lang: Lang, p: Params): string {
  const n = Number(p.more ?? 0);
  if (n <= 0) return '';
  return lang === 'id' ? ` (dan ${n} masalah lain)` : ` (and ${n} more ${n === 1 ? 'problem' : 'problems'})`;
}

const TEXT_HINT_ID = (column: string | number | undefined) => `format kolom ${column ?? ''} sebagai Teks lalu ketik ulang`;
const TEXT_HINT_EN = (column: string | number | undefined) => `format the ${column ?? ''} column as Text and type it again`;

export const fileMessages = catalogue(
  {
    'file.unreadable': (p) => `Berkas ${p.file} tidak dapat dibaca: ${p.detail}`,
    'file.at': (p) => location('id', p),
    'file.invalid': (p) => `${location('id', p)}: ${p.problemId}${more('id', p)}`,
    'file.instrumentNotFound': (p) => `Instrumen ${p.code} versi ${p.version} tidak ada di basis data.`,
    // Whole files.
    'file.unknownType': (p) => `jenis berkas tidak dikenali; gunakan ${p.expected}`,
    'file.oldXls': () => `berkas Excel lama (.xls) tidak didukung; buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)`,
    'file.notXlsx': () => `bukan berkas Excel .xlsx yang dapat dibaca (mungkin rusak atau bukan .xlsx)`,
    'file.utf16': () => `berkas CSV tersimpan sebagai UTF-16; simpan ulang sebagai "CSV UTF-8 (dipisahkan koma)"`,
    'file.empty': () => `berkas kosong: tidak ada baris judul kolom`,
    'file.noRows': () => `tidak ada baris data di bawah baris judul kolom`,
    'file.noSheet': (p) => `lembar "${p.sheet}" tidak ada (lembar yang ada: ${p.sheets})`,
    'file.jsonSyntax': () => `bukan JSON yang valid (periksa tanda koma, kurung, dan tanda kutip)`,
    'file.jsonEnd': () => `JSON terpotong: berkas berakhir sebelum semua kurung ditutup`,
    'file.csvQuote': () => `tanda kutip (") dibuka tetapi tidak ditutup; periksa isian yang memuat tanda kutip`,
    'file.csvAfterQuote': () => `ada teks setelah tanda kutip penutup; isian yang memuat tanda kutip harus ditulis ""`,
    // Columns.
    'file.missingColumn': (p) => `kolom wajib "${p.column}" tidak ada di baris judul (nama lain yang dikenali: ${p.aliases})`,
    'file.duplicateColumn': (p) => `kolom "${p.column}" muncul lagi (sudah ada sebagai "${p.other}"); kolom ini diabaikan`,
    // Cells.
    'file.required': () => `wajib diisi`,
    'file.duplicateCode': (p) => `kode ${p.code} sudah dipakai di baris ${p.other}`,
    'file.cellError': (p) => `sel berisi galat rumus (${p.value})`,
    'file.badRole': (p) => `peran "${p.value}" tidak dikenal; gunakan ketua, sekretaris, atau anggota`,
    'file.nipNumber': (p) =>
      `NIP tersimpan sebagai angka (${p.value}), sehingga sebagian angkanya sudah hilang atau dibulatkan; ${TEXT_HINT_ID('NIP')}`,
    'file.nipLength': (p) => `NIP harus tepat 18 angka, tertulis "${p.value}" (${p.digits} angka)`,
    'file.nipRounded': (p) =>
      `NIP "${p.value}" berakhir 000: angkanya sudah dibulatkan oleh spreadsheet (nomor urut NIP dimulai dari 001); ${TEXT_HINT_ID('NIP')}`,
    'file.numberAsText': (p) =>
      `isian tersimpan sebagai angka (${p.value}), sehingga angka 0 di depan bisa hilang; ${TEXT_HINT_ID(p.column)}`,
    'file.badDate': (p) => `tanggal "${p.value}" tidak dapat dibaca; tulis sebagai 2026-09-08 atau 8/9/2026 (hari/bulan/tahun)`,
    'file.dateNotText': () => `Excel mengubah isian ini menjadi tanggal; ${TEXT_HINT_ID('ini')}`,
    'file.notNumber': (p) => `"${p.value}" bukan angka`,
    'file.notPositive': (p) => `harus angka lebih dari 0, tertulis ${p.value}`,
    'file.notWholeNumber': (p) => `harus bilangan bulat${p.min === undefined ? '' : ` minimal ${p.min}`}, tertulis ${p.value}`,
    'file.badScale': (p) => `skala "${p.value}" tidak dapat dibaca; contoh: 1-5, 0-100 %, 0-100 langkah 5, a=4; b=3; c=2; d=1`,
    'file.badLevelMap': (p) => `bagian "${p.part}" tidak berbentuk TINGKAT=teks (contoh: 1=Sangat Kurang; 5=Sangat Baik)`,
    'file.badLevel': (p) => `"${p.value}" bukan tingkat skala (angka); pisahkan beberapa tingkat dengan titik koma, misalnya 1; 5`,
    'file.badBand': (p) => `pita "${p.part}" tidak dapat dibaca; contoh: <40=1; <60=2; <75=3; <90=4; >=90=5`,
    'file.badOptions': (p) =>
      `pilihan "${p.part}" tidak berbentuk KUNCI=nilai; contoh: a=4; b=3; c=2; d=1 (keterangan boleh dalam kurung: a=4 (Lengkap))`,
    'file.householdIncomplete': (p) => `indikator kunjungan rumah perlu kolom ${p.missing} juga diisi`,
    'file.labelsNeedScale': () => `label hanya berlaku untuk indikator yang punya Skala sendiri; isi kolom Skala atau kosongkan kolom ini`,
    'file.aspectName': (p) => `nama aspek ${p.code} berbeda dengan baris ${p.other} ("${p.name}")`,
  },
  {
    'file.unreadable': (p) => `File ${p.file} cannot be read: ${p.detail}`,
    'file.at': (p) => location('en', p),
    'file.invalid': (p) => `${location('en', p)}: ${p.problemEn}${more('en', p)}`,
    'file.instrumentNotFound': (p) => `Instrument ${p.code} version ${p.version} is not in the database.`,
    'file.unknownType': (p) => `unrecognised file type; use ${p.expected}`,
    'file.oldXls': () => `old Excel files (.xls) are not supported; open it in Excel and save it as an Excel Workbook (.xlsx)`,
    'file.notXlsx': () => `not a readable Excel .xlsx file (damaged, or not .xlsx)`,
    'file.utf16': () => `the CSV file is saved as UTF-16; save it again as "CSV UTF-8 (comma delimited)"`,
    'file.empty': () => `the file is empty: no header row`,
    'file.noRows': () => `no data rows below the header row`,
    'file.noSheet': (p) => `there is no sheet "${p.sheet}" (sheets: ${p.sheets})`,
    'file.jsonSyntax': () => `not valid JSON (check the commas, brackets and quotation marks)`,
    'file.jsonEnd': () => `truncated JSON: the file ends before every bracket is closed`,
    'file.csvQuote': () => `a quotation mark (") is opened but never closed; check the fields that contain quotation marks`,
    'file.csvAfterQuote': () => `text after a closing quotation mark; a quotation mark inside a field must be written ""`,
    'file.missingColumn': (p) => `required column "${p.column}" is not in the header row (other accepted names: ${p.aliases})`,
    'file.duplicateColumn': (p) => `column "${p.column}" appears again (already present as "${p.other}"); it is ignored`,
    'file.required': () => `is required`,
    'file.duplicateCode': (p) => `code ${p.code} is already used in row ${p.other}`,
    'file.cellError': (p) => `the cell holds a formula error (${p.value})`,
    'file.badRole': (p) => `unknown role "${p.value}"; use ketua, sekretaris or anggota (chair, secretary, member)`,
    'file.nipNumber': (p) =>
      `the NIP is stored as a number (${p.value}), so its digits are already lost or rounded; ${TEXT_HINT_EN('NIP')}`,
    'file.nipLength': (p) => `a NIP must be exactly 18 digits, found "${p.value}" (${p.digits} digits)`,
    'file.nipRounded': (p) =>
      `NIP "${p.value}" ends in 000: a spreadsheet has rounded it (NIP sequence numbers start at 001); ${TEXT_HINT_EN('NIP')}`,
    'file.numberAsText': (p) => `stored as a number (${p.value}), so a leading 0 may be lost; ${TEXT_HINT_EN(p.column)}`,
    'file.badDate': (p) => `cannot read the date "${p.value}"; write it as 2026-09-08 or 8/9/2026 (day/month/year)`,
    'file.dateNotText': () => `Excel turned this entry into a date; ${TEXT_HINT_EN('this')}`,
    'file.notNumber': (p) => `"${p.value}" is not a number`,
    'file.notPositive': (p) => `must be a number above 0, found ${p.value}`,
    'file.notWholeNumber': (p) => `must be a whole number${p.min === undefined ? '' : ` of at least ${p.min}`}, found ${p.value}`,
    'file.badScale': (p) => `cannot read the scale "${p.value}"; examples: 1-5, 0-100 %, 0-100 langkah 5, a=4; b=3; c=2; d=1`,
    'file.badLevelMap': (p) => `part "${p.part}" is not of the form LEVEL=text (example: 1=Sangat Kurang; 5=Sangat Baik)`,
    'file.badLevel': (p) => `"${p.value}" is not a scale level (a number); separate several levels with semicolons, e.g. 1; 5`,
    'file.badBand': (p) => `cannot read the band "${p.part}"; example: <40=1; <60=2; <75=3; <90=4; >=90=5`,
    'file.badOptions': (p) =>
      `option "${p.part}" is not of the form KEY=value; example: a=4; b=3; c=2; d=1 (a label may follow in brackets: a=4 (Lengkap))`,
    'file.householdIncomplete': (p) => `a household-visit indicator also needs the ${p.missing} column filled in`,
    'file.labelsNeedScale': () => `labels apply only to an indicator with its own Scale; fill in the Scale column or empty this one`,
    'file.aspectName': (p) => `the name of aspect ${p.code} differs from row ${p.other} ("${p.name}")`,
  },
);
