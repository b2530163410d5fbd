/** Messages about setting up a competition: saving, instrument versions, coverage warnings. */
import { catalogue } from './types.js';

export const setupMessages = catalogue(
  {
    'instrument.locked': (p) =>
      `Instrumen ${p.code} versi ${p.version} sudah dipakai untuk menilai dan terkunci. Simpan perubahan sebagai versi baru (versi ${p.next}).`,
    'instrument.bundled': (p) =>
      `Instrumen ${p.code} versi ${p.version} adalah instrumen bawaan aplikasi dan tidak dapat diubah langsung. Simpan perubahan sebagai versi baru (versi ${p.next}).`,
    'instrument.shared': (p) =>
      `Instrumen ${p.code} versi ${p.version} juga dipakai oleh lomba ${p.others}. Simpan perubahan sebagai versi baru (versi ${p.next}).`,
    'instrument.mismatch': (p) =>
      `Lomba ini memakai instrumen ${p.code} versi ${p.version}; kode atau versi lain hanya dapat disimpan sebagai versi baru.`,
    'instrument.conflict': (p) =>
      `Instrumen ${p.code} versi ${p.version} sudah ada di basis data dengan isi yang berbeda; beri nomor versi lain.`,
    'instrument.notFound': (p) => `Instrumen ${p.code} versi ${p.version} tidak ada di basis data.`,
    'setup.coverageGap': (p) => `Aspek ${p.aspect} di lokus ${p.site} tidak dinilai oleh juri mana pun.`,
    'setup.codeChange': (p) => `Kode lomba tidak dapat diubah (lomba ${p.code}, isian ${p.found}).`,
    'setup.siteHasScores': (p) => `Lokus ${p.code} tidak dapat dihapus: sudah ada ${p.count} nilai untuk lokus ini.`,
    'setup.jurorHasScores': (p) => `Juri ${p.code} tidak dapat dihapus: juri ini sudah memberi ${p.count} nilai.`,
    'setup.fileIssue': (p) => `Berkas ${p.file} tidak valid di ${p.path}: ${p.problem}`,
    'setup.fileJson': (p) => `Berkas ${p.file} baris ${p.line} kolom ${p.column}: ${p.problem}`,
    'setup.fileMissing': (p) => `Berkas tidak ditemukan: ${p.file}`,
    'setup.initDone': (p) => `Lomba ${p.code} dibuat di ${p.file}: ${p.sites} lokus, ${p.jurors} juri.`,
    'setup.exported': (p) => `Lomba ${p.code} diekspor ke ${p.file}.`,
  },
  {
    'instrument.locked': (p) =>
      `Instrument ${p.code} version ${p.version} has been used for scoring and is locked. Save the changes as a new version (version ${p.next}).`,
    'instrument.bundled': (p) =>
      `Instrument ${p.code} version ${p.version} is built into the app and cannot be changed in place. Save the changes as a new version (version ${p.next}).`,
    'instrument.shared': (p) =>
      `Instrument ${p.code} version ${p.version} is also used by competition ${p.others}. Save the changes as a new version (version ${p.next}).`,
    'instrument.mismatch': (p) =>
      `This competition uses instrument ${p.code} version ${p.version}; another code or version can only be saved as a new version.`,
    'instrument.conflict': (p) =>
      `Instrument ${p.code} version ${p.version} is already in the database with different content; give it another version number.`,
    'instrument.notFound': (p) => `Instrument ${p.code} version ${p.version} is not in the database.`,
    'setup.coverageGap': (p) => `No juror scores aspect ${p.aspect} at site ${p.site}.`,
    'setup.codeChange': (p) => `A competition's code cannot change (competition ${p.code}, given ${p.found}).`,
    'setup.siteHasScores': (p) => `Site ${p.code} cannot be removed: it already has ${p.count} scores.`,
    'setup.jurorHasScores': (p) => `Juror ${p.code} cannot be removed: they have already given ${p.count} scores.`,
    'setup.fileIssue': (p) => `File ${p.file} is invalid at ${p.path}: ${p.problem}`,
    'setup.fileJson': (p) => `File ${p.file} line ${p.line} column ${p.column}: ${p.problem}`,
    'setup.fileMissing': (p) => `File not found: ${p.file}`,
    'setup.initDone': (p) => `Competition ${p.code} created in ${p.file}: ${p.sites} sites, ${p.jurors} jurors.`,
    'setup.exported': (p) => `Competition ${p.code} exported to ${p.file}.`,
  },
);
