/** Messages about a laptop passed from hand to hand: session locks, the secretariat's PIN, archiving competitions. */
import { catalogue } from './types.js';

export const sessionMessages = catalogue(
  {
    'session.idle': (p) => `Sesi juri ${p.juror} terkunci karena lama tidak dipakai: masukkan PIN untuk melanjutkan.`,
    'session.secretariatNoPin': () =>
      `Sekretariat belum menetapkan PIN sekretariat untuk lomba ini. Tetapkan dulu di Lomba › Juri › PIN sekretariat.`,
    'session.secretariatRequired': () => `Mengetik lembar kertas adalah tugas sekretariat: masukkan PIN sekretariat dahulu.`,
    'session.secretariatBadPin': () => `PIN sekretariat salah.`,
    'session.secretariatPinRequired': () => `Masukkan PIN sekretariat yang sekarang untuk menggantinya.`,
    'session.secretariatLocked': (p) => `Terlalu banyak PIN sekretariat yang salah. Coba lagi dalam ${p.seconds} detik.`,
    'competition.codeUsedBefore': (p) =>
      `Kode ${p.code} pernah dipakai lomba yang sudah dihapus (riwayatnya tetap tersimpan); pakai kode lain.`,
    'competition.deleteConfirm': (p) => `Untuk menghapus, ketik kode lomba persis: ${p.code}.`,
    'verify.secretariatPin': (p) => `PIN sekretariat lomba ${p.competition} diubah tanpa tercatat di riwayat`,
  },
  {
    'session.idle': (p) => `Juror ${p.juror}'s session locked after a while unused: enter the PIN to go on.`,
    'session.secretariatNoPin': () =>
      `The secretariat has not set a secretariat PIN for this competition yet. Set it first in Lomba › Juri › Secretariat PIN.`,
    'session.secretariatRequired': () => `Typing up paper sheets is the secretariat's task: enter the secretariat PIN first.`,
    'session.secretariatBadPin': () => `Wrong secretariat PIN.`,
    'session.secretariatPinRequired': () => `Enter the current secretariat PIN to change it.`,
    'session.secretariatLocked': (p) => `Too many wrong secretariat PINs. Try again in ${p.seconds} seconds.`,
    'competition.codeUsedBefore': (p) =>
      `Code ${p.code} was used by a competition that has been deleted (its history is kept); use another code.`,
    'competition.deleteConfirm': (p) => `To delete, type the competition's code exactly: ${p.code}.`,
    'verify.secretariatPin': (p) => `The secretariat PIN of competition ${p.competition} was changed without a history entry`,
  },
);
