/** Messages about setting up a competition: saving, instrument versions, coverage warnings. */
import { catalogue } from './types.js';

export const setupMessages = catalogue(
  {
    'instrument.locked': (p) =>
      `Instrumen ${p.code} versi ${p.version} sudah dipakai untuk menilai dan terkunci. Simpan perubahan sebagai versi baru (versi ${p.next}).`,
    'setup.coverageGap': (p) => `Aspek ${p.aspect} di lokus ${p.site} tidak dinilai oleh juri mana pun.`,
  },
  {
    'instrument.locked': (p) => `Instrument ${p.code} version ${p.version} has been used for scoring and is locked. Save the changes as a new version (version ${p.next}).`,
    'setup.coverageGap': (p) => `No juror scores aspect ${p.aspect} at site ${p.site}.`,
  },
);
