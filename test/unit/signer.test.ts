/** The rule matching a signing certificate to a juror (shared/domain/signer.ts): by NIP when both have one, else by name. */
import { describe, expect, it } from 'vitest';
import { certificateNip, holderIsJuror, jurorsOf, normaliseName } from '../../shared/domain/signer.js';

const JURORS = [
  { code: 'J1', name: 'Dr. Hj. Siti Aminah, M.Si.', nip: '196501011990011001' },
  { code: 'J2', name: 'Ir. Bambang Hermawan, M.M.', nip: null },
];

describe('certificate holder ↔ juror', () => {
  it('reads the NIP from serialNumber, else from "NIP …" in the common name', () => {
    expect(certificateNip('196501011990011001', 'Siti')).toBe('196501011990011001');
    expect(certificateNip('NIK-ID 1965 0101 1990 01 1 001', null)).toBe('196501011990011001');
    expect(certificateNip(null, 'Siti Aminah (NIP 19650101 199001 1 001)')).toBe('196501011990011001');
    expect(certificateNip('12345', 'Siti Aminah')).toBeNull();
  });

  it('leaves titles, punctuation and case out of a name', () => {
    expect(normaliseName('Dr. Hj. Siti Aminah, M.Si.')).toBe('siti aminah');
    expect(normaliseName('SITI  AMINAH (NIP 196501011990011001)')).toBe('siti aminah');
    expect(normaliseName('Ir. Bambang Hermawan, M.M.')).toBe('bambang hermawan');
  });

  it('matches by NIP when both have one (a different NIP never falls back to the name), else by name', () => {
    expect(jurorsOf({ name: 'Siapa Saja', nip: '196501011990011001' }, JURORS).map((j) => j.code)).toEqual(['J1']);
    expect(holderIsJuror({ name: 'Siti Aminah', nip: '199901011990011001' }, JURORS[0]!)).toBe(false);
    expect(jurorsOf({ name: 'Siti Aminah', nip: null }, JURORS).map((j) => j.code)).toEqual(['J1']);
    expect(jurorsOf({ name: 'BAMBANG HERMAWAN', nip: '196602021991022002' }, JURORS).map((j) => j.code)).toEqual(['J2']);
    expect(jurorsOf({ name: 'Orang Lain', nip: null }, JURORS)).toEqual([]);
  });
});
