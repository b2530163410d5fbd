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
    'exchange.planSetup': (p) =>
      `Paket persiapan lomba ${p.competition} (${p.name}): ${p.sites} lokasi, ${p.jurors} juri; kunci sekretariat ${p.fingerprint}. ${p.action}`,
    'exchange.planScores': (p) =>
      `Paket nilai juri ${p.juror} (${p.name}) dari laptop ${p.fingerprint}, dibuat ${p.created}: ${p.new} baru, ${p.changed} berubah, ${p.unchanged} tetap, ${p.conflicts} konflik, ${p.photos} foto baru, ${p.sheets} lembar; riwayat ${p.fresh} baru, ${p.known} sudah ada.`,
    'exchange.planFirstKey': (p) =>
      `Laptop pertama juri ${p.juror}: cocokkan sidik jari ${p.fingerprint} dengan yang tampil di laptop juri; kunci ini akan diingat untuk juri ${p.juror}.`,
    'exchange.planConflict': (p) =>
      `Konflik ${p.site} ${p.indicator}: di sini ${p.local} (${p.localBy}), di paket ${p.incoming} (${p.incomingBy}). Nilai di sini dipertahankan sampai diputuskan.`,
    'exchange.action.create': () => `Lomba akan dibuat di sini.`,
    'exchange.action.update': () => `Lomba di sini akan diperbarui.`,
    'exchange.action.unchanged': () => `Lomba di sini sudah sama.`,
    'exchange.nothingNew': () => `Tidak ada yang berubah: isi paket ini sudah ada di sini.`,
    'exchange.applied': () => `Paket diterapkan.`,
    'exchange.dryRun': () => `Belum diterapkan (--dry-run).`,
    'exchange.setupWritten': (p) => `Paket persiapan ditulis ke ${p.file}.`,
    'exchange.exported': (p) =>
      `Paket nilai juri ${p.juror} ditulis ke ${p.file}: ${p.scores} nilai, ${p.notes} catatan, ${p.photos} foto, ${p.finalised} lembar final; riwayat ${p.from}–${p.to}; sidik jari laptop ${p.fingerprint}.`,
    'exchange.badMember': (p) => `Paket ${p.file} ditolak: isi berkas ${p.member} tidak dapat dibaca.`,
    'exchange.otherCompetition': (p) =>
      `Paket ${p.file} ditolak: paket ini milik lomba lain yang juga berkode ${p.code}. Minta paket dari sekretariat lomba ini.`,
    'exchange.unknownCompetition': (p) =>
      `Paket ${p.file} ditolak: lomba ${p.code} belum ada di sini. Terima dulu paket persiapan lomba ini.`,
    'exchange.otherSecretariat': (p) =>
      `Paket persiapan ${p.file} ditolak: lomba ${p.code} di laptop ini berasal dari sekretariat lain (paket ditandatangani kunci ${p.fingerprint}).`,
    'exchange.instrumentMismatch': (p) =>
      `Paket ${p.file} ditolak: dinilai dengan instrumen ${p.found}, sedangkan lomba ini memakai ${p.expected}. Perbarui laptop juri dengan paket persiapan terbaru, lalu kirim ulang.`,
    'exchange.unknownJuror': (p) => `Paket ${p.file} ditolak: juri ${p.juror} tidak terdaftar di lomba ${p.code}.`,
    'exchange.deviceKeyChanged': (p) =>
      `Paket ${p.file} ditolak: laptop ini dikenal dengan kunci lain, bukan ${p.fingerprint}. Paket mungkin dipalsukan.`,
    'exchange.untrustedKey': (p) =>
      `Paket ${p.file} ditahan: ditandatangani laptop baru (sidik jari ${p.fingerprint}), bukan laptop juri ${p.juror} yang dikenal (${p.pinned}). Cocokkan sidik jari dengan juri, lalu terima laptop baru ini.`,
    'exchange.notEligible': (p) =>
      `Paket ${p.file} ditolak: juri ${p.juror} tidak berhak menilai ${p.site}${p.indicator === '—' ? '' : ` indikator ${p.indicator}`} (aspek tidak ditugaskan atau juri dikecualikan dari lokasi ini).`,
    'exchange.chainBroken': (p) => `Paket ${p.file} ditolak: riwayat di dalamnya tidak utuh pada nomor ${p.seq} (diubah atau terpotong).`,
    'exchange.chainForked': (p) =>
      `Paket ${p.file} ditolak: riwayat nomor ${p.seq} berbeda dari yang sudah diterima dari laptop yang sama sebelumnya.`,
    'exchange.notJurorsWork': (p) => `Paket ${p.file} ditolak: riwayat nomor ${p.seq} bukan pekerjaan juri ${p.juror}.`,
    'exchange.workMismatch': (p) =>
      `Paket ${p.file} ditolak: nilai ${p.site}${p.indicator === '—' ? '' : ` indikator ${p.indicator}`} tidak sesuai dengan riwayatnya.`,
    'exchange.photoMissing': (p) => `Paket ${p.file} ditolak: foto ${p.member} tidak ada di dalamnya.`,
    'exchange.photoExtra': (p) => `Paket ${p.file} ditolak: berisi berkas ${p.member} yang bukan bagian dari penilaian.`,
    'exchange.nothingToSend': (p) => `Juri ${p.juror} belum menilai apa pun untuk lomba ${p.competition} di laptop ini.`,
    'exchange.photoMissingHere': (p) =>
      `Foto ${p.file} (lokasi ${p.site}) tidak ditemukan di folder ${p.folder}; paket tidak dapat dibuat.`,
    'exchange.photoChangedHere': (p) => `Foto ${p.file} (lokasi ${p.site}) di folder ${p.folder} telah berubah; paket tidak dapat dibuat.`,
    'exchange.conflictNotOpen': (p) => `Konflik nomor ${p.id} sudah diputuskan atau tidak ada.`,
    'validate.fingerprint': () => `sidik jari harus 8 kelompok 4 huruf/angka heksadesimal, dipisah spasi`,
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
    'exchange.planSetup': (p) =>
      `Setup package of competition ${p.competition} (${p.name}): ${p.sites} sites, ${p.jurors} jurors; secretariat key ${p.fingerprint}. ${p.action}`,
    'exchange.planScores': (p) =>
      `Score package of juror ${p.juror} (${p.name}) from laptop ${p.fingerprint}, made ${p.created}: ${p.new} new, ${p.changed} changed, ${p.unchanged} unchanged, ${p.conflicts} conflicts, ${p.photos} new photos, ${p.sheets} sheets; history ${p.fresh} new, ${p.known} already here.`,
    'exchange.planFirstKey': (p) =>
      `Juror ${p.juror}'s first laptop: compare fingerprint ${p.fingerprint} with the one shown on the juror's laptop; this key will be remembered for juror ${p.juror}.`,
    'exchange.planConflict': (p) =>
      `Conflict ${p.site} ${p.indicator}: here ${p.local} (${p.localBy}), in the package ${p.incoming} (${p.incomingBy}). The value here is kept until decided.`,
    'exchange.action.create': () => `The competition will be created here.`,
    'exchange.action.update': () => `The competition here will be updated.`,
    'exchange.action.unchanged': () => `The competition here is already the same.`,
    'exchange.nothingNew': () => `Nothing changes: everything in this package is already here.`,
    'exchange.applied': () => `Package applied.`,
    'exchange.dryRun': () => `Not applied (--dry-run).`,
    'exchange.setupWritten': (p) => `Setup package written to ${p.file}.`,
    'exchange.exported': (p) =>
      `Score package of juror ${p.juror} written to ${p.file}: ${p.scores} scores, ${p.notes} notes, ${p.photos} photos, ${p.finalised} final sheets; history ${p.from}–${p.to}; laptop fingerprint ${p.fingerprint}.`,
    'exchange.badMember': (p) => `Package ${p.file} refused: file ${p.member} cannot be read.`,
    'exchange.otherCompetition': (p) =>
      `Package ${p.file} refused: it belongs to another competition that also has the code ${p.code}. Ask this competition's secretariat for the package.`,
    'exchange.unknownCompetition': (p) =>
      `Package ${p.file} refused: competition ${p.code} is not here yet. Receive this competition's setup package first.`,
    'exchange.otherSecretariat': (p) =>
      `Setup package ${p.file} refused: competition ${p.code} on this laptop came from another secretariat (the package is signed by key ${p.fingerprint}).`,
    'exchange.instrumentMismatch': (p) =>
      `Package ${p.file} refused: it was scored on instrument ${p.found}, while this competition uses ${p.expected}. Update the juror's laptop with the latest setup package, then send again.`,
    'exchange.unknownJuror': (p) => `Package ${p.file} refused: juror ${p.juror} is not on competition ${p.code}.`,
    'exchange.deviceKeyChanged': (p) =>
      `Package ${p.file} refused: this laptop is known by another key, not ${p.fingerprint}. The package may be forged.`,
    'exchange.untrustedKey': (p) =>
      `Package ${p.file} held: it is signed by a new laptop (fingerprint ${p.fingerprint}), not juror ${p.juror}'s known laptop (${p.pinned}). Compare the fingerprint with the juror, then accept the new laptop.`,
    'exchange.notEligible': (p) =>
      `Package ${p.file} refused: juror ${p.juror} may not score ${p.site}${p.indicator === '—' ? '' : ` indicator ${p.indicator}`} (aspect not assigned, or the juror is recused from this site).`,
    'exchange.chainBroken': (p) => `Package ${p.file} refused: its history is broken at entry ${p.seq} (changed or cut short).`,
    'exchange.chainForked': (p) =>
      `Package ${p.file} refused: history entry ${p.seq} differs from the one received earlier from the same laptop.`,
    'exchange.notJurorsWork': (p) => `Package ${p.file} refused: history entry ${p.seq} is not juror ${p.juror}'s work.`,
    'exchange.workMismatch': (p) =>
      `Package ${p.file} refused: the scores of ${p.site}${p.indicator === '—' ? '' : ` indicator ${p.indicator}`} do not match their history.`,
    'exchange.photoMissing': (p) => `Package ${p.file} refused: photo ${p.member} is missing from it.`,
    'exchange.photoExtra': (p) => `Package ${p.file} refused: it holds file ${p.member}, which is not part of the scoring.`,
    'exchange.nothingToSend': (p) => `Juror ${p.juror} has not scored anything for competition ${p.competition} on this laptop.`,
    'exchange.photoMissingHere': (p) => `Photo ${p.file} (site ${p.site}) is not in folder ${p.folder}; the package cannot be made.`,
    'exchange.photoChangedHere': (p) => `Photo ${p.file} (site ${p.site}) in folder ${p.folder} has changed; the package cannot be made.`,
    'exchange.conflictNotOpen': (p) => `Conflict ${p.id} is already decided or does not exist.`,
    'validate.fingerprint': () => `a fingerprint is 8 groups of 4 hexadecimal digits separated by spaces`,
  },
);
