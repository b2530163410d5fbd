/** Messages about scoring: sessions and PINs, saving, finalising and reopening sheets, evidence, score imports. */
import { catalogue } from './types.js';

export const scoringMessages = catalogue(
  {
    'validate.pin': () => `PIN harus 4 sampai 8 angka`,
    'session.badPin': (p) => `PIN juri ${p.juror} salah.`,
    'session.pinRequired': (p) => `Juri ${p.juror} memakai PIN: masukkan PIN-nya.`,
    'session.locked': (p) => `Terlalu banyak PIN salah untuk juri ${p.juror}. Coba lagi dalam ${p.seconds} detik.`,
    'session.required': (p) => `Juri ${p.juror} memakai PIN: masuk dulu sebagai juri ${p.juror} di laptop ini.`,
    'session.noPin': (p) => `Juri ${p.juror} belum punya PIN; PIN lama tidak dapat dicocokkan.`,
    'session.otherJuror': (p) => `Laptop ini sedang dipakai juri ${p.current}; keluar dulu untuk mengisi lembar juri ${p.juror}.`,
    'score.reasonRequired': (p) =>
      `Lembar juri ${p.juror} untuk lokus ${p.site} sudah pernah difinalkan dan dibuka kembali: mengubah nilai ${p.indicator} memerlukan alasan.`,
    'household.notHousehold': (p) => `Indikator ${p.indicator} tidak memakai daftar periksa kunjungan rumah.`,
    'household.tooManyFamilies': (p) => `Indikator ${p.indicator}: paling banyak ${p.max} keluarga sampel, bukan ${p.found}.`,
    'household.badFamily': (p) => `Indikator ${p.indicator}: keluarga ke-${p.family} harus punya ${p.items} jawaban, bukan ${p.found}.`,
    'sheet.incomplete': (p) =>
      `Lembar juri ${p.juror} untuk lokus ${p.site} belum dapat difinalkan: masih ${p.count} hal yang kurang (lihat ringkasan).`,
    'sheet.badSignature': () => `Tanda tangan tidak terbaca: harus gambar PNG dari papan tanda tangan.`,
    'sheet.notFinal': (p) => `Lembar juri ${p.juror} untuk lokus ${p.site} belum difinalkan, jadi tidak perlu dibuka kembali.`,
    'sheet.none': (p) => `Juri ${p.juror} tidak menilai indikator apa pun di lokus ${p.site}.`,
    'sheet.reopenedByInstrument': (p) => `Dibuka kembali karena lomba pindah ke instrumen ${p.code} versi ${p.version}.`,
    'verify.ok': (p) =>
      `Basis data ${p.file} utuh: pemeriksaan integritas lulus, rantai riwayat ${p.entries} entri tidak terputus, ${p.scores} nilai sesuai riwayat.`,
    'verify.failed': (p) =>
      `Basis data ${p.file} tidak lolos pemeriksaan: ${p.problem}${Number(p.more) > 0 ? ` (dan ${p.more} masalah lain)` : ''}`,
    'verify.schema': (p) =>
      `skema ${p.found} terlalu lama untuk diperiksa (perlu skema ${p.needed} atau lebih baru); buka dulu dengan Penilai`,
    'verify.integrity': (p) => `pemeriksaan integritas SQLite gagal: ${p.detail}`,
    'verify.foreignKey': (p) => `baris ${p.rowid} di tabel ${p.table} menunjuk ke baris ${p.parent} yang tidak ada`,
    'verify.trigger': (p) => `pemicu ${p.name} yang menjaga riwayat tetap tambah-saja hilang`,
    'verify.chainLink': (p) => `rantai riwayat terputus di entri #${p.id} (${p.uuid}): prev_hash tidak sama dengan hash entri sebelumnya`,
    'verify.hash': (p) => `entri riwayat #${p.id} (${p.uuid}) diubah: hash-nya tidak cocok dengan isinya`,
    'verify.chainGap': (p) =>
      `rantai riwayat perangkat ${p.device} melompat: entri ke-${p.seq} datang setelah entri ke-${Number(p.expected) - 1}`,
    'verify.score': (p) =>
      `nilai ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) adalah ${p.found}, padahal riwayat mencatat ${p.expected}`,
    'verify.note': (p) =>
      `catatan ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) tidak sama dengan yang dicatat riwayat`,
    'verify.household': (p) =>
      `jawaban kunjungan rumah ${p.indicator} juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) tidak sama dengan yang dicatat riwayat`,
    'verify.sheet': (p) =>
      `status final lembar juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) tidak sama dengan yang dicatat riwayat`,
    'verify.signature': (p) =>
      `tanda tangan lembar juri ${p.juror} di lokus ${p.site} (lomba ${p.competition}) tidak sama dengan yang dicatat saat finalisasi`,
    'verify.pin': (p) => `PIN juri ${p.juror} (lomba ${p.competition}) diubah tanpa tercatat di riwayat`,
  },
  {
    'validate.pin': () => `a PIN must be 4 to 8 digits`,
    'session.badPin': (p) => `Wrong PIN for juror ${p.juror}.`,
    'session.pinRequired': (p) => `Juror ${p.juror} uses a PIN: enter it.`,
    'session.locked': (p) => `Too many wrong PINs for juror ${p.juror}. Try again in ${p.seconds} seconds.`,
    'session.required': (p) => `Juror ${p.juror} uses a PIN: sign in as juror ${p.juror} on this laptop first.`,
    'session.noPin': (p) => `Juror ${p.juror} has no PIN yet; there is no current PIN to match.`,
    'session.otherJuror': (p) => `This laptop is in use by juror ${p.current}; sign out first to fill in juror ${p.juror}'s sheet.`,
    'score.reasonRequired': (p) =>
      `The sheet of juror ${p.juror} for site ${p.site} was finalised and reopened: changing the score of ${p.indicator} needs a reason.`,
    'household.notHousehold': (p) => `Indicator ${p.indicator} has no household-visit checklist.`,
    'household.tooManyFamilies': (p) => `Indicator ${p.indicator}: at most ${p.max} sample families, not ${p.found}.`,
    'household.badFamily': (p) => `Indicator ${p.indicator}: family ${p.family} must have ${p.items} answers, not ${p.found}.`,
    'sheet.incomplete': (p) =>
      `The sheet of juror ${p.juror} for site ${p.site} cannot be finalised yet: ${p.count} things are still missing (see the summary).`,
    'sheet.badSignature': () => `The signature cannot be read: it must be a PNG image from the signature pad.`,
    'sheet.notFinal': (p) => `The sheet of juror ${p.juror} for site ${p.site} is not finalised, so there is nothing to reopen.`,
    'sheet.none': (p) => `Juror ${p.juror} scores no indicator at site ${p.site}.`,
    'sheet.reopenedByInstrument': (p) => `Reopened because the competition moved to instrument ${p.code} version ${p.version}.`,
    'verify.ok': (p) =>
      `Database ${p.file} is sound: integrity check passed, history chain of ${p.entries} entries unbroken, ${p.scores} scores match the history.`,
    'verify.failed': (p) =>
      `Database ${p.file} failed verification: ${p.problem}${Number(p.more) > 0 ? ` (and ${p.more} more problems)` : ''}`,
    'verify.schema': (p) => `schema ${p.found} is too old to verify (schema ${p.needed} or newer needed); open it with Penilai first`,
    'verify.integrity': (p) => `SQLite integrity check failed: ${p.detail}`,
    'verify.foreignKey': (p) => `row ${p.rowid} of table ${p.table} refers to a missing row of ${p.parent}`,
    'verify.trigger': (p) => `trigger ${p.name}, which keeps the history append-only, is missing`,
    'verify.chainLink': (p) => `history chain broken at entry #${p.id} (${p.uuid}): prev_hash is not the previous entry's hash`,
    'verify.hash': (p) => `history entry #${p.id} (${p.uuid}) was altered: its hash does not match its content`,
    'verify.chainGap': (p) => `the history chain of device ${p.device} skips: entry ${p.seq} follows entry ${Number(p.expected) - 1}`,
    'verify.score': (p) =>
      `score of ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) is ${p.found}, but the history records ${p.expected}`,
    'verify.note': (p) =>
      `note of ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) differs from the history`,
    'verify.household': (p) =>
      `household answers of ${p.indicator} by juror ${p.juror} at site ${p.site} (competition ${p.competition}) differ from the history`,
    'verify.sheet': (p) =>
      `finalised state of the sheet of juror ${p.juror} at site ${p.site} (competition ${p.competition}) differs from the history`,
    'verify.signature': (p) =>
      `signature of the sheet of juror ${p.juror} at site ${p.site} (competition ${p.competition}) differs from the one recorded at finalisation`,
    'verify.pin': (p) => `PIN of juror ${p.juror} (competition ${p.competition}) was changed without a history entry`,
  },
);
