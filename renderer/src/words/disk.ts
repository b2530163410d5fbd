/**
 * Interface words of one area (merged into ../i18n.ts): a change the core refused that can be sent again as it
 * is (a full disk, issue 12): the value is kept on screen and saved again with one button.
 */
const id = {
  'disk.retry': 'Simpan lagi',
  'disk.keptValue': 'Nilai {value} belum tersimpan dan tetap di layar.',
  'disk.keptNote': 'Catatan yang Anda ketik belum tersimpan dan tetap di layar.',
  'disk.keptAnswers': 'Jawaban daftar periksa belum tersimpan dan tetap di layar.',
  'disk.keptPhoto': 'Foto {name} belum tersimpan dan tetap disiapkan.',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'disk.retry': 'Save again',
  'disk.keptValue': 'Value {value} is not saved yet and stays on screen.',
  'disk.keptNote': 'The note you typed is not saved yet and stays on screen.',
  'disk.keptAnswers': 'The checklist answers are not saved yet and stay on screen.',
  'disk.keptPhoto': 'Photo {name} is not saved yet and is kept ready.',
};

export const diskWords = { id, en };
