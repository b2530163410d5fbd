/** Interface words of one area (merged into ../i18n.ts): Indonesian first; English must have exactly the same keys. */
const id = {
  'forms.leave.title': 'Perubahan belum disimpan',
  'forms.leave.text': 'Ada perubahan pengaturan lomba {code} yang belum disimpan. Bila Anda pindah sekarang, perubahan itu dibuang.',
  'forms.leave.discard': 'Buang perubahan dan pindah',
  'forms.leave.stay': 'Kembali ke isian',
  'forms.recover.text': 'Ada perubahan yang belum disimpan dari {when}.',
  'forms.recover.restore': 'Pulihkan',
  'forms.recover.drop': 'Buang',
  'forms.codeHint':
    'Huruf besar, angka dan tanda hubung, misalnya P2WKSS-JABAR-2026 (huruf kecil dijadikan besar). Dipakai di nama berkas dan kaki halaman.',
  'forms.nipHint': '18 angka, boleh ditulis dengan spasi seperti di SK: 19700315 199503 2 001.',
  'forms.reasonHint': 'Paling sedikit {min} karakter (sekarang {count}).',
} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {
  'forms.leave.title': 'Unsaved changes',
  'forms.leave.text': 'The setup of competition {code} has changes that are not saved. If you leave now, they are discarded.',
  'forms.leave.discard': 'Discard the changes and leave',
  'forms.leave.stay': 'Back to the form',
  'forms.recover.text': 'There are unsaved changes from {when}.',
  'forms.recover.restore': 'Restore',
  'forms.recover.drop': 'Discard',
  'forms.codeHint':
    'Capital letters, digits and dashes, e.g. P2WKSS-JABAR-2026 (lower case becomes capitals). Used in file names and page footers.',
  'forms.nipHint': '18 digits, may be typed with spaces as printed: 19700315 199503 2 001.',
  'forms.reasonHint': 'At least {min} characters (now {count}).',
};

export const formsWords = { id, en };
