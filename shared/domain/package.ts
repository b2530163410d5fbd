/**
 * The `.penilai` package between laptops (contract.md section 5): a zip holding `manifest.json`, `manifest.sig` and
 * the members the manifest lists. This file states the manifest (`penilai.package/1`) and the rules for a member's
 * name; reading and writing the zip is electron/core/exchange/package-file.ts.
 */
import { z } from 'zod';
import { COMPETITION_CODE, COMPETITION_UUID } from './competition.js';

export const PACKAGE_FORMAT = 'penilai.package/1';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
/** No member may be larger, nor the members together (declared or actual): a zip bomb is refused before it is read. */
export const MAX_MEMBER_BYTES = 100 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Whether a member's name is a plain relative path inside the package: no `..` or `.` part, not absolute, no
 * backslash, no drive letter, no empty part, no control character.
 */
export function isSafeMemberPath(path: string): boolean {
  if (path.length === 0 || path.length > 255) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\:\u0000-\u001f\u007f]/.test(path) || path.startsWith('/')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The version of a `penilai.package/N` format name, or null when it is not one. */
export function packageFormatVersion(format: unknown): number | null {
  const match = typeof format === 'string' ? /^penilai\.package\/([1-9]\d{0,5})$/.exec(format) : null;
  return match ? Number(match[1]) : null;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const uuid = z.string().regex(COMPETITION_UUID);
/** A raw 32-byte Ed25519 public key in base64 (44 characters, one `=` of padding). */
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/);

export const packageFileSchema = z.strictObject({
  path: z.string().refine((p) => isSafeMemberPath(p) && p !== MANIFEST_FILE && p !== SIGNATURE_FILE),
  sha256: sha256Hex,
  size: z.number().int().min(0).max(MAX_MEMBER_BYTES),
});

const common = {
  format: z.literal(PACKAGE_FORMAT),
  competition: z.strictObject({ uuid, code: z.string().max(40).regex(COMPETITION_CODE) }),
  instrument: z.strictObject({ code: z.string().min(1).max(100), version: z.number().int().min(1), sha256: sha256Hex }),
  device: z.strictObject({ id: uuid, publicKey }),
  created: z.iso.datetime({ offset: true }),
  files: z
    .array(packageFileSchema)
    .max(100_000)
    .refine((files) => new Set(files.map((f) => f.path)).size === files.length),
};

export const packageManifestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('setup') }),
  z.strictObject({
    ...common,
    kind: z.literal('scores'),
    juror: z.string().min(1).max(100),
    /** The range of this device's ledger entries the package carries: chain (the device id), first and last seq. */
    entries: z
      .strictObject({ chain: uuid, from: z.number().int().min(1), to: z.number().int().min(1), head: sha256Hex })
      .refine((e) => e.from <= e.to),
  }),
]);

export type PackageManifest = z.infer<typeof packageManifestSchema>;
export type PackageFile = z.infer<typeof packageFileSchema>;
/** A manifest as its writer gives it: `format` and `files` are filled in when the package is written. */
export type PackageManifestDraft = PackageManifest extends infer M ? (M extends unknown ? Omit<M, 'format' | 'files'> : never) : never;

// ---------------------------------------------------------------------------------------------------------------
// The members of a package (besides the manifest), as their writer lays them out.

/** Setup package: the competition file (contract section 2, with `competition.uuid`). */
export const SETUP_COMPETITION_FILE = 'competition.json';
/** Setup package: the PIN hashes (scrypt, never a PIN) that let the jurors and the secretariat sign in on the laptop. */
export const SETUP_ACCESS_FILE = 'access.json';
/** Scores package: the juror's work as it stands on the laptop. */
export const SCORES_WORK_FILE = 'work.json';
/** Scores package: the laptop's ledger chain up to the head the manifest names. */
export const SCORES_LEDGER_FILE = 'ledger.json';

export const accessSchema = z.strictObject({
  secretariat: z.string().max(500).nullable(),
  jurors: z.record(z.string().max(100), z.string().max(500).nullable()),
});
export type PackageAccess = z.infer<typeof accessSchema>;

const text = z.string().max(100_000);
const isoTime = z.string().max(40);
const cellCode = z.string().min(1).max(100);

const workCell = z.strictObject({
  site: cellCode,
  indicator: cellCode,
  value: z.number().finite().nullable(),
  note: text.nullable(),
  /** Household answers: families × items, each true, false or null (not answered). */
  answers: z.array(z.array(z.boolean().nullable()).max(1000)).max(1000).nullable(),
});

export const workSchema = z.strictObject({
  juror: cellCode,
  cells: z.array(workCell).max(500_000),
  sheets: z
    .array(
      z.strictObject({
        site: cellCode,
        finalisedAt: isoTime.nullable(),
        /** The member holding the drawn signature (PNG) of a finalised sheet. */
        signature: z.string().max(255).nullable(),
      }),
    )
    .max(100_000),
  photos: z
    .array(
      z.strictObject({
        uuid,
        site: cellCode,
        indicator: cellCode,
        name: z.string().min(1).max(260),
        mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
        size: z.number().int().min(0).max(MAX_MEMBER_BYTES),
        sha256: sha256Hex,
        thumbSha256: sha256Hex.nullable(),
        createdAt: isoTime,
        removedAt: isoTime.nullable(),
        device: z.string().max(100),
      }),
    )
    .max(100_000),
});
export type PackageWork = z.infer<typeof workSchema>;

/** A ledger entry carried whole: every field its hash covers (platform/ledger.ts), with its place in the chain. */
const fullEntry = z.strictObject({
  seq: z.number().int().min(1),
  format: z.union([z.literal(1), z.literal(2)]),
  prevHash: sha256Hex,
  hash: sha256Hex,
  uuid: z.string().min(1).max(100),
  competition: z.string().max(100),
  kind: z.string().max(60),
  site: z.string().max(100).nullable(),
  juror: z.string().max(100).nullable(),
  indicator: z.string().max(100).nullable(),
  oldValue: z.number().finite().nullable(),
  newValue: z.number().finite().nullable(),
  oldText: text.nullable(),
  newText: text.nullable(),
  instrumentVersion: z.number().int().nullable(),
  actor: z.string().max(100),
  device: z.string().max(100),
  reason: text.nullable(),
  at: isoTime,
  undoes: z.string().max(100).nullable(),
  payload: z.string().max(10_000_000).nullable(),
  v: z.number().int().nullable(),
});
/** An entry of the chain that is not this juror's work: only its link, so the chain can still be checked whole. */
const linkEntry = z.strictObject({ seq: z.number().int().min(1), prevHash: sha256Hex, hash: sha256Hex });

export const ledgerFileSchema = z.strictObject({
  chain: uuid,
  entries: z.array(z.union([fullEntry, linkEntry])).max(2_000_000),
});
export type PackageLedger = z.infer<typeof ledgerFileSchema>;
export type PackageEntry = z.infer<typeof fullEntry>;
export type PackageLink = z.infer<typeof linkEntry>;

/** The kinds of entry that are a juror's work on a sheet, carried whole in a scores package. */
export const WORK_KINDS = ['score', 'note', 'household', 'evidence', 'finalise', 'reopen'] as const;

export function isFullEntry(e: PackageEntry | PackageLink): e is PackageEntry {
  return 'uuid' in e;
}

const FULL_KEYS = Object.keys(fullEntry.shape);
const HEX64 = /^[0-9a-f]{64}$/;
const nullableString = (v: unknown, max: number): boolean => v === null || (typeof v === 'string' && v.length <= max);
const nullableNumber = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));
const nullableInt = (v: unknown): boolean => v === null || Number.isSafeInteger(v);

/**
 * Whether a value is certainly a whole entry as `fullEntry` states it: a quick check written out by hand, stricter
 * than the schema (it may send a valid entry on to the schema, never let an invalid one through), because a score
 * package of 6,000 scores carries 6,000 entries and the schema's union costs most of the reading.
 */
function plainlyFullEntry(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  // Exactly the schema's keys: as many, and each one there (own, not inherited).
  let count = 0;
  for (const key in o) if (Object.hasOwn(o, key)) count += 1;
  if (count !== FULL_KEYS.length || !FULL_KEYS.every((k) => Object.hasOwn(o, k))) return false;
  return (
    Number.isSafeInteger(o.seq) &&
    (o.seq as number) >= 1 &&
    (o.format === 1 || o.format === 2) &&
    typeof o.prevHash === 'string' &&
    HEX64.test(o.prevHash) &&
    typeof o.hash === 'string' &&
    HEX64.test(o.hash) &&
    typeof o.uuid === 'string' &&
    o.uuid.length >= 1 &&
    o.uuid.length <= 100 &&
    typeof o.competition === 'string' &&
    o.competition.length <= 100 &&
    typeof o.kind === 'string' &&
    o.kind.length <= 60 &&
    nullableString(o.site, 100) &&
    nullableString(o.juror, 100) &&
    nullableString(o.indicator, 100) &&
    nullableNumber(o.oldValue) &&
    nullableNumber(o.newValue) &&
    nullableString(o.oldText, 100_000) &&
    nullableString(o.newText, 100_000) &&
    nullableInt(o.instrumentVersion) &&
    typeof o.actor === 'string' &&
    o.actor.length <= 100 &&
    typeof o.device === 'string' &&
    o.device.length <= 100 &&
    nullableString(o.reason, 100_000) &&
    typeof o.at === 'string' &&
    o.at.length <= 40 &&
    nullableString(o.undoes, 100) &&
    nullableString(o.payload, 10_000_000) &&
    nullableInt(o.v)
  );
}

/**
 * `ledger.json` read as `ledgerFileSchema` states it (the same result, or null for anything it refuses): whole
 * entries that pass the quick check are taken as they are, everything else goes through the schema.
 */
export function parseLedgerFile(value: unknown): PackageLedger | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort().join(',');
    if (keys === 'chain,entries' && typeof o.chain === 'string' && uuid.safeParse(o.chain).success && Array.isArray(o.entries)) {
      const entries = o.entries as unknown[];
      if (entries.length <= 2_000_000) {
        const rest = entries.filter((e) => !plainlyFullEntry(e));
        if (rest.length === 0 || z.array(z.union([fullEntry, linkEntry])).safeParse(rest).success) return value as PackageLedger;
        return null;
      }
    }
  }
  const parsed = ledgerFileSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const CELL_KEYS = Object.keys(workCell.shape);
const code100 = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 100;

/** Whether a value is certainly a cell as `workCell` states it (a quick check, stricter than the schema). */
function plainlyCell(c: unknown): boolean {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const o = c as Record<string, unknown>;
  let count = 0;
  for (const key in o) if (Object.hasOwn(o, key)) count += 1;
  if (count !== CELL_KEYS.length || !CELL_KEYS.every((k) => Object.hasOwn(o, k))) return false;
  // Household answers go through the schema (few cells have them).
  return code100(o.site) && code100(o.indicator) && nullableNumber(o.value) && nullableString(o.note, 100_000) && o.answers === null;
}

/**
 * `work.json` read as `workSchema` states it (the same result, or null for anything it refuses): cells that pass the
 * quick check are taken as they are, the rest of the work goes through the schema.
 */
export function parseWork(value: unknown): PackageWork | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.cells) && o.cells.length <= 500_000) {
      const cells = o.cells as unknown[];
      const rest = cells.filter((c) => !plainlyCell(c));
      const parsed = workSchema.safeParse({ ...o, cells: rest });
      return parsed.success ? ({ ...parsed.data, cells } as PackageWork) : null;
    }
  }
  const parsed = workSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
