/** Messages of the per-juror and per-site documents (Lembar Penilaian, Formulir, Catatan untuk peserta) and of releasing jurors' notes. */
import { catalogue } from './types.js';

const DOC_ID: Record<string, string> = {
  lembar: 'Lembar Penilaian',
  formulir: 'Formulir penilaian',
  catatan: 'Catatan untuk peserta',
  all: 'Dokumen penilaian',
};
const DOC_EN: Record<string, string> = {
  lembar: 'Score sheet (Lembar Penilaian)',
  formulir: 'Paper form (Formulir)',
  catatan: 'Notes to the site (Catatan untuk peserta)',
  all: 'Documents',
};

export const lembarMessages = catalogue(
  {
    'documents.jurorRecused': (p) =>
      `${DOC_ID[String(p.doc)] ?? p.doc} tidak dibuat: juri ${p.juror} mengundurkan diri dari lokus ${p.site} (konflik kepentingan), jadi tidak menilai lokus itu.`,
    'documents.noSheets': (p) =>
      `${DOC_ID[String(p.doc)] ?? p.doc} tidak dibuat: tidak ada indikator yang dinilai juri ${p.juror} di lokus ${p.site} (aspek juri atau pengunduran diri).`,
    'documents.noteNotFound': (p) =>
      `Catatan juri ${p.juror} pada indikator ${p.indicator} di lokus ${p.site} tidak ada (mungkin sudah dihapus); muat ulang daftar catatan.`,
  },
  {
    'documents.jurorRecused': (p) =>
      `${DOC_EN[String(p.doc)] ?? p.doc} not made: juror ${p.juror} is recused from site ${p.site} (conflict of interest), so does not score it.`,
    'documents.noSheets': (p) =>
      `${DOC_EN[String(p.doc)] ?? p.doc} not made: juror ${p.juror} scores no indicator at site ${p.site} (the juror's aspects or a recusal).`,
    'documents.noteNotFound': (p) =>
      `There is no note of juror ${p.juror} on indicator ${p.indicator} at site ${p.site} (it may have been removed); reload the list of notes.`,
  },
);
