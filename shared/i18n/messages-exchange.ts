/** Messages about packages carried between laptops (`.penilai` files, contract.md section 5). */
import { catalogue } from './types.js';

export const exchangeMessages = catalogue(
  {
    'exchange.notPackage': (p) => `Berkas ${p.file} bukan paket Penilai (.penilai).`,
    'exchange.truncated': (p) => `Paket ${p.file} rusak atau terpotong (mungkin belum selesai disalin). Salin ulang dari laptop asalnya.`,
    'exchange.badPath': (p) => `Paket ${p.file} ditolak: berisi berkas dengan nama yang tidak diizinkan (${p.member}).`,
    'exchange.duplicate': (p) => `Paket ${p.file} ditolak: berkas ${p.member} ada dua kali.`,
    'exchange.tooLarge': (p) => `Paket ${p.file} ditolak: berkas ${p.member} lebih besar dari ${p.limit} MB.`,
    'exchange.totalTooLarge': (p) => `Paket ${p.file} ditolak: isinya lebih besar dari ${p.limit} MB.`,
    'exchange.badManifest': (p) => `Paket ${p.file} ditolak: daftar isinya (manifest.json) tidak dapat dibaca.`,
    'exchange.newerFormat': (p) =>
      `Paket ${p.file} dibuat oleh Penilai yang lebih baru (format ${p.format}). Perbarui Penilai untuk membukanya.`,
    'exchange.badSignature': (p) =>
      `Paket ${p.file} ditolak: tanda tangan perangkat tidak cocok. Paket telah diubah setelah dibuat, atau bukan dari perangkat yang disebutnya.`,
    'exchange.altered': (p) => `Paket ${p.file} ditolak: berkas ${p.member} telah diubah atau rusak.`,
    'exchange.missing': (p) => `Paket ${p.file} ditolak: berkas ${p.member} tidak ada di dalamnya.`,
    'exchange.extra': (p) => `Paket ${p.file} ditolak: berisi berkas ${p.member} yang tidak tercantum di daftar isinya.`,
    'exchange.repacked': (p) => `Paket ${p.file} ditolak: paket telah dikemas ulang di luar Penilai.`,
    'exchange.summary': (p) =>
      `Paket ${p.kind} lomba ${p.competition}, instrumen ${p.instrument} versi ${p.version}\nPerangkat ${p.device}\nSidik jari kunci: ${p.fingerprint}`,
    'exchange.summaryScores': (p) => `Juri ${p.juror}, riwayat nomor ${p.from}–${p.to}`,
    'exchange.summaryFiles': (p) => `Dibuat ${p.created}; ${p.count} berkas, ${p.size} bita`,
    'exchange.kind.setup': () => `persiapan`,
    'exchange.kind.scores': () => `nilai`,
  },
  {
    'exchange.notPackage': (p) => `${p.file} is not a Penilai package (.penilai).`,
    'exchange.truncated': (p) =>
      `Package ${p.file} is damaged or cut short (perhaps not fully copied). Copy it again from the laptop it came from.`,
    'exchange.badPath': (p) => `Package ${p.file} refused: it holds a file with a name that is not allowed (${p.member}).`,
    'exchange.duplicate': (p) => `Package ${p.file} refused: file ${p.member} is in it twice.`,
    'exchange.tooLarge': (p) => `Package ${p.file} refused: file ${p.member} is larger than ${p.limit} MB.`,
    'exchange.totalTooLarge': (p) => `Package ${p.file} refused: its contents are larger than ${p.limit} MB.`,
    'exchange.badManifest': (p) => `Package ${p.file} refused: its table of contents (manifest.json) cannot be read.`,
    'exchange.newerFormat': (p) => `Package ${p.file} was made by a newer Penilai (format ${p.format}). Update Penilai to open it.`,
    'exchange.badSignature': (p) =>
      `Package ${p.file} refused: the device's signature does not match. The package was changed after it was made, or it is not from the device it names.`,
    'exchange.altered': (p) => `Package ${p.file} refused: file ${p.member} was changed or is damaged.`,
    'exchange.missing': (p) => `Package ${p.file} refused: file ${p.member} is missing from it.`,
    'exchange.extra': (p) => `Package ${p.file} refused: it holds file ${p.member}, which its table of contents does not list.`,
    'exchange.repacked': (p) => `Package ${p.file} refused: it was repacked outside Penilai.`,
    'exchange.summary': (p) =>
      `${p.kind} package of competition ${p.competition}, instrument ${p.instrument} version ${p.version}\nDevice ${p.device}\nKey fingerprint: ${p.fingerprint}`,
    'exchange.summaryScores': (p) => `Juror ${p.juror}, history entries ${p.from}–${p.to}`,
    'exchange.summaryFiles': (p) => `Made ${p.created}; ${p.count} files, ${p.size} bytes`,
    'exchange.kind.setup': () => `Setup`,
    'exchange.kind.scores': () => `Scores`,
  },
);
