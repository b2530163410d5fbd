/**
 * Messages about importing scores from a CSV file (contract.md section 3) and about evidence photos (including what
 * `verify --db` finds wrong with them).
 *
 * The `import.*` problems are shown after a location by `file.invalid` ("nilai.csv, baris 4, kolom score: …"), so
 * they start in lower case and never repeat the file name. Scale numbers are written as a person reads them in
 * each language (3,5 in Indonesian, 3.5 in English); a value quoted from the file is shown as it was written.
 */
import { catalogue, type Params } from './types.js';

const COLUMNS = 'site, juror, indicator, score, note';

const idNumber = (v: Params[string] | undefined): string => String(v ?? '').replace('.', ',');
const enNumber = (v: Params[string] | undefined): string => String(v ?? '');

export const importMessages = catalogue(
  {
    'import.headerMissing': (p) => `kolom wajib "${p.column}" tidak ada di baris judul (nama kolom: ${COLUMNS})`,
    'import.headerUnknown': (p) => `kolom "${p.column}" tidak dikenal; nama kolom yang dipakai: ${COLUMNS}`,
    'import.headerDuplicate': (p) => `kolom "${p.column}" muncul dua kali di baris judul`,
    'import.headerEmpty': (p) => `baris judul punya kolom tanpa nama (kolom ke-${p.index}); nama kolom yang dipakai: ${COLUMNS}`,
    'import.extraFields': (p) => `baris ini berisi ${p.found} isian, padahal baris judul hanya punya ${p.expected} kolom`,
    'import.required': () => `wajib diisi`,
    'import.unknownSite': (p) => `lokus ${p.code} tidak ada di lomba ${p.competition}`,
    'import.unknownJuror': (p) => `juri ${p.code} tidak ada di lomba ${p.competition}`,
    'import.unknownIndicator': (p) => `indikator ${p.code} tidak ada di instrumen ${p.instrument} versi ${p.version}`,
    'import.aspectNotAssigned': (p) =>
      `juri ${p.juror} tidak ditugasi menilai aspek ${p.aspect}, jadi tidak dapat memberi nilai indikator ${p.indicator}`,
    'import.recused': (p) => `juri ${p.juror} tidak boleh menilai lokus ${p.site} (dikecualikan karena konflik kepentingan)`,
    'import.sheetFinal': (p) =>
      `lembar penilaian juri ${p.juror} untuk lokus ${p.site} sudah difinalkan; nilainya tidak dapat diubah lewat impor`,
    'import.duplicateCell': (p) => `lokus ${p.site}, juri ${p.juror}, indikator ${p.indicator} sudah ada di baris ${p.other}`,
    'import.scoreEmpty': () => `nilai kosong`,
    'import.scoreUnreadable': (p) => `nilai "${p.value}" tidak dapat dibaca sebagai angka (contoh: 4 atau 3,5)`,
    'import.offRange': (p) => `nilai ${p.value} di luar skala indikator ${p.indicator} (${idNumber(p.min)}–${idNumber(p.max)})`,
    'import.offStep': (p) =>
      `nilai ${p.value} tidak sesuai langkah skala indikator ${p.indicator} (${idNumber(p.min)}–${idNumber(p.max)}, langkah ${idNumber(p.step)})`,
    'import.offOptions': (p) => `nilai ${p.value} bukan salah satu nilai skala indikator ${p.indicator} (${p.values})`,
    'import.noteTooLong': (p) => `catatan terlalu panjang (${p.length} karakter; paling banyak ${p.max})`,
    'import.done': (p) =>
      `Nilai dari ${p.file} diimpor ke lomba ${p.competition}: ${p.rows} baris, ${p.changed} nilai baru atau berubah, ${p.unchanged} nilai tetap, ${p.notes} catatan baru atau berubah.`,

    'evidence.empty': (p) => `Berkas ${p.name} kosong.`,
    'evidence.wrongType': (p) => `Berkas ${p.name} disebut gambar ${p.expected}, tetapi isinya gambar ${p.found}.`,
    'evidence.notImage': (p) => `Berkas ${p.name} bukan gambar JPEG, PNG, atau WebP; pilih berkas foto.`,
    'evidence.tooBig': (p) =>
      `Foto ${p.name} terlalu besar (${idNumber(p.size)} MB); paling besar ${p.max} MB. Perkecil fotonya lalu coba lagi.`,
    'evidence.thumbnailType': (p) => `Gambar kecil (thumbnail) foto ${p.name} bukan JPEG.`,
    'evidence.thumbnailTooBig': (p) => `Gambar kecil (thumbnail) foto ${p.name} terlalu besar (paling besar ${p.max} KB).`,
    'evidence.notFound': (p) => `Foto bukti ${p.uuid} tidak ada di basis data.`,
    'evidence.fileMissing': (p) =>
      `Berkas foto bukti ${p.name} tidak ada di folder ${p.folder}; folder itu harus disalin bersama berkas basis data.`,
    'evidence.damaged': (p) => `Berkas foto bukti ${p.name} di folder ${p.folder} rusak atau telah diubah (SHA-256 tidak cocok).`,
    'evidence.notWritable': (p) => `Foto tidak dapat disimpan di folder ${p.folder}: ${p.detail}`,

    // `verify --db` problems: shown after "Basis data … tidak lolos pemeriksaan: ", so in lower case.
    'verify.evidenceUnrecorded': (p) =>
      `foto bukti ${p.name} (${p.uuid}) indikator ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) ada di tabel evidence tanpa entri riwayat yang menambahkannya`,
    'verify.evidenceRemoveUnrecorded': (p) =>
      `foto bukti ${p.name} (${p.uuid}) indikator ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) ditandai dihapus tanpa tercatat di riwayat`,
    'verify.evidenceNotRemoved': (p) =>
      `foto bukti ${p.name} (${p.uuid}) indikator ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) dihapus menurut entri riwayat #${p.id}, tetapi barisnya tidak ditandai dihapus`,
    'verify.evidenceNoRow': (p) =>
      `entri riwayat #${p.id} mencatat foto bukti ${p.name} (sha256 ${p.sha}…) indikator ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}), tetapi barisnya tidak ada di tabel evidence`,
    'verify.evidenceFileMissing': (p) =>
      `berkas ${p.file} (${Number(p.thumbnail) ? 'gambar kecil foto' : 'foto'} bukti ${p.name}, indikator ${p.indicator} juri ${p.juror} di lokus ${p.site}, lomba ${p.competition}) tidak ada di folder ${p.folder}`,
    'verify.evidenceFileChanged': (p) =>
      `berkas ${p.file} (${Number(p.thumbnail) ? 'gambar kecil foto' : 'foto'} bukti ${p.name}, indikator ${p.indicator} juri ${p.juror} di lokus ${p.site}, lomba ${p.competition}) di folder ${p.folder} telah diubah: SHA-256 isinya tidak sama dengan namanya`,
  },
  {
    'import.headerMissing': (p) => `required column "${p.column}" is not in the header row (column names: ${COLUMNS})`,
    'import.headerUnknown': (p) => `unknown column "${p.column}"; the column names are: ${COLUMNS}`,
    'import.headerDuplicate': (p) => `column "${p.column}" appears twice in the header row`,
    'import.headerEmpty': (p) => `the header row has a column without a name (column ${p.index}); the column names are: ${COLUMNS}`,
    'import.extraFields': (p) => `this line holds ${p.found} fields, but the header row has only ${p.expected} columns`,
    'import.required': () => `is required`,
    'import.unknownSite': (p) => `no site ${p.code} in competition ${p.competition}`,
    'import.unknownJuror': (p) => `no juror ${p.code} in competition ${p.competition}`,
    'import.unknownIndicator': (p) => `no indicator ${p.code} in instrument ${p.instrument} version ${p.version}`,
    'import.aspectNotAssigned': (p) => `juror ${p.juror} is not assigned aspect ${p.aspect}, so cannot score indicator ${p.indicator}`,
    'import.recused': (p) => `juror ${p.juror} must not score site ${p.site} (recused for a conflict of interest)`,
    'import.sheetFinal': (p) => `juror ${p.juror}'s score sheet for site ${p.site} is finalised; an import cannot change it`,
    'import.duplicateCell': (p) => `site ${p.site}, juror ${p.juror}, indicator ${p.indicator} is already on line ${p.other}`,
    'import.scoreEmpty': () => `the score is empty`,
    'import.scoreUnreadable': (p) => `cannot read the score "${p.value}" as a number (examples: 4 or 3.5)`,
    'import.offRange': (p) => `score ${p.value} is outside the scale of indicator ${p.indicator} (${enNumber(p.min)}–${enNumber(p.max)})`,
    'import.offStep': (p) =>
      `score ${p.value} is not on the steps of indicator ${p.indicator}'s scale (${enNumber(p.min)}–${enNumber(p.max)} in steps of ${enNumber(p.step)})`,
    'import.offOptions': (p) => `score ${p.value} is not one of the values of indicator ${p.indicator}'s scale (${p.values})`,
    'import.noteTooLong': (p) => `the note is too long (${p.length} characters; at most ${p.max})`,
    'import.done': (p) =>
      `Scores from ${p.file} imported into competition ${p.competition}: ${p.rows} lines, ${p.changed} scores new or changed, ${p.unchanged} unchanged, ${p.notes} notes new or changed.`,

    'evidence.empty': (p) => `File ${p.name} is empty.`,
    'evidence.wrongType': (p) => `File ${p.name} is declared a ${p.expected} image, but its content is a ${p.found} image.`,
    'evidence.notImage': (p) => `File ${p.name} is not a JPEG, PNG or WebP image; choose a photo file.`,
    'evidence.tooBig': (p) =>
      `Photo ${p.name} is too big (${enNumber(p.size)} MB); at most ${p.max} MB. Make the photo smaller and try again.`,
    'evidence.thumbnailType': (p) => `The thumbnail of photo ${p.name} is not a JPEG.`,
    'evidence.thumbnailTooBig': (p) => `The thumbnail of photo ${p.name} is too big (at most ${p.max} KB).`,
    'evidence.notFound': (p) => `No evidence photo ${p.uuid} in the database.`,
    'evidence.fileMissing': (p) =>
      `The evidence photo file ${p.name} is missing from folder ${p.folder}; that folder must be copied along with the database file.`,
    'evidence.damaged': (p) =>
      `The evidence photo file ${p.name} in folder ${p.folder} is damaged or was changed (SHA-256 does not match).`,
    'evidence.notWritable': (p) => `The photo cannot be saved in folder ${p.folder}: ${p.detail}`,

    'verify.evidenceUnrecorded': (p) =>
      `evidence photo ${p.name} (${p.uuid}) for indicator ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) is in the evidence table without a history entry adding it`,
    'verify.evidenceRemoveUnrecorded': (p) =>
      `evidence photo ${p.name} (${p.uuid}) for indicator ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) was marked removed without a history entry`,
    'verify.evidenceNotRemoved': (p) =>
      `evidence photo ${p.name} (${p.uuid}) for indicator ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) was removed by history entry #${p.id}, but its row is not marked removed`,
    'verify.evidenceNoRow': (p) =>
      `history entry #${p.id} records evidence photo ${p.name} (sha256 ${p.sha}…) for indicator ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}), but the evidence table has no row for it`,
    'verify.evidenceFileMissing': (p) =>
      `file ${p.file} (${Number(p.thumbnail) ? 'thumbnail of evidence photo' : 'evidence photo'} ${p.name}, indicator ${p.indicator}, juror ${p.juror}, site ${p.site}, competition ${p.competition}) is missing from folder ${p.folder}`,
    'verify.evidenceFileChanged': (p) =>
      `file ${p.file} (${Number(p.thumbnail) ? 'thumbnail of evidence photo' : 'evidence photo'} ${p.name}, indicator ${p.indicator}, juror ${p.juror}, site ${p.site}, competition ${p.competition}) in folder ${p.folder} was changed: the SHA-256 of its content does not match its name`,
  },
);
