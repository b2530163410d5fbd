/** Interface words of one area (merged into ../i18n.ts): Indonesian first; English must have exactly the same keys. */
const id = {
  'sheet.yesAll': 'Ya untuk semua',
  'sheet.yesAllFamily': 'Ya untuk semua butir KK {family}',
  'sheet.yesAllItem': 'Ya untuk semua KK: {item}',
  'sheet.familiesInvalid': 'Isi angka 1 sampai {max}.',
  'sheet.lowerTitle': 'Kurangi KK dikunjungi menjadi {count}?',
  'sheet.lowerBody': 'KK {families} punya jawaban yang akan dihapus.',
  'sheet.lowerUndo': 'Jawaban yang dihapus dapat dikembalikan dengan Urungkan (Ctrl+Z).',
  'sheet.lowerConfirm': 'Hapus jawaban',
  'sheet.cancel': 'Batal',
  'sheet.undone.score': 'Diurungkan: nilai {indicator}',
  'sheet.undone.note': 'Diurungkan: catatan {indicator}',
  'sheet.undone.household': 'Diurungkan: daftar periksa {indicator}',
  'sheet.undone.evidence': 'Diurungkan: foto {indicator}',
  'sheet.reasonNeeded': 'Alasan perubahan wajib diisi',
  'sheet.reasonWhy': 'Lembar ini pernah difinalkan lalu dibuka kembali; perubahan baru disimpan setelah alasannya ditulis.',
  'sheet.reasonLabel': 'Alasan perubahan {indicator}',
  'sheet.applyWithReason': 'Simpan dengan alasan',
  'sheet.dropChange': 'Batalkan perubahan',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'sheet.yesAll': 'Yes for all',
  'sheet.yesAllFamily': 'Yes for every item of family {family}',
  'sheet.yesAllItem': 'Yes for every family: {item}',
  'sheet.familiesInvalid': 'Enter a number from 1 to {max}.',
  'sheet.lowerTitle': 'Lower the families visited to {count}?',
  'sheet.lowerBody': 'Families {families} have answers that will be deleted.',
  'sheet.lowerUndo': 'Deleted answers can be brought back with Undo (Ctrl+Z).',
  'sheet.lowerConfirm': 'Delete the answers',
  'sheet.cancel': 'Cancel',
  'sheet.undone.score': 'Undone: score {indicator}',
  'sheet.undone.note': 'Undone: note {indicator}',
  'sheet.undone.household': 'Undone: checklist {indicator}',
  'sheet.undone.evidence': 'Undone: photo {indicator}',
  'sheet.reasonNeeded': 'A reason for the change is required',
  'sheet.reasonWhy': 'This sheet was finalised and reopened; the change is saved once its reason is written.',
  'sheet.reasonLabel': 'Reason for changing {indicator}',
  'sheet.applyWithReason': 'Save with the reason',
  'sheet.dropChange': 'Drop the change',
};

export const sheetWords = { id, en };
