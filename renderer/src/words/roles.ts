/** Interface words of the secretariat's tasks on the Lomba, Paket, Pleno, Laporan and Penilaian screens (issue 12), merged into ../i18n.ts. */
const id = {
  'roles.pin': 'PIN sekretariat',
  'roles.enter': 'Buka',
  'roles.leave': 'Selesai',
  'roles.needsPin': 'Tetapkan PIN sekretariat dahulu di Lomba › Juri: hanya sekretariat yang boleh melakukan ini.',
  'roles.conflictsTitle': 'Konflik paket',
  'roles.conflictsAsk': 'Menyelesaikan konflik adalah tugas sekretariat. Masukkan PIN sekretariat untuk memutuskannya.',
  'roles.conflictsOpen': 'Sekretariat sedang menyelesaikan konflik.',
  'roles.laptopAsk': 'Menerima laptop baru juri adalah tugas sekretariat. Masukkan PIN sekretariat untuk menerimanya.',
  'roles.laptopOpen': 'Sekretariat sedang menerima paket.',
  'roles.notesAsk': 'Merilis catatan juri kepada peserta adalah tugas sekretariat. Masukkan PIN sekretariat untuk menyimpan pilihan.',
  'roles.notesOpen': 'Sekretariat sedang memilih catatan yang dirilis.',
  'roles.setupAsk':
    'Lomba ini sudah ber-PIN sekretariat: perubahannya disimpan oleh sekretariat. Masukkan PIN sekretariat untuk menyimpan; yang sudah diketik tetap di layar.',
  'roles.setupOpen': 'Sekretariat sedang mengubah lomba.',
  'roles.deleteAsk': 'Menghapus lomba adalah tugas sekretariat. Masukkan PIN sekretariat untuk menghapusnya.',
  'roles.plenoTitle': 'PIN sekretariat untuk pleno',
  'roles.plenoAsk':
    'Memutuskan urutan yang seri, mengunci, dan membuka kembali hasil resmi adalah tugas sekretariat. Masukkan PIN sekretariat untuk melanjutkan.',
  'roles.plenoOpen': 'Sekretariat sedang memimpin pleno: keputusan, penguncian, dan pembukaan kembali dicatat atas nama sekretariat.',
};

const en: Record<keyof typeof id, string> = {
  'roles.pin': 'Secretariat PIN',
  'roles.enter': 'Open',
  'roles.leave': 'Done',
  'roles.needsPin': 'Set the secretariat PIN first in Lomba › Juri: only the secretariat may do this.',
  'roles.conflictsTitle': 'Package conflicts',
  'roles.conflictsAsk': 'Resolving conflicts is the secretariat’s task. Enter the secretariat PIN to decide them.',
  'roles.conflictsOpen': 'The secretariat is resolving conflicts.',
  'roles.laptopAsk': 'Accepting a juror’s new laptop is the secretariat’s task. Enter the secretariat PIN to accept it.',
  'roles.laptopOpen': 'The secretariat is receiving packages.',
  'roles.notesAsk': 'Releasing jurors’ notes to the sites is the secretariat’s task. Enter the secretariat PIN to save the choice.',
  'roles.notesOpen': 'The secretariat is choosing the notes to release.',
  'roles.setupAsk':
    'This competition has a secretariat PIN: its changes are saved by the secretariat. Enter the secretariat PIN to save; what was typed stays on screen.',
  'roles.setupOpen': 'The secretariat is changing the competition.',
  'roles.deleteAsk': 'Deleting a competition is the secretariat’s task. Enter the secretariat PIN to delete it.',
  'roles.plenoTitle': 'Secretariat PIN for the plenary',
  'roles.plenoAsk':
    'Ordering tied sites, locking and reopening the official result are the secretariat’s tasks. Enter the secretariat PIN to go on.',
  'roles.plenoOpen': 'The secretariat is chairing the plenary: decisions, locking and reopening are recorded as the secretariat’s.',
};

export const rolesWords = { id, en };
