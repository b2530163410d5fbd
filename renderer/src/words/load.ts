/** Interface words of one area (merged into ../i18n.ts): Indonesian first; English must have exactly the same keys. */
const id = {
  'date.placeholder': 'hh/bb/tttt',
  'date.format': 'hari/bulan/tahun',
  'date.impossible': 'Tanggal tidak valid: {text}',
  'date.incomplete': 'Tanggal belum lengkap: {text}. Tulis hari/bulan/tahun, misalnya 07/09/2026.',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'date.placeholder': 'dd/mm/yyyy',
  'date.format': 'day/month/year',
  'date.impossible': 'Invalid date: {text}',
  'date.incomplete': 'Incomplete date: {text}. Write day/month/year, e.g. 07/09/2026.',
};

export const loadWords = { id, en };
