/** Interface words of releasing jurors' notes to the sites (Catatan untuk peserta, on Laporan): Indonesian first; English has the same keys. */
const id = {
  'catatan.heading': 'Catatan untuk peserta',
  'catatan.hint':
    'Pilih catatan juri yang boleh dibaca oleh lokus. Di dokumen, nama juri tidak dicantumkan: juri diberi nomor (Juri 1, Juri 2) khusus untuk setiap lokus.',
  'catatan.site': 'Lokus yang catatannya dirilis',
  'catatan.chooseSite': 'Pilih lokus…',
  'catatan.none': 'Belum ada catatan juri di lokus ini.',
  'catatan.release': 'Rilis',
  'catatan.juror': 'Juri',
  'catatan.indicator': 'Indikator',
  'catatan.note': 'Catatan',
  'catatan.save': 'Simpan pilihan rilis',
  'catatan.saving': 'Menyimpan…',
  'catatan.saved': '{released} catatan dirilis, {withdrawn} ditarik. Sekarang {total} catatan dirilis untuk lokus ini.',
  'catatan.pdf': 'Unduh Catatan untuk peserta (PDF)',
  'catatan.pdfBusy': 'Menyusun PDF…',
  'catatan.pdfSavedDesktop': 'Catatan disimpan: {path} ({pages} halaman).',
  'catatan.pdfSavedBrowser': 'Catatan {name} diunduh ({pages} halaman).',
  'catatan.cancelled': 'Penyimpanan dibatalkan.',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'catatan.heading': 'Notes to the sites',
  'catatan.hint':
    "Choose the jurors' notes a site may read. The document does not print jurors' names: they are numbered (Juri 1, Juri 2) separately for each site.",
  'catatan.site': 'Site whose notes are released',
  'catatan.chooseSite': 'Choose a site…',
  'catatan.none': 'No juror has written a note at this site yet.',
  'catatan.release': 'Release',
  'catatan.juror': 'Juror',
  'catatan.indicator': 'Indicator',
  'catatan.note': 'Note',
  'catatan.save': 'Save the release choice',
  'catatan.saving': 'Saving…',
  'catatan.saved': '{released} notes released, {withdrawn} withdrawn. {total} notes are now released for this site.',
  'catatan.pdf': 'Download notes to the site (PDF)',
  'catatan.pdfBusy': 'Laying out the PDF…',
  'catatan.pdfSavedDesktop': 'Notes saved: {path} ({pages} pages).',
  'catatan.pdfSavedBrowser': 'Notes {name} downloaded ({pages} pages).',
  'catatan.cancelled': 'Saving was cancelled.',
};

export const catatanWords = { id, en };
