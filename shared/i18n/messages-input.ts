/**
 * Messages about hostile or oversized input (issue 12): codes with invisible characters, files in another
 * encoding, values beyond the limits of shared/domain/text-hygiene.ts. Like the `file.*` problems they start in
 * lower case and follow a location ("lomba.json, baris 3, kolom 7: …").
 */
import { catalogue } from './types.js';

export const inputMessages = catalogue(
  {
    'input.codeControl': () => `kode memuat karakter kontrol atau karakter yang tidak tercetak; ketik ulang kodenya`,
    'input.codeBidi': () => `kode memuat karakter pembalik arah teks (bidi) yang tidak terlihat; ketik ulang kodenya`,
    'input.codeInvisible': () => `kode memuat karakter tanpa lebar yang tidak terlihat; ketik ulang kodenya`,
    'input.encoding': () =>
      `berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8 (di Excel: "CSV UTF-8", di Notepad: Encoding UTF-8)`,
    'input.tooDeep': (p) => `susunan bertingkat lebih dari ${p.limit} lapis`,
    'input.tooLong': (p) => `teks lebih dari ${p.limit} karakter`,
    'input.numberRange': (p) => `angka di luar batas (paling besar ${p.limit})`,
    'input.numberSyntax': (p) => `angka lebih dari ${p.limit} digit`,
    'input.xlsxPart': (p) =>
      `bagian ${p.part} terlalu besar setelah dibuka (lebih dari ${p.limit} MB); berkas ini bukan lembar kerja biasa`,
    'input.xlsxTotal': (p) => `isi berkas terlalu besar setelah dibuka (lebih dari ${p.limit} MB); berkas ini bukan lembar kerja biasa`,
    'input.xlsxRange': (p) => `bagian ${p.part} menunjuk sel di luar lembar kerja (${p.ref}); berkas ini bukan lembar kerja biasa`,
    'input.xlsxParts': (p) => `berkas memuat lebih dari ${p.limit} bagian; berkas ini bukan lembar kerja biasa`,
    'input.tooManyRows': (p) => `lembar berisi lebih dari ${p.limit} baris`,
    'input.tooManyColumns': (p) => `lembar berisi lebih dari ${p.limit} kolom`,
    'input.problem': (p) =>
      `${p.file}${p.line === undefined ? '' : `, baris ${p.line}`}${p.column === undefined ? '' : `, kolom ${p.column}`}${p.path === undefined ? '' : `, di ${p.path}`}: ${p.problemId}`,
  },
  {
    'input.codeControl': () => `the code holds a control or unprintable character; type the code again`,
    'input.codeBidi': () => `the code holds an invisible text-direction (bidi) character; type the code again`,
    'input.codeInvisible': () => `the code holds an invisible zero-width character; type the code again`,
    'input.encoding': () => `the file is saved as UTF-16; save it again as UTF-8 (in Excel: "CSV UTF-8", in Notepad: Encoding UTF-8)`,
    'input.tooDeep': (p) => `nested more than ${p.limit} levels deep`,
    'input.tooLong': (p) => `a text longer than ${p.limit} characters`,
    'input.numberRange': (p) => `a number out of range (at most ${p.limit})`,
    'input.numberSyntax': (p) => `a number of more than ${p.limit} digits`,
    'input.xlsxPart': (p) => `part ${p.part} is too large once unpacked (more than ${p.limit} MB); this is not an ordinary workbook`,
    'input.xlsxTotal': (p) => `the contents are too large once unpacked (more than ${p.limit} MB); this is not an ordinary workbook`,
    'input.xlsxRange': (p) => `part ${p.part} points to cells outside any worksheet (${p.ref}); this is not an ordinary workbook`,
    'input.xlsxParts': (p) => `the file holds more than ${p.limit} parts; this is not an ordinary workbook`,
    'input.tooManyRows': (p) => `the sheet holds more than ${p.limit} rows`,
    'input.tooManyColumns': (p) => `the sheet holds more than ${p.limit} columns`,
    'input.problem': (p) =>
      `${p.file}${p.line === undefined ? '' : `, line ${p.line}`}${p.column === undefined ? '' : `, column ${p.column}`}${p.path === undefined ? '' : `, at ${p.path}`}: ${p.problemEn}`,
  },
);
