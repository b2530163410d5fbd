/** The rules of shared/domain/text-hygiene.ts, the zip guard before exceljs, and formula-like cells on export. */
import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCsv, unwrapFormulaText, writeCsv } from '../../electron/core/platform/sheets/csv.js';
import { addTableSheet, loadWorkbook, workbookBytes } from '../../electron/core/platform/sheets/xlsx.js';
import { guardZip, sheetRangeProblem } from '../../electron/core/platform/sheets/zip-guard.js';
import { siteSchema } from '../../shared/domain/competition.js';
import {
  checkJsonValue,
  cleanName,
  cleanNote,
  codeProblem,
  echo,
  LIMITS,
  looksLikeFormula,
  normaliseCode,
  scanJsonText,
} from '../../shared/domain/text-hygiene.js';
import { codeField } from '../../shared/domain/text-fields.js';
import { t } from '../../shared/i18n/messages.js';
import { zipOf } from '../support/packages.js';

describe('codes', () => {
  it('are NFC and trimmed, so that two codes that look the same are the same', () => {
    expect(normaliseCode(' Se\u0301 ')).toBe('S\u00e9');
    expect(codeField.parse('Se\u0301')).toBe(codeField.parse('S\u00e9'));
  });

  it('refuse control, bidi, zero-width and unprintable characters, each with its own message', () => {
    expect(codeProblem('S01')).toBeNull();
    expect(codeProblem('S\u000701')).toBe('input.codeControl');
    expect(codeProblem('S\ud80001')).toBe('input.codeControl');
    expect(codeProblem('S\u202e01')).toBe('input.codeBidi');
    expect(codeProblem('S\u200b01')).toBe('input.codeInvisible');
    expect(codeField.safeParse('J\u20661\u2069').success).toBe(false);
  });
});

describe('names, notes and messages', () => {
  it('keep their letters and lose control and bidi characters', () => {
    expect(cleanName('Desa\u0007 Ma\u202eju\tJaya\r\nBaru')).toBe('Desa Maju Jaya Baru');
    expect(cleanName('Ñusa Indah')).toBe('Ñusa Indah');
    expect(cleanNote('Baris 1\r\nBaris\u0000 2\u202e')).toBe('Baris 1\nBaris 2');
    expect(siteSchema.parse({ code: 'S01', name: 'Desa\u0000 Maju\u202e' }).name).toBe('Desa Maju');
  });

  it('never echo a control or bidi character, and cut a long value', () => {
    expect(echo('S\u202e01\u0000\n')).toBe('S01 ');
    expect(Array.from(echo('x'.repeat(500)))).toHaveLength(LIMITS.echo);
    expect(t('id', 'site.notFound', { code: 'S\u202e01' })).toBe('Lokus dengan kode S01 tidak ada.');
  });
});

describe('JSON limits', () => {
  it('finds nesting too deep, strings too long and numbers too long in the text, without recursion', () => {
    expect(scanJsonText('{"a":[1,2,{"b":"c"}]}')).toBeNull();
    expect(scanJsonText('\n  ' + '['.repeat(10_000))).toEqual({
      line: 2,
      column: 3 + LIMITS.depth,
      key: 'input.tooDeep',
      limit: LIMITS.depth,
    });
    expect(scanJsonText(`["${'x'.repeat(LIMITS.string + 1)}"]`)).toMatchObject({ line: 1, column: 2, key: 'input.tooLong' });
    expect(scanJsonText(`[${'9'.repeat(400)}]`)).toMatchObject({ column: 2, key: 'input.numberSyntax' });
    // Brackets inside strings are text.
    expect(scanJsonText(`["${'['.repeat(100)}"]`)).toBeNull();
  });

  it('finds a number beyond the range at its path', () => {
    expect(checkJsonValue({ a: [1, { weight: 1e300 }] })).toEqual({ path: 'a[1].weight', key: 'input.numberRange', limit: LIMITS.number });
    expect(checkJsonValue({ a: [1, -1e9, 'x'] })).toBeNull();
  });
});

describe('an .xlsx before exceljs reads it', () => {
  const members = (sheet: Uint8Array) => [
    { path: '[Content_Types].xml', bytes: new TextEncoder().encode('<Types/>') },
    { path: 'xl/worksheets/sheet1.xml', bytes: sheet },
  ];

  it('refuses a part that unpacks past the limit, whatever size the zip declares', async () => {
    const ok = await zipOf(members(new TextEncoder().encode('<worksheet/>')));
    expect(guardZip(ok)).toEqual({ ok: true });
    // A deflated part of 17 MB of spaces (a few kilobytes in the zip), stored by hand under a small declared size.
    const big = Buffer.alloc(LIMITS.xlsxPart + 1024 * 1024, 0x20);
    const zip = Buffer.from(await zipOf(members(new Uint8Array(deflateRawSync(big)))));
    // Mark the member as deflated (method 8) in its local and central headers.
    for (let at = 0; (at = zip.indexOf('xl/worksheets', at)) >= 0; at += 1) {
      const local = zip.readUInt32LE(at - 30) === 0x04034b50;
      zip.writeUInt16LE(8, local ? at - 30 + 8 : at - 46 + 10);
    }
    expect(guardZip(zip)).toEqual({ ok: false, key: 'input.xlsxPart', part: 'xl/worksheets/sheet1.xml' });
  });

  it('refuses columns, rows and merged areas outside any real sheet', () => {
    expect(sheetRangeProblem('<cols><col min="1" max="16384"/></cols><row r="1048576"><c r="XFD1"/></row>')).toBeNull();
    expect(sheetRangeProblem(`<cols><col min="1" max="${'9'.repeat(40)}"/></cols>`)).not.toBeNull();
    expect(sheetRangeProblem('<row r="1048577"/>')).toBe('r="1048577"');
    expect(sheetRangeProblem('<c r="XFE1"/>')).toBe('XFE1');
    expect(sheetRangeProblem('<mergeCell ref="A1:XFD1048576"/>')).toBe('A1:XFD1048576');
  });
});

describe('exported cells that a spreadsheet would run', () => {
  it('are told apart from plain numbers', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@SUM(A1)', '\t=1']) expect(looksLikeFormula(text), text).toBe(true);
    for (const text of ['-5', '+62812', '-1,5', 'Desa', '']) expect(looksLikeFormula(text), text).toBe(false);
  });

  it('are written to CSV as ="…" (shown as text) and read back as written', () => {
    const values = ['=HYPERLINK("http://x";"klik")', '+SUM(1;2)', '@A1', '-5', 'Desa; "Maju"'];
    const bytes = writeCsv([values]);
    const text = new TextDecoder().decode(bytes); // the decoder drops the BOM
    expect(text).toBe('"=""=HYPERLINK(""""http://x"""";""""klik"""")""";"=""+SUM(1;2)""";"=""@A1""";-5;"Desa; ""Maju"""\r\n');
    const fields = readCsv(text).records[0]!.fields.map(unwrapFormulaText);
    expect(fields).toEqual(values);
  });

  it('are written to .xlsx as strings formatted as Text, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    addTableSheet(workbook, 'Lokus', [{ title: 'Nama', width: 20 }], [['=1+1'], ['Desa']]);
    const back = await loadWorkbook(await workbookBytes(workbook));
    const sheet = back.getWorksheet('Lokus')!;
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('A2').numFmt).toBe('@');
    expect(sheet.getCell('A3').numFmt).toBeUndefined();
  });
});
