/** Interface words of keys, PINs and roles (issue 12), merged into ../i18n.ts: Indonesian first, English the same keys. */
const id = {
  'pins.secretariatAsk': 'Menetapkan dan menyetel ulang PIN juri adalah tugas sekretariat. Masukkan PIN sekretariat dahulu.',
  'pins.secretariatNeedsPin': 'Tetapkan PIN sekretariat dahulu (di bawah): hanya sekretariat yang menetapkan dan menyetel ulang PIN juri.',
  'pins.secretariatOpen': 'Sekretariat sedang mengatur PIN juri.',
  'pins.secretariatPin': 'PIN sekretariat untuk mengatur PIN juri',
  'pins.secretariatEnter': 'Buka',
  'pins.secretariatLeave': 'Selesai',
};

const en: Record<keyof typeof id, string> = {
  'pins.secretariatAsk': 'Setting and resetting jurors’ PINs is the secretariat’s task. Enter the secretariat PIN first.',
  'pins.secretariatNeedsPin': 'Set the secretariat PIN first (below): only the secretariat sets and resets jurors’ PINs.',
  'pins.secretariatOpen': 'The secretariat is managing jurors’ PINs.',
  'pins.secretariatPin': 'Secretariat PIN to manage jurors’ PINs',
  'pins.secretariatEnter': 'Open',
  'pins.secretariatLeave': 'Done',
};

export const pinsWords = { id, en };
