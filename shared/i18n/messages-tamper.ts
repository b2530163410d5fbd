/**
 * What `verify --db` says when the setup tables, the signed chain heads or the anchors (packages, signed documents)
 * disagree with the ledger (issue 12 point 3). Shown after "Basis data … tidak lolos pemeriksaan:", so they start in
 * lower case. Fields are named in the reader's words.
 */
import { catalogue, type Lang, type Params } from './types.js';

const FIELDS: Record<Lang, Record<string, string>> = {
  id: {
    name: 'nama',
    nip: 'NIP',
    position: 'jabatan',
    agency: 'instansi',
    role: 'peran',
    aspects: 'aspek yang dinilai',
    recusedSites: 'lokus yang tidak boleh dinilai',
    regency: 'kabupaten/kota',
    district: 'kecamatan',
    category: 'kategori',
    contact: 'kontak',
    visitDate: 'tanggal kunjungan',
    year: 'tahun',
    uuid: 'UUID',
    code: 'kode',
    aggregation: 'cara menggabung nilai juri',
    normalise: 'normalisasi',
    tieBreak: 'pemecah nilai sama',
    precision: 'jumlah desimal',
    rankBy: 'peringkat per',
    labels: 'sebutan juara',
    lockAfterMinutes: 'kunci sesi setelah (menit)',
  },
  en: {
    name: 'name',
    nip: 'NIP',
    position: 'position',
    agency: 'agency',
    role: 'role',
    aspects: 'aspects scored',
    recusedSites: 'sites recused from',
    regency: 'regency/city',
    district: 'district',
    category: 'category',
    contact: 'contact',
    visitDate: 'visit date',
    year: 'year',
    uuid: 'UUID',
    code: 'code',
    aggregation: "how jurors' scores are combined",
    normalise: 'normalisation',
    tieBreak: 'tie-break',
    precision: 'decimals',
    rankBy: 'rank by',
    labels: 'award labels',
    lockAfterMinutes: 'session lock (minutes)',
  },
};

const fields = (p: Params, lang: Lang): string =>
  String(p.fields ?? '')
    .split(', ')
    .map((f) => FIELDS[lang][f] ?? f)
    .join(', ');

export const tamperMessages = catalogue(
  {
    'verify.instrumentContent': (p) =>
      `isi instrumen ${p.code} versi ${p.version} (bobot, skala, rubrik) diubah di luar aplikasi: tidak cocok lagi dengan hash-nya`,
    'verify.setupInstrument': (p) =>
      `instrumen lomba ${p.competition} adalah ${p.found}, padahal buku besar mencatat ${p.expected} (bobot atau isi instrumen diubah di luar aplikasi)`,
    'verify.setupCompetition': (p) =>
      `data lomba ${p.competition} diubah di luar aplikasi (tidak sama dengan buku besar): ${fields(p, 'id')}`,
    'verify.setupRules': (p) => `aturan lomba ${p.competition} diubah di luar aplikasi (tidak sama dengan buku besar): ${fields(p, 'id')}`,
    'verify.setupArchive': (p) => `status arsip lomba ${p.competition} diubah di luar aplikasi (tidak sama dengan buku besar)`,
    'verify.setupCompetitionMissing': (p) =>
      `lomba ${p.competition} hilang dari basis data, padahal buku besar tidak mencatat penghapusannya`,
    'verify.setupCompetitionExtra': (p) => `lomba ${p.competition} masih ada di basis data, padahal buku besar mencatat penghapusannya`,
    'verify.setupSite': (p) =>
      `lokus ${p.site} (lomba ${p.competition}) diubah di luar aplikasi (tidak sama dengan buku besar): ${fields(p, 'id')}`,
    'verify.setupSiteMissing': (p) =>
      `lokus ${p.site} (lomba ${p.competition}) dihapus di luar aplikasi: buku besar tidak mencatat penghapusannya`,
    'verify.setupSiteExtra': (p) => `lokus ${p.site} (lomba ${p.competition}) ditambahkan di luar aplikasi: buku besar tidak mencatatnya`,
    'verify.setupJuror': (p) =>
      `juri ${p.juror} (lomba ${p.competition}) diubah di luar aplikasi (tidak sama dengan buku besar): ${fields(p, 'id')}`,
    'verify.setupJurorMissing': (p) =>
      `juri ${p.juror} (lomba ${p.competition}) dihapus di luar aplikasi: buku besar tidak mencatat penghapusannya`,
    'verify.setupJurorExtra': (p) => `juri ${p.juror} (lomba ${p.competition}) ditambahkan di luar aplikasi: buku besar tidak mencatatnya`,
    'verify.releasedNote': (p) =>
      `catatan ${p.indicator} juri ${p.juror} untuk lokus ${p.site} (lomba ${p.competition}) dirilis atau ditarik di luar aplikasi: tidak sama dengan buku besar`,
    'verify.sealNoKey': (p) =>
      `kepala rantai riwayat perangkat ${p.device} (entri ke-${p.seq}) ditandatangani, tetapi kunci publik perangkat itu tidak ada di basis data`,
    'verify.sealSignature': (p) =>
      `tanda tangan kepala rantai riwayat perangkat ${p.device} di entri ke-${p.seq} tidak sah: rantai itu dibuat ulang atau diubah tanpa kunci perangkat`,
    'verify.sealHead': (p) =>
      `rantai riwayat perangkat ${p.device} tidak lagi memuat kepala yang ditandatangani di entri ke-${p.seq}: rantai itu dibuat ulang atau ditulis ulang`,
    'verify.unsealed': (p) =>
      `entri ke-${p.from} sampai ke-${p.to} rantai riwayat perangkat ${p.device} tidak ditandatangani perangkat itu: rantai itu diperpanjang atau dibuat ulang tanpa kuncinya`,
    'verify.anchorCut': (p) =>
      `rantai riwayat perangkat ${p.device} dipotong: ${p.file} mencatat entri ke-${p.seq}, tetapi basis data hanya memuat sampai entri ke-${p.head}`,
    'verify.anchorRebuilt': (p) =>
      `rantai riwayat perangkat ${p.device} dibuat ulang: entri ke-${p.seq} di basis data tidak sama dengan yang dicatat ${p.file}`,
    'verify.anchorKey': (p) => `kunci publik perangkat ${p.device} di basis data tidak sama dengan yang tercatat di ${p.file}`,
    'verify.plenoState': (p) =>
      `status hasil lomba ${p.competition} adalah ${p.found}, padahal buku besar mencatat ${p.expected}: diubah di luar aplikasi`,
    'verify.plenoSnapshot': (p) =>
      `hasil terkunci lomba ${p.competition} (revisi ${p.revision}) diubah di luar aplikasi: tidak sama dengan yang dicatat buku besar saat dikunci`,
    'verify.plenoDecision': (p) =>
      `urutan keputusan pleno untuk lokus ${p.sites} (lomba ${p.competition}) diubah di luar aplikasi: tidak sama dengan buku besar`,
    'verify.homeKey': (p) =>
      `kunci publik perangkat ${p.device} di basis data bukan kunci instalasi ini (${p.home}): kunci itu diganti untuk menandatangani ulang rantai riwayat`,
    'verify.anchorNotFound': (p) => `Berkas jangkar tidak ditemukan: ${p.file}`,
    'verify.anchorUnknown': (p) =>
      `Berkas ${p.file} tidak bisa dipakai sebagai jangkar: bukan paket Penilai (.penilai) dan bukan PDF yang ditandatangani dengan Penilai.`,
    'verify.anchorEmpty': (p) =>
      `Berkas ${p.file} tidak memuat kepala rantai riwayat apa pun (paket persiapan, atau PDF yang tidak ditandatangani dengan basis data), jadi tidak bisa dipakai sebagai jangkar.`,
  },
  {
    'verify.instrumentContent': (p) =>
      `the content of instrument ${p.code} version ${p.version} (weights, scales, rubrics) was changed outside the app: it no longer matches its hash`,
    'verify.setupInstrument': (p) =>
      `the instrument of competition ${p.competition} is ${p.found}, but the ledger records ${p.expected} (weights or instrument content changed outside the app)`,
    'verify.setupCompetition': (p) =>
      `the details of competition ${p.competition} were changed outside the app (they differ from the ledger): ${fields(p, 'en')}`,
    'verify.setupRules': (p) =>
      `the rules of competition ${p.competition} were changed outside the app (they differ from the ledger): ${fields(p, 'en')}`,
    'verify.setupArchive': (p) =>
      `whether competition ${p.competition} is archived was changed outside the app (it differs from the ledger)`,
    'verify.setupCompetitionMissing': (p) =>
      `competition ${p.competition} is gone from the database, but the ledger does not record its deletion`,
    'verify.setupCompetitionExtra': (p) => `competition ${p.competition} is still in the database, but the ledger records its deletion`,
    'verify.setupSite': (p) =>
      `site ${p.site} (competition ${p.competition}) was changed outside the app (it differs from the ledger): ${fields(p, 'en')}`,
    'verify.setupSiteMissing': (p) =>
      `site ${p.site} (competition ${p.competition}) was deleted outside the app: the ledger does not record its removal`,
    'verify.setupSiteExtra': (p) =>
      `site ${p.site} (competition ${p.competition}) was added outside the app: the ledger does not record it`,
    'verify.setupJuror': (p) =>
      `juror ${p.juror} (competition ${p.competition}) was changed outside the app (it differs from the ledger): ${fields(p, 'en')}`,
    'verify.setupJurorMissing': (p) =>
      `juror ${p.juror} (competition ${p.competition}) was deleted outside the app: the ledger does not record the removal`,
    'verify.setupJurorExtra': (p) =>
      `juror ${p.juror} (competition ${p.competition}) was added outside the app: the ledger does not record it`,
    'verify.releasedNote': (p) =>
      `the note on ${p.indicator} by juror ${p.juror} for site ${p.site} (competition ${p.competition}) was released or withdrawn outside the app: it differs from the ledger`,
    'verify.sealNoKey': (p) =>
      `the head of device ${p.device}'s history chain (entry ${p.seq}) is signed, but that device's public key is not in the database`,
    'verify.sealSignature': (p) =>
      `the signature on the head of device ${p.device}'s history chain at entry ${p.seq} is not valid: the chain was rebuilt or changed without the device's key`,
    'verify.sealHead': (p) =>
      `device ${p.device}'s history chain no longer holds the head signed at entry ${p.seq}: the chain was rebuilt or rewritten`,
    'verify.unsealed': (p) =>
      `entries ${p.from} to ${p.to} of device ${p.device}'s history chain are not signed by that device: the chain was extended or rebuilt without its key`,
    'verify.anchorCut': (p) =>
      `device ${p.device}'s history chain was cut short: ${p.file} records entry ${p.seq}, but the database holds entries only up to ${p.head}`,
    'verify.anchorRebuilt': (p) =>
      `device ${p.device}'s history chain was rebuilt: entry ${p.seq} in the database is not the one ${p.file} records`,
    'verify.anchorKey': (p) => `the public key of device ${p.device} in the database is not the one recorded in ${p.file}`,
    'verify.plenoState': (p) =>
      `the result state of competition ${p.competition} is ${p.found}, but the ledger records ${p.expected}: changed outside the app`,
    'verify.plenoSnapshot': (p) =>
      `the locked result of competition ${p.competition} (revision ${p.revision}) was changed outside the app: it is not what the ledger recorded when it was locked`,
    'verify.plenoDecision': (p) =>
      `the plenary's order for sites ${p.sites} (competition ${p.competition}) was changed outside the app: it differs from the ledger`,
    'verify.homeKey': (p) =>
      `the public key of device ${p.device} in the database is not this installation's key (${p.home}): it was swapped to re-sign the history chain`,
    'verify.anchorNotFound': (p) => `Anchor file not found: ${p.file}`,
    'verify.anchorUnknown': (p) =>
      `File ${p.file} cannot be used as an anchor: it is neither a Penilai package (.penilai) nor a PDF signed with Penilai.`,
    'verify.anchorEmpty': (p) =>
      `File ${p.file} names no ledger chain head (a setup package, or a PDF not signed with the database at hand), so it cannot be used as an anchor.`,
  },
);
