/** Messages of backups and the start check (`backup`, `restore`, `backup.*`, a damaged database at start). */
import { catalogue } from './types.js';

export const backupMessages = catalogue(
  {
    'backup.folderUnwritable': (p) => `Folder cadangan ${p.folder} tidak dapat ditulisi: ${p.detail}`,
    'backup.folderMissing': (p) => `Folder ${p.folder} tidak ada: pilih folder yang ada (misalnya di flashdisk yang terpasang).`,
    'backup.notFound': (p) => `Cadangan ${p.backup} tidak ditemukan.`,
    'backup.notBackup': (p) => `${p.backup} bukan cadangan Penilai: tidak ada manifest.json yang dapat dibaca di dalamnya.`,
    'backup.databaseMissing': (p) => `Cadangan ${p.backup} tidak lengkap: berkas basis datanya tidak ada.`,
    'backup.truncated': (p) => `Cadangan ${p.backup} terpotong: basis datanya ${p.bytes} bita, padahal seharusnya ${p.expected} bita.`,
    'backup.hashMismatch': (p) =>
      `Basis data di cadangan ${p.backup} tidak sama dengan yang dicatat manifesnya (SHA-256 seharusnya ${p.sha}…): isinya berubah atau rusak.`,
    'backup.photoMissing': (p) => `Cadangan ${p.backup} tidak lengkap: foto bukti ${p.file} tidak ada.`,
    'backup.photoDamaged': (p) => `Foto bukti ${p.file} di cadangan ${p.backup} rusak: isinya tidak cocok dengan namanya (SHA-256).`,
    'backup.databaseDamaged': (p) => `Basis data di cadangan ${p.backup} rusak: ${p.detail}`,
    'backup.headsDiffer': (p) => `Ujung rantai riwayat di cadangan ${p.backup} tidak sama dengan yang dicatat manifesnya.`,
    'backup.unreadable': () => `berkasnya tidak dapat dibuka`,
    'backup.quickCheck': () => `pemeriksaan SQLite menemukan halaman berkas yang rusak`,
    'backup.headBroken': (p) => `ujung rantai riwayat perangkat ${p.device} tidak utuh`,
    'backup.restoreRefused': (p) => `Cadangan ${p.backup} tidak dipulihkan: ${p.problem} Tidak ada yang diubah.`,
    'backup.damagedOffer': (p) =>
      `Basis data ${p.file} rusak dan tidak dibuka: ${p.problem}. Cadangan utuh terbaru: ${p.time} (${p.backup}); nilai yang dicatat sesudahnya (${p.since}) akan hilang bila cadangan itu dipulihkan. Pulihkan dengan: restore --db ${p.file} --from ${p.from}`,
    'backup.damagedNone': (p) => `Basis data ${p.file} rusak dan tidak dibuka: ${p.problem}. Tidak ada cadangan utuh di ${p.from}.`,
    'backup.damagedClosed': () => `Basis data rusak dan tidak dibuka: pulihkan cadangan dahulu di layar Cadangan.`,
    'backup.cliCreated': (p) => `Cadangan ${p.backup} ditulis ke ${p.folder}: ${p.scores} nilai, ${p.photos} foto, ${p.size}.`,
    'backup.cliRestored': (p) => `Cadangan ${p.backup} (${p.time}) dipulihkan ke ${p.file}: ${p.scores} nilai, ${p.photos} foto.`,
    'backup.cliBefore': (p) => `Keadaan sebelumnya dicadangkan dahulu sebagai ${p.backup}.`,
    'backup.cliKeptDamaged': (p) => `Berkas basis data yang rusak disimpan di ${p.folder}.`,
  },
  {
    'backup.folderUnwritable': (p) => `Cannot write to backup folder ${p.folder}: ${p.detail}`,
    'backup.folderMissing': (p) =>
      `Folder ${p.folder} does not exist: choose a folder that does (for instance on a plugged-in flash drive).`,
    'backup.notFound': (p) => `Backup ${p.backup} not found.`,
    'backup.notBackup': (p) => `${p.backup} is not a Penilai backup: it holds no readable manifest.json.`,
    'backup.databaseMissing': (p) => `Backup ${p.backup} is incomplete: its database file is missing.`,
    'backup.truncated': (p) => `Backup ${p.backup} is truncated: its database has ${p.bytes} bytes where it should have ${p.expected}.`,
    'backup.hashMismatch': (p) =>
      `The database in backup ${p.backup} is not the one its manifest records (SHA-256 should be ${p.sha}…): it was changed or damaged.`,
    'backup.photoMissing': (p) => `Backup ${p.backup} is incomplete: evidence photo ${p.file} is missing.`,
    'backup.photoDamaged': (p) =>
      `Evidence photo ${p.file} in backup ${p.backup} is damaged: its content does not match its name (SHA-256).`,
    'backup.databaseDamaged': (p) => `The database in backup ${p.backup} is damaged: ${p.detail}`,
    'backup.headsDiffer': (p) => `The ledger heads in backup ${p.backup} are not the ones its manifest records.`,
    'backup.unreadable': () => `the file cannot be opened`,
    'backup.quickCheck': () => `SQLite's check found damaged pages in the file`,
    'backup.headBroken': (p) => `the head of device ${p.device}'s ledger chain is not whole`,
    'backup.restoreRefused': (p) => `Backup ${p.backup} was not restored: ${p.problemEn} Nothing was changed.`,
    'backup.damagedOffer': (p) =>
      `Database ${p.file} is damaged and was not opened: ${p.problem}. Newest good backup: ${p.time} (${p.backup}); scores recorded after it (${p.since}) would be lost by restoring it. Restore with: restore --db ${p.file} --from ${p.from}`,
    'backup.damagedNone': (p) => `Database ${p.file} is damaged and was not opened: ${p.problem}. There is no good backup in ${p.from}.`,
    'backup.damagedClosed': () => `The database is damaged and was not opened: restore a backup first on the Backups (Cadangan) screen.`,
    'backup.cliCreated': (p) => `Backup ${p.backup} written to ${p.folder}: ${p.scores} scores, ${p.photos} photos, ${p.size}.`,
    'backup.cliRestored': (p) => `Backup ${p.backup} (${p.time}) restored to ${p.file}: ${p.scores} scores, ${p.photos} photos.`,
    'backup.cliBefore': (p) => `The previous state was backed up first as ${p.backup}.`,
    'backup.cliKeptDamaged': (p) => `The damaged database files were kept in ${p.folder}.`,
  },
);
