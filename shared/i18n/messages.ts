/**
 * Every message a person reads that the core produces (errors, CLI lines), in Indonesian first and English.
 * Errors cross process boundaries as a key plus parameters, and each side renders them in its own language.
 */
import { fileMessages } from './messages-files.js';
import { importMessages } from './messages-import.js';
import { scoringMessages } from './messages-scoring.js';
import { sessionMessages } from './messages-session.js';
import { setupMessages } from './messages-setup.js';
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

const coreId = {
  'error.internal': (p) => `Terjadi kesalahan internal: ${p.detail}`,
  'error.invalidInput': (p) => `Data tidak valid di ${p.path}: ${p.problem}`,
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
  'validate.type': (p) => `harus berupa ${TYPE_NAMES.id[String(p.expected)] ?? p.expected}`,
  'validate.required': () => `wajib diisi`,
  'validate.tooSmall': (p) => `minimal ${p.min}`,
  'validate.tooBig': (p) => `maksimal ${p.max}`,
  'validate.unknownKey': (p) => `kunci tidak dikenal: ${p.keys}`,
  'validate.oneOf': (p) => `harus salah satu dari: ${p.options}`,
  'validate.format': (p) => `format tidak sesuai (${p.format})`,
  'validate.invalid': () => `tidak valid`,
  'validate.json': (p) => `bukan JSON yang valid: ${p.detail}`,
  'validate.formatTag': (p) => `format "${p.found}" tidak didukung; yang didukung: ${p.expected}`,
  'validate.weightsSum': (p) => `jumlah bobot harus 100, sekarang ${p.sum}`,
  'validate.duplicateCode': (p) => `kode ${p.code} sudah dipakai di ${p.other}`,
  'validate.unknownPhase': (p) => `tahap ${p.code} tidak dikenal (tahap yang ada: ${p.known})`,
  'validate.unknownAspect': (p) => `aspek ${p.code} tidak dikenal (aspek yang ada: ${p.known})`,
  'validate.unknownSite': (p) => `lokus ${p.code} tidak dikenal`,
  'validate.scaleMinMax': (p) => `skala tidak wajar: min (${p.min}) harus lebih kecil dari max (${p.max})`,
  'validate.scaleOptions': () => `skala pilihan perlu setidaknya dua nilai berbeda, semuanya ≥ 0`,
  'validate.levelOffScale': (p) => `tingkat "${p.level}" tidak ada pada skala`,
  'validate.bandAtLeastLast': () => `pita nilai rumah tangga: atLeast hanya untuk pita terakhir`,
  'validate.bandAtLeastValue': (p) => `pita nilai rumah tangga: atLeast harus ${p.value} (batas pita sebelumnya), agar tidak ada celah`,
  'validate.bandLastAtLeast': () => `pita nilai rumah tangga: pita terakhir harus atLeast`,
  'validate.bandBelow': (p) => `pita nilai rumah tangga: below harus lebih dari ${p.last} dan paling tinggi 100`,
  'validate.householdScale': () => `tanpa pita nilai, skala indikator rumah tangga harus tepat 0–100`,
  'validate.nip': () => `NIP harus tepat 18 angka (ditulis sebagai teks)`,
  'validate.categoryRequired': () => `pemeringkatan per kategori: setiap lokus wajib punya kategori`,
  'validate.tieBreak': (p) => `urutan penentu seri "${p.entry}" harus berbentuk phase:KODE atau aspect:KODE yang ada`,
} satisfies Catalogue;

const id = { ...coreId, ...fileMessages.id, ...setupMessages.id, ...scoringMessages.id, ...importMessages.id, ...sessionMessages.id };

export type MessageKey = keyof typeof id;

const coreEn: Record<keyof typeof coreId, (p: Params) => string> = {
  'error.internal': (p) => `Internal error: ${p.detail}`,
  'error.invalidInput': (p) => `Invalid data at ${p.path}: ${p.problem}`,
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
  'validate.type': (p) => `must be ${TYPE_NAMES.en[String(p.expected)] ?? p.expected}`,
  'validate.required': () => `is required`,
  'validate.tooSmall': (p) => `must be at least ${p.min}`,
  'validate.tooBig': (p) => `must be at most ${p.max}`,
  'validate.unknownKey': (p) => `unknown key: ${p.keys}`,
  'validate.oneOf': (p) => `must be one of: ${p.options}`,
  'validate.format': (p) => `wrong format (${p.format})`,
  'validate.invalid': () => `is invalid`,
  'validate.json': (p) => `not valid JSON: ${p.detail}`,
  'validate.formatTag': (p) => `format "${p.found}" is not supported; supported: ${p.expected}`,
  'validate.weightsSum': (p) => `weights must sum to 100, they sum to ${p.sum}`,
  'validate.duplicateCode': (p) => `code ${p.code} is already used at ${p.other}`,
  'validate.unknownPhase': (p) => `unknown phase ${p.code} (phases: ${p.known})`,
  'validate.unknownAspect': (p) => `unknown aspect ${p.code} (aspects: ${p.known})`,
  'validate.unknownSite': (p) => `unknown site ${p.code}`,
  'validate.scaleMinMax': (p) => `scale is not sane: min (${p.min}) must be below max (${p.max})`,
  'validate.scaleOptions': () => `an options scale needs at least two distinct values, all ≥ 0`,
  'validate.levelOffScale': (p) => `level "${p.level}" is not on the scale`,
  'validate.bandAtLeastLast': () => `household bands: atLeast is only for the last band`,
  'validate.bandAtLeastValue': (p) => `household bands: atLeast must be ${p.value} (the previous band's limit), leaving no gap`,
  'validate.bandLastAtLeast': () => `household bands: the last band must be atLeast`,
  'validate.bandBelow': (p) => `household bands: below must be above ${p.last} and at most 100`,
  'validate.householdScale': () => `without bands, a household indicator's scale must be exactly 0–100`,
  'validate.nip': () => `a NIP must be exactly 18 digits (written as text)`,
  'validate.categoryRequired': () => `ranking by category: every site needs a category`,
  'validate.tieBreak': (p) => `tie-break entry "${p.entry}" must be phase:CODE or aspect:CODE naming an existing one`,
};

const en: Record<MessageKey, (p: Params) => string> = {
  ...coreEn,
  ...fileMessages.en,
  ...setupMessages.en,
  ...scoringMessages.en,
  ...importMessages.en,
  ...sessionMessages.en,
};

const catalogues: Record<Lang, Record<MessageKey, (p: Params) => string>> = { id, en };

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return catalogues[lang][key](params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}
