/** Interface words of the result's workbook (merged into ../i18n.ts): Indonesian first; English has the same keys. */
const id = {
  'rekap.excel': 'Unduh Excel',
  'rekap.excelBusy': 'Menyiapkan buku kerja…',
  'rekap.excelHint': 'Peringkat, nilai per juri, semua nilai dan catatan, dan keputusan rapat pleno dalam satu buku kerja Excel.',
  'rekap.excelSavedDesktop': 'Buku kerja disimpan: {path}',
  'rekap.excelSavedBrowser': 'Buku kerja {name} diunduh.',
  'rekap.excelCancelled': 'Penyimpanan dibatalkan.',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'rekap.excel': 'Download Excel',
  'rekap.excelBusy': 'Preparing the workbook…',
  'rekap.excelHint': 'The ranking, points per juror, every score and note, and the plenary decisions in one Excel workbook.',
  'rekap.excelSavedDesktop': 'Workbook saved: {path}',
  'rekap.excelSavedBrowser': 'Workbook {name} downloaded.',
  'rekap.excelCancelled': 'Saving was cancelled.',
};

export const workbookWords = { id, en };
