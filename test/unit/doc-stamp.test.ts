/**
 * A document's stamp (shared/domain/doc-stamp.ts) as it travels: in the PDF's Keywords (formatStamp / parseStamp),
 * as the short code a person types from a printed page (shortCode / normaliseShortCode), and as the text a phone's
 * QR scanner gives (qrPayload / parseQrPayload). Codes with ';', '=', ':' or spaces survive every way; malformed
 * text is refused as null, never thrown.
 */
import { describe, expect, it } from 'vitest';
import {
  formatStamp,
  normaliseShortCode,
  parseQrPayload,
  parseStamp,
  qrPayload,
  shortCode,
  type DocumentStamp,
} from '../../shared/domain/doc-stamp.js';

const HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

const rekap: DocumentStamp = { doc: 'rekap', competition: 'DEMO', revision: 0, juror: null, site: null, sha256: HASH };

describe('the stamp in the PDF Keywords', () => {
  it('is written in the documented shape', () => {
    expect(formatStamp(rekap)).toBe(`penilai.document/1;doc=rekap;competition=DEMO;revision=0;juror=;site=;sha256=${HASH}`);
  });

  it('reads back every stamp it writes, codes with ; = : % or spaces included', () => {
    const stamps: DocumentStamp[] = [
      rekap,
      { doc: 'all', competition: 'P2WKSS 2026', revision: 3, juror: null, site: null, sha256: OTHER },
      { doc: 'lembar', competition: 'A;B=C', revision: 1, juror: 'J 1', site: 'S;01', sha256: HASH },
      { doc: 'catatan', competition: 'KB:2026%', revision: 12, juror: null, site: 'S=2', sha256: OTHER },
      { doc: 'berita-acara', competition: 'Jawa Barat', revision: 0, juror: 'J=9;', site: null, sha256: HASH },
    ];
    for (const stamp of stamps) expect(parseStamp(formatStamp(stamp))).toEqual(stamp);
  });

  it('is found inside a longer text (a Keywords field with other words around it)', () => {
    const text = `laporan; ${formatStamp({ ...rekap, competition: 'X;Y' })}`;
    expect(parseStamp(text)).toEqual({ ...rekap, competition: 'X;Y' });
  });

  it('refuses malformed stamps with null', () => {
    const good = formatStamp(rekap);
    const refused = [
      '',
      'tidak ada stempel di sini',
      good.replace('penilai.document/1', 'penilai.document/2'),
      good.replace('doc=rekap', 'doc=surat'),
      good.replace('doc=rekap;', ''),
      good.replace(`sha256=${HASH}`, 'sha256=1234'),
      good.replace(`sha256=${HASH}`, `sha256=${HASH.toUpperCase()}`),
      good.replace(`sha256=${HASH}`, `sha256=${'g'.repeat(64)}`),
      good.replace('revision=0', 'revision=-1'),
      good.replace('revision=0', 'revision=1.5'),
      good.replace('revision=0', 'revision=dua'),
      good.replace('competition=DEMO', 'competition='),
      good.replace('competition=DEMO', 'competition=%E0%A4%A'),
    ];
    for (const text of refused) expect([text, parseStamp(text)]).toEqual([text, null]);
  });
});

describe('the short code printed on each page', () => {
  it('is the first 12 hex digits, upper case, in three groups', () => {
    expect(shortCode(HASH)).toBe('0123-4567-89AB');
    expect(shortCode(OTHER)).toBe('FEDC-BA98-7654');
  });

  it('is read back as typed: with or without dashes or spaces, in any case, or as the whole hash', () => {
    expect(normaliseShortCode('0123-4567-89AB')).toBe('0123456789ab');
    expect(normaliseShortCode('0123456789ab')).toBe('0123456789ab');
    expect(normaliseShortCode(' 0123 4567 89ab ')).toBe('0123456789ab');
    expect(normaliseShortCode('fedc-BA98-7654')).toBe('fedcba987654');
    expect(normaliseShortCode(HASH.toUpperCase())).toBe(HASH);
    expect(normaliseShortCode(shortCode(OTHER))).toBe(OTHER.slice(0, 12));
  });

  it('refuses what cannot be a code: too short, too long, or not hex', () => {
    for (const typed of ['', '0123-4567-89A', '0123-4567-89AG', 'kode salah', HASH + '0', 'PENILAI:rekap:DEMO:0:' + HASH, '0123_4567_89ab'])
      expect([typed, normaliseShortCode(typed)]).toEqual([typed, null]);
  });
});

describe('the QR payload of a page', () => {
  it('is PENILAI:<doc>:<competition>:<revision>:<sha256>', () => {
    expect(qrPayload(rekap)).toBe(`PENILAI:rekap:DEMO:0:${HASH}`);
  });

  it('reads back what it writes, competition codes with : ; = or spaces included, and ignores surrounding blanks', () => {
    const claims = [
      { doc: 'rekap' as const, competition: 'DEMO', revision: 0, sha256: HASH },
      { doc: 'all' as const, competition: 'KB:2026', revision: 2, sha256: OTHER },
      { doc: 'lembar' as const, competition: 'A;B=C D', revision: 10, sha256: HASH },
    ];
    for (const claim of claims) expect(parseQrPayload(qrPayload(claim))).toEqual(claim);
    expect(parseQrPayload(`  ${qrPayload(rekap)}\n`)).toEqual({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: HASH });
  });

  it('refuses text that is not a payload with null', () => {
    const refused = [
      '',
      '0123-4567-89AB',
      HASH,
      `penilai:rekap:DEMO:0:${HASH}`,
      `PENILAI:surat:DEMO:0:${HASH}`,
      `PENILAI:rekap::0:${HASH}`,
      `PENILAI:rekap:DEMO:x:${HASH}`,
      `PENILAI:rekap:DEMO:-1:${HASH}`,
      `PENILAI:rekap:DEMO:0:${HASH.slice(0, 63)}`,
      `PENILAI:rekap:DEMO:0:${HASH.toUpperCase()}`,
      `PENILAI:rekap:DE:MO:0:${HASH}`,
      `PENILAI:rekap:%E0%A4%A:0:${HASH}`,
      `PENILAI:rekap:DEMO:0:${HASH} tambahan`,
    ];
    for (const text of refused) expect([text, parseQrPayload(text)]).toEqual([text, null]);
  });
});
