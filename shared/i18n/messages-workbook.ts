/** Messages of the result's workbook (`export-xlsx`, `documents.workbook`). */
import { catalogue } from './types.js';

export const workbookMessages = catalogue(
  {
    'workbook.written': (p) => `Buku kerja Excel lomba ${p.code} ditulis: ${p.file} (lembar Peringkat, Per juri, Nilai, Keputusan pleno).`,
    'workbook.outIsFolder': (p) => `${p.file} adalah folder, bukan berkas: sebutkan nama berkas, misalnya ${p.example}.`,
  },
  {
    'workbook.written': (p) => `Excel workbook of ${p.code} written: ${p.file} (sheets Peringkat, Per juri, Nilai, Keputusan pleno).`,
    'workbook.outIsFolder': (p) => `${p.file} is a folder, not a file: name a file, for example ${p.example}.`,
  },
);
