/**
 * Every message a person reads that the core produces (errors, CLI lines), in Indonesian first and English.
 * Errors cross process boundaries as a key plus parameters, and each side renders them in its own language.
 */
import { analysisMessages } from './messages-analysis.js';
import { exchangeMessages } from './messages-exchange.js';
import { fileMessages } from './messages-files.js';
import { importMessages } from './messages-import.js';
import { rankingMessages } from './messages-ranking.js';
import { plenoMessages } from './messages-pleno.js';
import { scoringMessages } from './messages-scoring.js';
import { sessionMessages } from './messages-session.js';
import { pinsMessages } from './messages-pins.js';
import { setupMessages } from './messages-setup.js';
import { workbookMessages } from './messages-workbook.js';
import { documentsMessages } from './messages-documents.js';
import { lembarMessages } from './messages-lembar.js';
import { signaturesMessages } from './messages-signatures.js';
import { bundleMessages } from './messages-bundle.js';
import { bridgeMessages } from './messages-bridge.js';
import { diskMessages } from './messages-disk.js';
import { tamperMessages } from './messages-tamper.js';
import { backupMessages } from './messages-backup.js';
import { inputMessages } from './messages-input.js';
import { formatNumber } from '../domain/numbers.js';
import { echo, LIMITS } from '../domain/text-hygiene.js';
import type { Catalogue, Lang, Params } from './types.js';

export type { Lang, Params } from './types.js';

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  id: {
    string: 'teks',
    number: 'angka',
    int: 'bilangan bulat',
    boolean: 'benar/salah',
    array: 'daftar',
    object: 'objek',
    bytes: 'isi berkas',
  },
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true/false',
    array: 'a list',
    object: 'an object',
    bytes: 'file contents',
  },
};

/** The field a validation message is about ("Kode lomba"), set by `describeIssue` from the path; else "Isian ini". */
const label = (p: Params, lang: Lang): string => String(p.label ?? (lang === 'id' ? 'Isian ini' : 'This value'));
const example = (p: Params, lang: Lang): string =>
  p.example === undefined ? '' : lang === 'id' ? `, misalnya ${p.example}` : `, for example ${p.example}`;
/** A number quoted in a message, with the reader's decimal mark (3,5 in Indonesian); whole numbers as they are (2026). */
const num = (v: Params[string] | undefined, lang: Lang): string => {
  const text = String(v ?? '');
  const decimals = /^-?\d+\.(\d{1,9})$/.exec(text)?.[1]?.length;
  return decimals === undefined ? text : formatNumber(Number(text), decimals, lang);
};

const coreId = {
  'error.internal': (p) => `Terjadi kesalahan internal: ${p.detail}`,
  'error.unknownChannel': (p) => `Perintah tidak dikenal: ${p.channel}`,
  'error.forbidden': () => `Akses ditolak: token tidak ada atau salah.`,
  'error.forbiddenSender': () => `Akses ditolak: permintaan tidak berasal dari jendela aplikasi Penilai.`,
  'error.unsupported': () => `Fitur ini hanya tersedia di aplikasi desktop.`,
  'db.notFound': (p) => `Berkas basis data tidak ditemukan: ${p.file}`,
  'db.newer': (p) =>
    `Basis data ${p.file} dibuat oleh Penilai versi lebih baru (skema ${p.found}, versi ini mengenal sampai ${p.known}). Perbarui Penilai; berkas tidak diubah.`,
  'db.notPenilai': (p) => `Berkas ${p.file} bukan basis data Penilai yang dapat dibaca: ${p.detail}`,
  'competition.none': (p) => `Basis data ${p.file} belum berisi lomba.`,
  'competition.ambiguous': (p) => `Basis data berisi beberapa lomba (${p.codes}); pilih satu dengan --competition KODE.`,
  'competition.notFound': (p) => `Lomba dengan kode ${p.code} tidak ada di basis data.`,
  'competition.exists': (p) => `Lomba dengan kode ${p.code} sudah ada di basis data.`,
  'competition.uuidTaken': (p) =>
    `Identitas lomba (uuid) ${p.uuid} sudah dipakai lomba ${p.other} di basis data ini. Berkas ini adalah lomba yang sama atau salinannya; hapus "uuid" dari berkas bila memang lomba baru.`,
  'competition.uuidChange': (p) => `Identitas lomba (uuid) tidak dapat diubah: lomba ${p.code} tetap ${p.uuid}.`,
  'site.notFound': (p) => `Lokus dengan kode ${p.code} tidak ada.`,
  'juror.notFound': (p) => `Juri dengan kode ${p.code} tidak ada.`,
  'indicator.notFound': (p) => `Indikator dengan kode ${p.code} tidak ada di instrumen.`,
  'score.notEligible': (p) => `Juri ${p.juror} tidak menilai indikator ${p.indicator} di lokus ${p.site}.`,
  'score.offScale': (p) => `Nilai ${p.value} untuk indikator ${p.indicator} tidak ada pada skala (${p.scale}).`,
  'score.offRange': (p) =>
    `Nilai ${p.value} untuk indikator ${p.indicator} tidak ada pada skala ${p.min}–${p.max} dengan langkah ${p.step}.`,
  'score.sheetFinal': (p) => `Lembar penilaian juri ${p.juror} untuk lokus ${p.site} sudah difinalkan.`,
  'cli.usage': (p) => `Perintah tidak dikenal atau tidak lengkap: ${p.detail}. Lihat: npm run cli -- help`,
  'cli.missingOption': (p) => `Opsi ${p.option} wajib diisi untuk perintah ${p.command}.`,
  'cli.badOption': (p) => `Nilai opsi ${p.option} tidak valid: ${p.value} (${p.expected}).`,
  'cli.outDirMissing': (p) => `Folder tujuan tidak ada: ${p.dir}`,
  'cli.outNotWritable': (p) => `Tidak dapat menulis berkas ${p.file}: ${p.detail}`,
  'cli.demoCreated': (p) => `Lomba demo DEMO dibuat di ${p.file}: ${p.sites} lokus, ${p.jurors} juri, ${p.scores} nilai.`,
  'cli.reportWritten': (p) => `Laporan ditulis ke ${p.file} (${p.pages} halaman).`,
  'cli.demoExists': () => `Basis data sudah berisi lomba DEMO; gunakan berkas lain.`,
  'validate.type': (p) =>
    p.expected === 'number' || p.expected === 'int'
      ? `${label(p, 'id')} harus berupa ${TYPE_NAMES.id[String(p.expected)]}${example(p, 'id')}`
      : `${label(p, 'id')} harus berupa ${TYPE_NAMES.id[String(p.expected)] ?? p.expected}`,
  'validate.required': (p) => `${label(p, 'id')} wajib diisi`,
  'validate.tooSmall': (p) =>
    p.origin === 'string'
      ? `${label(p, 'id')} paling sedikit ${num(p.min, 'id')} karakter`
      : p.origin === 'array' || p.origin === 'set'
        ? `${label(p, 'id')} harus berisi paling sedikit ${num(p.min, 'id')} baris`
        : p.inclusive === 'no'
          ? `${label(p, 'id')} harus lebih dari ${num(p.min, 'id')}`
          : `${label(p, 'id')} tidak boleh kurang dari ${num(p.min, 'id')}`,
  'validate.tooBig': (p) =>
    p.origin === 'string'
      ? `${label(p, 'id')} paling panjang ${num(p.max, 'id')} karakter`
      : p.origin === 'array' || p.origin === 'set'
        ? `${label(p, 'id')} paling banyak ${num(p.max, 'id')} baris`
        : p.inclusive === 'no'
          ? `${label(p, 'id')} harus kurang dari ${num(p.max, 'id')}`
          : `${label(p, 'id')} tidak boleh lebih dari ${num(p.max, 'id')}`,
  'validate.unknownKey': (p) => `${label(p, 'id')} memuat isian yang tidak dikenal: ${p.keys}`,
  'validate.oneOf': (p) => `${label(p, 'id')} harus salah satu dari: ${p.options}`,
  'validate.format': (p) =>
    p.format === 'YYYY-MM-DD'
      ? `${label(p, 'id')} bukan tanggal yang benar (tahun-bulan-hari${example(p, 'id')})`
      : `${label(p, 'id')} tidak sesuai bentuk yang diminta (${p.format})`,
  'validate.invalid': (p) => `${label(p, 'id')} tidak valid`,
  'validate.json': (p) => `bukan JSON yang valid${p.detail === undefined ? '' : `: ${p.detail}`}`,
  'validate.formatTag': (p) => `format "${p.found}" tidak didukung; yang didukung: ${p.expected}`,
  'validate.weightsSum': (p) => `Jumlah bobot semua indikator harus 100, sekarang ${num(p.sum, 'id')}`,
  'validate.duplicateCode': (p) => `Kode ${p.code} sudah dipakai di ${p.other}`,
  'validate.unknownPhase': (p) => `Tahap ${p.code} tidak ada di instrumen (tahap yang ada: ${p.known})`,
  'validate.unknownAspect': (p) => `Aspek ${p.code} tidak ada di instrumen (aspek yang ada: ${p.known})`,
  'validate.unknownSite': (p) => `Lokus ${p.code} tidak ada di lomba ini`,
  'validate.scaleMinMax': (p) =>
    `Skala tidak wajar: nilai terendah (${num(p.min, 'id')}) harus lebih kecil dari nilai tertinggi (${num(p.max, 'id')})`,
  'validate.scaleOptions': () => `Skala pilihan perlu setidaknya dua nilai berbeda, semuanya 0 atau lebih`,
  'validate.levelOffScale': (p) => `Tingkat "${num(p.level, 'id')}" tidak ada pada skala`,
  'validate.bandAtLeastLast': () => `Pita nilai rumah tangga: hanya pita terakhir yang boleh tanpa batas atas`,
  'validate.bandAtLeastValue': (p) =>
    `Pita nilai rumah tangga: pita terakhir harus mulai dari ${num(p.value, 'id')} (batas pita sebelumnya), agar tidak ada celah`,
  'validate.bandLastAtLeast': () => `Pita nilai rumah tangga: pita terakhir harus berlaku sampai 100`,
  'validate.bandBelow': (p) => `Pita nilai rumah tangga: batas pita harus lebih dari ${num(p.last, 'id')} dan paling tinggi 100`,
  'validate.householdScale': () => `Tanpa pita nilai, skala indikator rumah tangga harus tepat 0–100`,
  'validate.nip': (p) => `${label(p, 'id')} harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)`,
  'validate.categoryRequired': (p) => `${label(p, 'id')} wajib diisi bila pemeringkatan per kategori`,
  'validate.tieBreak': (p) => `Penentu seri "${p.entry}" tidak menunjuk tahap atau aspek yang ada di instrumen`,
  'validate.competitionCode': (p) =>
    `${label(p, 'id')} hanya boleh berisi huruf besar, angka dan tanda hubung (misalnya P2WKSS-JABAR-2026)`,
  'validate.endBeforeStart': () => `Tanggal selesai tidak boleh sebelum tanggal mulai`,
  'validate.uuid': (p) =>
    `${label(p, 'id')} harus berupa UUID: 32 angka heksadesimal dalam kelompok 8-4-4-4-12, misalnya 3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10. Hapus isian ini agar aplikasi membuatnya sendiri.`,
  'validate.logo': (p) =>
    `${label(p, 'id')} harus berupa gambar PNG atau JPEG yang disertakan di berkas (data:image/png atau data:image/jpeg), bukan alamat atau nama berkas`,
} satisfies Catalogue;

const id = {
  ...coreId,
  ...fileMessages.id,
  ...setupMessages.id,
  ...scoringMessages.id,
  ...importMessages.id,
  ...sessionMessages.id,
  ...pinsMessages.id,
  ...rankingMessages.id,
  ...plenoMessages.id,
  ...exchangeMessages.id,
  ...analysisMessages.id,
  ...workbookMessages.id,
  ...documentsMessages.id,
  ...lembarMessages.id,
  ...signaturesMessages.id,
  ...bundleMessages.id,
  ...bridgeMessages.id,
  ...diskMessages.id,
  ...tamperMessages.id,
  ...backupMessages.id,
  ...inputMessages.id,
};

export type MessageKey = keyof typeof id;

const coreEn: Record<keyof typeof coreId, (p: Params) => string> = {
  'error.internal': (p) => `Internal error: ${p.detail}`,
  'error.unknownChannel': (p) => `Unknown command: ${p.channel}`,
  'error.forbidden': () => `Access denied: missing or wrong token.`,
  'error.forbiddenSender': () => `Access denied: the request did not come from Penilai's own window.`,
  'error.unsupported': () => `This feature is only available in the desktop app.`,
  'db.notFound': (p) => `Database file not found: ${p.file}`,
  'db.newer': (p) =>
    `Database ${p.file} was made by a newer Penilai (schema ${p.found}; this version knows up to ${p.known}). Update Penilai; the file was not changed.`,
  'db.notPenilai': (p) => `${p.file} is not a readable Penilai database: ${p.detail}`,
  'competition.none': (p) => `Database ${p.file} holds no competition yet.`,
  'competition.ambiguous': (p) => `The database holds several competitions (${p.codes}); choose one with --competition CODE.`,
  'competition.notFound': (p) => `No competition with code ${p.code} in the database.`,
  'competition.exists': (p) => `A competition with code ${p.code} already exists in the database.`,
  'competition.uuidTaken': (p) =>
    `Competition identity (uuid) ${p.uuid} is already used by competition ${p.other} in this database. This file is the same competition or a copy of it; remove "uuid" from the file if it really is a new one.`,
  'competition.uuidChange': (p) => `A competition's identity (uuid) cannot change: competition ${p.code} stays ${p.uuid}.`,
  'site.notFound': (p) => `No site with code ${p.code}.`,
  'juror.notFound': (p) => `No juror with code ${p.code}.`,
  'indicator.notFound': (p) => `No indicator with code ${p.code} in the instrument.`,
  'score.notEligible': (p) => `Juror ${p.juror} does not score indicator ${p.indicator} at site ${p.site}.`,
  'score.offScale': (p) => `Score ${p.value} for indicator ${p.indicator} is not on the scale (${p.scale}).`,
  'score.offRange': (p) => `Score ${p.value} for indicator ${p.indicator} is not on the scale ${p.min}–${p.max} in steps of ${p.step}.`,
  'score.sheetFinal': (p) => `Juror ${p.juror}'s score sheet for site ${p.site} is finalised.`,
  'cli.usage': (p) => `Unknown or incomplete command: ${p.detail}. See: npm run cli -- help`,
  'cli.missingOption': (p) => `Option ${p.option} is required for ${p.command}.`,
  'cli.badOption': (p) => `Invalid value for ${p.option}: ${p.value} (${p.expected}).`,
  'cli.outDirMissing': (p) => `Output folder does not exist: ${p.dir}`,
  'cli.outNotWritable': (p) => `Cannot write ${p.file}: ${p.detail}`,
  'cli.demoCreated': (p) => `Demo competition DEMO created in ${p.file}: ${p.sites} sites, ${p.jurors} jurors, ${p.scores} scores.`,
  'cli.reportWritten': (p) => `Report written to ${p.file} (${p.pages} pages).`,
  'cli.demoExists': () => `The database already holds competition DEMO; use another file.`,
  'validate.type': (p) =>
    p.expected === 'number' || p.expected === 'int'
      ? `${label(p, 'en')} must be ${TYPE_NAMES.en[String(p.expected)]}${example(p, 'en')}`
      : `${label(p, 'en')} must be ${TYPE_NAMES.en[String(p.expected)] ?? p.expected}`,
  'validate.required': (p) => `${label(p, 'en')} is required`,
  'validate.tooSmall': (p) =>
    p.origin === 'string'
      ? `${label(p, 'en')} needs at least ${num(p.min, 'en')} characters`
      : p.origin === 'array' || p.origin === 'set'
        ? `${label(p, 'en')} needs at least ${num(p.min, 'en')} rows`
        : p.inclusive === 'no'
          ? `${label(p, 'en')} must be more than ${num(p.min, 'en')}`
          : `${label(p, 'en')} cannot be less than ${num(p.min, 'en')}`,
  'validate.tooBig': (p) =>
    p.origin === 'string'
      ? `${label(p, 'en')} can have at most ${num(p.max, 'en')} characters`
      : p.origin === 'array' || p.origin === 'set'
        ? `${label(p, 'en')} can have at most ${num(p.max, 'en')} rows`
        : p.inclusive === 'no'
          ? `${label(p, 'en')} must be less than ${num(p.max, 'en')}`
          : `${label(p, 'en')} cannot be more than ${num(p.max, 'en')}`,
  'validate.unknownKey': (p) => `${label(p, 'en')} holds fields that are not known: ${p.keys}`,
  'validate.oneOf': (p) => `${label(p, 'en')} must be one of: ${p.options}`,
  'validate.format': (p) =>
    p.format === 'YYYY-MM-DD'
      ? `${label(p, 'en')} is not a valid date (year-month-day${example(p, 'en')})`
      : `${label(p, 'en')} is not in the form asked for (${p.format})`,
  'validate.invalid': (p) => `${label(p, 'en')} is not valid`,
  'validate.json': (p) => `not valid JSON${p.detail === undefined ? '' : `: ${p.detail}`}`,
  'validate.formatTag': (p) => `format "${p.found}" is not supported; supported: ${p.expected}`,
  'validate.weightsSum': (p) => `The weights of all indicators must add up to 100; they add up to ${num(p.sum, 'en')}`,
  'validate.duplicateCode': (p) => `Code ${p.code} is already used by ${p.other}`,
  'validate.unknownPhase': (p) => `Phase ${p.code} is not in the instrument (its phases: ${p.known})`,
  'validate.unknownAspect': (p) => `Aspect ${p.code} is not in the instrument (its aspects: ${p.known})`,
  'validate.unknownSite': (p) => `Site ${p.code} is not in this competition`,
  'validate.scaleMinMax': (p) =>
    `The scale is not sane: its lowest value (${num(p.min, 'en')}) must be below its highest (${num(p.max, 'en')})`,
  'validate.scaleOptions': () => `An options scale needs at least two different values, all 0 or more`,
  'validate.levelOffScale': (p) => `Level "${num(p.level, 'en')}" is not on the scale`,
  'validate.bandAtLeastLast': () => `Household bands: only the last band may have no upper limit`,
  'validate.bandAtLeastValue': (p) =>
    `Household bands: the last band must start at ${num(p.value, 'en')} (the previous band's limit), leaving no gap`,
  'validate.bandLastAtLeast': () => `Household bands: the last band must reach 100`,
  'validate.bandBelow': (p) => `Household bands: a band's limit must be above ${num(p.last, 'en')} and at most 100`,
  'validate.householdScale': () => `Without bands, a household indicator's scale must be exactly 0–100`,
  'validate.nip': (p) => `${label(p, 'en')} must be exactly 18 digits, e.g. 19700315 199503 2 001 (spaces allowed)`,
  'validate.categoryRequired': (p) => `${label(p, 'en')} is required when sites are ranked by category`,
  'validate.tieBreak': (p) => `Tie-break "${p.entry}" does not name a phase or aspect of the instrument`,
  'validate.competitionCode': (p) => `${label(p, 'en')} may hold only capital letters, digits and dashes (e.g. P2WKSS-JABAR-2026)`,
  'validate.endBeforeStart': () => `The end date cannot be before the start date`,
  'validate.uuid': (p) =>
    `${label(p, 'en')} must be a UUID: 32 hexadecimal digits in groups of 8-4-4-4-12, e.g. 3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10. Remove it to let the app make one.`,
  'validate.logo': (p) =>
    `${label(p, 'en')} must be a PNG or JPEG picture held in the file (data:image/png or data:image/jpeg), not an address or a file name`,
};

const en: Record<MessageKey, (p: Params) => string> = {
  ...coreEn,
  ...fileMessages.en,
  ...setupMessages.en,
  ...scoringMessages.en,
  ...importMessages.en,
  ...sessionMessages.en,
  ...pinsMessages.en,
  ...rankingMessages.en,
  ...plenoMessages.en,
  ...exchangeMessages.en,
  ...analysisMessages.en,
  ...workbookMessages.en,
  ...documentsMessages.en,
  ...lembarMessages.en,
  ...signaturesMessages.en,
  ...bundleMessages.en,
  ...bridgeMessages.en,
  ...diskMessages.en,
  ...tamperMessages.en,
  ...backupMessages.en,
  ...inputMessages.en,
};

const catalogues: Record<Lang, Record<MessageKey, (p: Params) => string>> = { id, en };

/**
 * A message with its parameters made safe to show: no parameter brings a control, bidirectional or invisible
 * character into a message (a line break becomes a space), and none is longer than LIMITS.message characters.
 */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const safe: Params = {};
  for (const [name, value] of Object.entries(params)) safe[name] = typeof value === 'string' ? echo(value, LIMITS.message) : value;
  return catalogues[lang][key](safe);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
