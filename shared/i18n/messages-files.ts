/** Messages about imported and exported files (spreadsheets, CSV, instrument templates). */
import { catalogue } from './types.js';

export const fileMessages = catalogue(
  {
    'file.unreadable': (p) => `Berkas ${p.file} tidak dapat dibaca: ${p.detail}`,
  },
  {
    'file.unreadable': (p) => `File ${p.file} cannot be read: ${p.detail}`,
  },
);
