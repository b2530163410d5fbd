/**
 * Messages about the disk itself (issue 12, crash and disk): a save refused because the disk (or the database's
 * size limit) is full. Nothing of the change was written; everything saved before stays.
 */
import { catalogue } from './types.js';

export const diskMessages = catalogue(
  {
    'disk.full': () =>
      'Disk penuh: perubahan ini belum tersimpan. Semua yang sudah tersimpan sebelumnya tetap aman. Kosongkan ruang di disk (hapus atau pindahkan berkas lain), lalu simpan lagi.',
  },
  {
    'disk.full': () =>
      'Disk full: this change was not saved. Everything saved before is safe. Free some space on the disk (delete or move other files), then save again.',
  },
);
