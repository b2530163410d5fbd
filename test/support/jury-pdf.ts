/**
 * Reading the documents the whole jury signs page by page (pdftotext per page), their named signing destinations
 * (pdf-lib: the catalog's /Names /Dests tree and the page each points to) and their fonts (pdffonts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PDFString, PDFHexString } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { pdfPageCount } from './pdf.js';

/** Each page's text (pdftotext -layout), spaces collapsed within lines, empty lines dropped. */
export function pageTexts(file: string): string[] {
  const pages: string[] = [];
  for (let i = 1; i <= pdfPageCount(file); i++) {
    const text = execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' });
    pages.push(
      text
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    );
  }
  return pages;
}

/** The named destinations of the PDF and the page (1-based) each points to. */
export async function namedDestinations(file: string): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = doc.getPages().map((p) => p.ref);
  const found = new Map<string, number>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict) => {
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (list) {
      for (let i = 0; i + 1 < list.size(); i += 2) {
        const key = list.lookup(i) as PDFString | PDFHexString;
        let dest = list.lookup(i + 1);
        if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
        const target = dest instanceof PDFArray ? dest.get(0) : null;
        const page = target instanceof PDFRef ? pages.findIndex((r) => r === target || r.toString() === target.toString()) + 1 : 0;
        found.set(key.decodeText(), page);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  if (root) walk(root);
  return found;
}

/** pdffonts' rows: font name, and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type (1–2 words), encoding, emb, sub, uni, object, ID: emb is the 5th from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}
