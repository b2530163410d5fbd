/** Messages of the official documents (`report`, `documents.*`) and their stamps. */
import { catalogue } from './types.js';

export const documentsMessages = catalogue(
  {
    'documents.unknownJuror': (p) => `Juri ${p.juror} tidak ada di lomba ${p.code}.`,
    'documents.unknownSite': (p) => `Lokus ${p.site} tidak ada di lomba ${p.code}.`,
    'documents.notAvailable': (p) => `Dokumen "${p.doc}" belum dapat dibuat oleh versi aplikasi ini.`,
  },
  {
    'documents.unknownJuror': (p) => `Juror ${p.juror} is not on competition ${p.code}.`,
    'documents.unknownSite': (p) => `Site ${p.site} is not in competition ${p.code}.`,
    'documents.notAvailable': (p) => `Document "${p.doc}" cannot be made by this version of the app yet.`,
  },
);
