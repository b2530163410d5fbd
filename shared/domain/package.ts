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
    entries: z.strictObject({ chain: uuid, from: z.number().int().min(1), to: z.number().int().min(1) }).refine((e) => e.from <= e.to),
  }),
]);

export type PackageManifest = z.infer<typeof packageManifestSchema>;
export type PackageFile = z.infer<typeof packageFileSchema>;
/** A manifest as its writer gives it: `format` and `files` are filled in when the package is written. */
export type PackageManifestDraft = PackageManifest extends infer M ? (M extends unknown ? Omit<M, 'format' | 'files'> : never) : never;
