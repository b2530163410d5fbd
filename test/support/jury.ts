/**
 * A small jury for the exchange tests (issue 9): competition JABAR with three sites and three jurors (J1 every
 * aspect; J2 aspect A only; J3 aspect B only and recused from S02), an instrument with a household indicator (B1),
 * what each juror scores, and a laptop helper that runs a channel and throws the user's message on refusal.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Core } from '../../electron/core/app.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import type { CompetitionFile } from '../../shared/domain/competition.js';
import { describeError } from '../../shared/domain/errors.js';
import { aCompetition, anInstrument } from './builders.js';

export const JURY_COMPETITION: CompetitionFile = aCompetition({
  competition: { code: 'JABAR', name: 'Lomba P2WKSS Uji Jawa Barat' },
  instrument: anInstrument({
    aspects: [
      {
        code: 'A',
        name: 'Administrasi',
        indicators: [
          { code: 'A1', name: 'Dokumen', weight: 30, phase: 'LAP' },
          { code: 'A2', name: 'Kegiatan', weight: 30, phase: 'LAP' },
        ],
      },
      {
        code: 'B',
        name: 'Keluarga',
        indicators: [
          {
            code: 'B1',
            name: 'Kunjungan rumah',
            weight: 40,
            phase: 'LAP',
            household: {
              sampleSize: 2,
              items: ['Jamban sehat', 'Air bersih'],
              bands: [
                { below: 50, score: 1 },
                { below: 80, score: 3 },
                { atLeast: 80, score: 5 },
              ],
            },
          },
        ],
      },
    ],
  }),
  sites: [
    { code: 'S01', name: 'Desa Sukamaju', regency: 'Kabupaten Garut' },
    { code: 'S02', name: 'Desa Mekarsari', regency: 'Kabupaten Bogor' },
    { code: 'S03', name: 'Desa Cibodas', regency: 'Kabupaten Bandung' },
  ],
  jurors: [
    { code: 'J1', name: 'Dr. Hj. Siti Aminah', role: 'ketua' },
    { code: 'J2', name: 'Ir. Bambang', role: 'anggota', aspects: ['A'] },
    { code: 'J3', name: 'dr. Rina', role: 'anggota', aspects: ['B'], recusedSites: ['S02'] },
  ],
});

/** A real 1×1 PNG (the drawn signature). */
export const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
/** A photo (a JPEG made by pdftoppm) and its thumbnail: reused from the evidence tests' fixture. */
export const PHOTO = new Uint8Array(readFileSync(new URL('../fixtures/photos/photo-4x4.jpg', import.meta.url)));
export const THUMB = new Uint8Array(readFileSync(new URL('../fixtures/photos/thumb-2x2.jpg', import.meta.url)));
/** J1's photo of the register at S01, indicator A1 (with its thumbnail), as `evidence.add` takes it. */
export const REGISTER_PHOTO = {
  competition: 'JABAR',
  juror: 'J1',
  site: 'S01',
  indicator: 'A1',
  name: 'register.jpg',
  mime: 'image/jpeg' as const,
  bytes: PHOTO,
  thumbnail: THUMB,
};
export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Runs a channel (after `before`, e.g. a clock tick); a refusal throws with its English message. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
  before: () => void = () => {},
): Promise<ChannelResults[C]> {
  before();
  const r = await core.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${describeError(r.error, 'en')}`);
  return r.value;
}

/** What each juror gives, as (site, indicator) → value; B1 comes from household answers. */
export const WORK: Record<string, { site: string; indicator: string; value?: number; answers?: (boolean | null)[][] }[]> = {
  J1: [
    { site: 'S01', indicator: 'A1', value: 4 },
    { site: 'S01', indicator: 'A2', value: 5 },
    {
      site: 'S01',
      indicator: 'B1',
      answers: [
        [true, true],
        [true, false],
      ],
    },
    { site: 'S02', indicator: 'A1', value: 3 },
    { site: 'S02', indicator: 'A2', value: 3 },
    { site: 'S02', indicator: 'B1', value: 5 },
    { site: 'S03', indicator: 'A1', value: 2 },
    { site: 'S03', indicator: 'A2', value: 4 },
    { site: 'S03', indicator: 'B1', value: 1 },
  ],
  J2: [
    { site: 'S01', indicator: 'A1', value: 5 },
    { site: 'S01', indicator: 'A2', value: 4 },
    { site: 'S02', indicator: 'A1', value: 4 },
    { site: 'S02', indicator: 'A2', value: 2 },
    { site: 'S03', indicator: 'A1', value: 3 },
    { site: 'S03', indicator: 'A2', value: 3 },
  ],
  J3: [
    {
      site: 'S01',
      indicator: 'B1',
      answers: [
        [true, true],
        [true, true],
      ],
    },
    { site: 'S03', indicator: 'B1', value: 3 },
  ],
};

/** Enters one juror's work through the scoring handlers. */
export async function score(core: Core, juror: string, cells: (typeof WORK)[string], before: () => void = () => {}): Promise<void> {
  for (const c of cells) {
    const where = { competition: 'JABAR', juror, site: c.site, indicator: c.indicator };
    if (c.answers) await call(core, 'scoring.setHousehold', { ...where, answers: c.answers }, before);
    else await call(core, 'scoring.setScore', { ...where, value: c.value! }, before);
  }
}

/** The jurors' PINs in the tests of the jury (none an easy guess: issue 12 refuses those). */
/**
 * History entries as JSON text with digests and identifiers taken out, to look for a PIN written in plain text: a
 * 64-digit hex digest or a UUID holds any four given digits now and then by chance, which says nothing of the PIN.
 */
export function withoutDigests(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/[0-9a-f]{64}/g, '<digest>');
}

export const JUROR_PIN: Record<string, string> = { J1: '3917', J2: '4826', J3: '5938' };
export const SECRETARIAT_PIN = '7391';

/**
 * Opens the secretariat's session on this core (setting the secretariat PIN first when the competition has none):
 * setting jurors' PINs, reopening someone's sheet, package conflicts and locking the result are the secretariat's.
 */
export async function asSecretariat(core: Core, competition: string, before: () => void = () => {}): Promise<void> {
  const state = await call(core, 'session.secretariat', { competition }, before);
  if (!state.hasPin) await call(core, 'session.setSecretariatPin', { competition, pin: SECRETARIAT_PIN }, before);
  if (!state.open || !state.hasPin) await call(core, 'session.enterSecretariat', { competition, pin: SECRETARIAT_PIN }, before);
}
