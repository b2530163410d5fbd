/** Messages of long documents as tasks (the bundle, progress, cancel, saving straight to a file, printing). */
import { catalogue } from './types.js';

export const bundleMessages = catalogue(
  {
    'documents.cancelled': () => 'Penyusunan dokumen dibatalkan. Tidak ada berkas yang ditulis.',
    'documents.desktopOnly': () =>
      'Menyimpan atau mencetak langsung dari aplikasi hanya tersedia di aplikasi desktop; di peramban, dokumen diunduh atau dibuka di tab baru.',
    'documents.taskBusy': (p) => `Dokumen dengan tugas ${p.task} sedang disusun; tunggu sampai selesai atau batalkan dulu.`,
  },
  {
    'documents.cancelled': () => 'Building the document was cancelled. No file was written.',
    'documents.desktopOnly': () =>
      'Saving or printing straight from the app is only available in the desktop app; in the browser the document is downloaded or opened in a new tab.',
    'documents.taskBusy': (p) => `A document with task ${p.task} is being built; wait for it to finish or cancel it first.`,
  },
);
