/** Messages of the plenary meeting: states, decisions, locking (shared/domain/pleno.ts, electron/core/pleno/). */
import { catalogue } from './types.js';

export const plenoMessages = catalogue(
  {
    'pleno.locked': (p) =>
      `Hasil lomba ${p.competition} sudah dikunci${Number(p.revision) > 0 ? ` (revisi ${p.revision})` : ''}: perubahan yang mengubah peringkat ditolak. Untuk mengubahnya, buka kembali pleno dengan alasan.`,
    'pleno.notLocked': (p) => `Hasil lomba ${p.competition} belum dikunci.`,
    'pleno.notLockedReopen': (p) => `Hasil lomba ${p.competition} belum dikunci, jadi tidak perlu dibuka kembali.`,
    'pleno.notOpen': (p) => `Rapat pleno lomba ${p.competition} belum dibuka. Buka pleno dahulu.`,
    'pleno.alreadyOpen': (p) => `Rapat pleno lomba ${p.competition} sudah dibuka.`,
    'pleno.repeatedSite': (p) => `Urutan keputusan menyebut lokus yang sama lebih dari sekali: ${p.sites}.`,
    'pleno.notTied': (p) =>
      `Lokus ini tidak berbagi peringkat yang sama menurut aturan lomba: ${p.sites}. Keputusan pleno hanya untuk lokus yang seri.`,
    'pleno.wholeTie': (p) => `Peringkat ${p.rank} dibagi oleh lokus ${p.sites}: urutkan semuanya dalam satu keputusan.`,
    'pleno.block.noSites': () => `Belum ada lokus yang dinilai.`,
    'pleno.emptyReason': (p) => `Berkas alasan ${p.file} kosong: tuliskan alasan pleno di dalamnya.`,
    'pleno.orderMismatch': (p) =>
      `--order harus menyebut lokus yang sama dengan --sites (${p.sites}), tiap lokus sekali: tertulis ${p.order}.`,
    'pleno.state.draft': () => `Draf`,
    'pleno.state.pleno': () => `Pleno`,
    'pleno.state.locked': () => `Dikunci`,
    'pleno.state.signed': () => `Ditandatangani`,
    'pleno.text.state': (p) => `Lomba ${p.competition}: ${p.state}, revisi ${p.revision}`,
    'pleno.text.snapshot': (p) => `Cuplikan hasil (SHA-256): ${p.hash}`,
    'pleno.text.decision': (p) => `Keputusan pleno, peringkat ${p.rank}: ${p.order}. Alasan: ${p.reason}`,
    'pleno.text.decisionVoid': (p) => `Keputusan pleno BATAL (lokus tidak lagi seri): ${p.order}. Alasan: ${p.reason}`,
    'pleno.text.tie': (p) => `Seri di peringkat ${p.rank} (${p.label}): ${p.sites}`,
    'pleno.text.canLock': () => `Hasil dapat dikunci.`,
    'pleno.block.incomplete': (p) => `Penilaian belum lengkap untuk lokus ${p.sites}.`,
    'pleno.block.notFinalised': () => `Masih ada lembar penilaian juri yang belum final.`,
    'pleno.block.tie': (p) => `Lokus ${p.sites} masih seri di peringkat ${p.rank} (${p.label}): putuskan urutannya dalam pleno.`,
  },
  {
    'pleno.locked': (p) =>
      `The result of ${p.competition} is locked${Number(p.revision) > 0 ? ` (revision ${p.revision})` : ''}: changes that alter the ranking are refused. To change it, reopen the plenary with a reason.`,
    'pleno.notLocked': (p) => `The result of ${p.competition} is not locked.`,
    'pleno.notLockedReopen': (p) => `The result of ${p.competition} is not locked, so there is nothing to reopen.`,
    'pleno.notOpen': (p) => `The plenary of ${p.competition} is not open yet. Open the plenary first.`,
    'pleno.alreadyOpen': (p) => `The plenary of ${p.competition} is already open.`,
    'pleno.repeatedSite': (p) => `The decision names a site more than once: ${p.sites}.`,
    'pleno.notTied': (p) =>
      `These sites do not share one rank under the competition's rules: ${p.sites}. A plenary decision is only for tied sites.`,
    'pleno.wholeTie': (p) => `Rank ${p.rank} is shared by sites ${p.sites}: order all of them in one decision.`,
    'pleno.block.noSites': () => `No site has been scored yet.`,
    'pleno.emptyReason': (p) => `The reason file ${p.file} is empty: write the plenary's reason in it.`,
    'pleno.orderMismatch': (p) => `--order must name the same sites as --sites (${p.sites}), each once: it says ${p.order}.`,
    'pleno.state.draft': () => `Draft`,
    'pleno.state.pleno': () => `Plenary`,
    'pleno.state.locked': () => `Locked`,
    'pleno.state.signed': () => `Signed`,
    'pleno.text.state': (p) => `Competition ${p.competition}: ${p.state}, revision ${p.revision}`,
    'pleno.text.snapshot': (p) => `Result snapshot (SHA-256): ${p.hash}`,
    'pleno.text.decision': (p) => `Plenary decision, rank ${p.rank}: ${p.order}. Reason: ${p.reason}`,
    'pleno.text.decisionVoid': (p) => `Plenary decision VOID (the sites no longer tie): ${p.order}. Reason: ${p.reason}`,
    'pleno.text.tie': (p) => `Tied at rank ${p.rank} (${p.label}): ${p.sites}`,
    'pleno.text.canLock': () => `The result can be locked.`,
    'pleno.block.incomplete': (p) => `Scoring is not complete for sites ${p.sites}.`,
    'pleno.block.notFinalised': () => `Some jurors' score sheets are not final yet.`,
    'pleno.block.tie': (p) => `Sites ${p.sites} still share rank ${p.rank} (${p.label}): the plenary must decide their order.`,
  },
);
