/** Messages about keys, PINs and roles (issue 12): easy PINs, the secretariat's tasks, a busy database, the device key. */
import { catalogue } from './types.js';

export const pinsMessages = catalogue(
  {
    'validate.weakPin.same': () => `PIN ini terlalu mudah ditebak (satu angka diulang). Pilih angka yang tidak berpola.`,
    'validate.weakPin.sequence': () => `PIN ini terlalu mudah ditebak (angka berurutan naik atau turun). Pilih angka yang tidak berpola.`,
    'validate.weakPin.repeated': () => `PIN ini terlalu mudah ditebak (pasangan angka diulang). Pilih angka yang tidak berpola.`,
    'validate.weakPin.common': () => `PIN ini termasuk yang paling sering dipakai orang. Pilih angka lain.`,
    'session.secretariatForPin': () =>
      `Menetapkan atau mengatur ulang PIN juri adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Juri dapat mengganti PIN-nya sendiri dengan PIN lamanya.`,
    'session.secretariatForReopen': () =>
      `Membuka kembali lembar juri lain adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Juri dapat membuka kembali lembarnya sendiri saat masuk sebagai dirinya.`,
    'session.secretariatForImport': () =>
      `Mengimpor nilai juri dari berkas adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.`,
    'session.secretariatForConflicts': () =>
      `Menyelesaikan konflik paket adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.`,
    'session.secretariatForLaptop': () =>
      `Menerima laptop baru juri adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.`,
    'session.secretariatForNotes': () =>
      `Merilis catatan juri kepada peserta adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.`,
    'session.secretariatForSetup': () =>
      `Mengubah atau menghapus lomba ini adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah; yang sudah diketik tetap di layar.`,
    'session.secretariatForPleno': () =>
      `Keputusan pleno, mengunci, dan membuka kembali hasil resmi hanya boleh dilakukan sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.`,
    'db.busy': () =>
      `Basis data sedang dipakai program lain (misalnya Penilai yang terbuka di jendela lain). Tunggu sebentar lalu coba lagi; tidak ada yang berubah.`,
    'identity.badSecret': (p) =>
      `Kunci perangkat di ${p.file} tidak dapat dibuka dengan rahasia yang diberikan. Periksa PENILAI_KEY_SECRET atau berkas rahasia di folder yang sama.`,
    'identity.unreadable': (p) => `Berkas kunci perangkat ${p.file} rusak atau bukan kunci Penilai.`,
  },
  {
    'validate.weakPin.same': () => `This PIN is too easy to guess (one digit repeated). Choose digits without a pattern.`,
    'validate.weakPin.sequence': () => `This PIN is too easy to guess (digits counting up or down). Choose digits without a pattern.`,
    'validate.weakPin.repeated': () => `This PIN is too easy to guess (a pair of digits repeated). Choose digits without a pattern.`,
    'validate.weakPin.common': () => `This PIN is among those people choose most often. Choose another.`,
    'session.secretariatForPin': () =>
      `Setting or resetting a juror's PIN is the secretariat's task: enter the secretariat PIN first. A juror can change their own PIN with the current one.`,
    'session.secretariatForReopen': () =>
      `Reopening another juror's sheet is the secretariat's task: enter the secretariat PIN first. A juror can reopen their own sheet while signed in as themselves.`,
    'session.secretariatForImport': () =>
      `Importing jurors' scores from a file is the secretariat's task: enter the secretariat PIN first. Nothing was changed.`,
    'session.secretariatForConflicts': () =>
      `Resolving a package's conflicts is the secretariat's task: enter the secretariat PIN first. Nothing was changed.`,
    'session.secretariatForLaptop': () =>
      `Accepting a juror's new laptop is the secretariat's task: enter the secretariat PIN first. Nothing was changed.`,
    'session.secretariatForNotes': () =>
      `Releasing jurors' notes to a site is the secretariat's task: enter the secretariat PIN first. Nothing was changed.`,
    'session.secretariatForSetup': () =>
      `Changing or deleting this competition is the secretariat's task: enter the secretariat PIN first. Nothing was changed; what was typed stays on screen.`,
    'session.secretariatForPleno': () =>
      `Only the secretariat may record the plenary's decisions, lock or reopen the official result: enter the secretariat PIN first. Nothing was changed.`,
    'db.busy': () =>
      `The database is in use by another program (for instance Penilai open in another window). Wait a moment and try again; nothing was changed.`,
    'identity.badSecret': (p) =>
      `The device key in ${p.file} cannot be opened with the secret given. Check PENILAI_KEY_SECRET or the secret file in the same folder.`,
    'identity.unreadable': (p) => `The device key file ${p.file} is damaged or not a Penilai key.`,
  },
);
