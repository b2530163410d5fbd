/**
 * Writing and reading the `.penilai` package (contract.md section 5; the manifest in shared/domain/package.ts).
 * `readPackage` checks everything before it returns anything: a readable zip, safe and unique member names, size
 * limits, the manifest and its signature, every listed member with its hash and size, nothing extra, and that the
 * zip is laid out exactly as `writePackage` lays it out (stored members, fixed times), so no byte of the file can be
 * changed without the package being refused. Each refusal is a UserError naming the member and the cause.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { UserError } from '../../../shared/domain/errors.js';
import {
  isSafeMemberPath,
  MANIFEST_FILE,
  MAX_MEMBER_BYTES,
  MAX_TOTAL_BYTES,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  packageFormatVersion,
  packageManifestSchema,
  SIGNATURE_FILE,
  type PackageManifest,
  type PackageManifestDraft,
} from '../../../shared/domain/package.js';
import { sha256 } from '../platform/hash.js';
import { verifySignature } from '../platform/identity.js';

export interface PackageMember {
  path: string;
  bytes: Uint8Array;
}

export interface ReadPackage {
  manifest: PackageManifest;
  /** The members listed in the manifest, in its order (manifest.json and manifest.sig left out). */
  members: PackageMember[];
}

const MB = 1024 * 1024;
/** Every member is written with this time, read as local time, so the bytes are the same in every time zone. */
const fixedTime = (): Date => new Date(2000, 0, 1, 0, 0, 0);

/** The zip of the members stored (not compressed) in the given order, with fixed times and modes, as a stream. */
function zipStream(members: PackageMember[]): NodeJS.ReadableStream {
  const zip = new yazl.ZipFile();
  for (const member of members) {
    // A view of the bytes, not a copy (a package holds megabytes of entries and photos).
    zip.addBuffer(Buffer.from(member.bytes.buffer, member.bytes.byteOffset, member.bytes.byteLength), member.path, {
      mtime: fixedTime(),
      mode: 0o100644,
      compress: false,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  return zip.outputStream;
}

/** The zip's bytes (see zipStream). */
function zipBytes(members: PackageMember[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = zipStream(members);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Whether zipping the members gives exactly `bytes`, compared piece by piece as the zip streams (the members' bytes
 * are views, so nothing the size of the package is copied).
 */
function zipsTo(members: PackageMember[], bytes: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let offset = 0;
    let same = true;
    const stream = zipStream(members);
    stream.on('data', (chunk: Buffer) => {
      if (!same) return;
      same = offset + chunk.length <= bytes.length && chunk.equals(bytes.subarray(offset, offset + chunk.length));
      offset += chunk.length;
    });
    stream.on('end', () => resolve(same && offset === bytes.length));
    stream.on('error', reject);
  });
}

/** Writes a package: the manifest with `format` and `files` filled in, signed by the device, then the members. */
export async function writePackage(input: {
  manifest: PackageManifestDraft;
  members: PackageMember[];
  sign: (data: Uint8Array) => Uint8Array;
}): Promise<Uint8Array> {
  const files = input.members.map((m) => ({ path: m.path, sha256: sha256(m.bytes), size: m.bytes.length }));
  const manifest = packageManifestSchema.parse({ ...input.manifest, format: PACKAGE_FORMAT, files });
  const manifestBytes = new TextEncoder().encode(canonicalJson(manifest));
  const signature = input.sign(manifestBytes);
  return new Uint8Array(
    await zipBytes([{ path: MANIFEST_FILE, bytes: manifestBytes }, { path: SIGNATURE_FILE, bytes: signature }, ...input.members]),
  );
}

/**
 * Every member of the zip by name, in the zip's order. First every entry of the central directory is checked (a
 * safe, unique name; the declared sizes under the limits), before a single member's bytes are read; then each
 * member is read, its actual size kept under the limit while it streams.
 */
function unzip(bytes: Buffer, file: string): Promise<Map<string, Buffer>> {
  const broken = (): UserError =>
    new UserError(bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'exchange.truncated' : 'exchange.notPackage', {
      file,
    });
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(broken());
      const entries: { member: string; entry: yauzl.Entry }[] = [];
      const names = new Set<string>();
      const members = new Map<string, Buffer>();
      let declared = 0;
      let failed = false;
      const fail = (refusal: UserError): void => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(refusal);
      };
      const tooLarge = (member: string): void => fail(new UserError('exchange.tooLarge', { file, member, limit: MAX_MEMBER_BYTES / MB }));
      zip.on('error', () => fail(broken()));
      zip.on('entry', (entry: yauzl.Entry) => {
        let member: string;
        try {
          member = new TextDecoder('utf-8', { fatal: true }).decode(entry.fileName as unknown as Buffer);
        } catch {
          return fail(new UserError('exchange.badPath', { file, member: '?' }));
        }
        if (!isSafeMemberPath(member)) return fail(new UserError('exchange.badPath', { file, member: JSON.stringify(member) }));
        if (names.has(member)) return fail(new UserError('exchange.duplicate', { file, member }));
        if (entry.uncompressedSize > MAX_MEMBER_BYTES) return tooLarge(member);
        declared += entry.uncompressedSize;
        if (declared > MAX_TOTAL_BYTES) return fail(new UserError('exchange.totalTooLarge', { file, limit: MAX_TOTAL_BYTES / MB }));
        names.add(member);
        entries.push({ member, entry });
        zip.readEntry();
      });
      const readNext = (index: number): void => {
        if (failed) return;
        const next = entries[index];
        if (!next) return resolve(members);
        const { member, entry } = next;
        const altered = (): void => fail(new UserError('exchange.altered', { file, member }));
        if (entry.compressionMethod === 0 && !entry.isEncrypted() && entry.compressedSize === entry.uncompressedSize) {
          // A stored member (as writePackage stores every one) is a view of the package's bytes, not a copy: the
          // bounds are checked by yauzl, the limits above, the content by its hash in readPackage.
          zip.readLocalFileHeader(entry, { minimal: true }, (headerError, header) => {
            if (headerError) return altered();
            members.set(member, bytes.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize));
            readNext(index + 1);
          });
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return altered();
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // validateEntrySizes stops a member larger than it declares; this is the limit kept while it streams.
            if (size > MAX_MEMBER_BYTES) {
              stream.destroy();
              tooLarge(member);
            } else chunks.push(chunk);
          });
          stream.on('error', altered);
          stream.on('end', () => {
            members.set(member, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
            readNext(index + 1);
          });
        });
      };
      zip.on('end', () => readNext(0));
      zip.readEntry();
    });
  });
}

/** The manifest's JSON, its format checked first so that a newer package is named as such. */
function parseManifest(bytes: Buffer, file: string): PackageManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UserError('exchange.badManifest', { file });
  }
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  const version = packageFormatVersion(format);
  if (version !== null && version > PACKAGE_FORMAT_VERSION) throw new UserError('exchange.newerFormat', { file, format: String(format) });
  const parsed = packageManifestSchema.safeParse(json);
  if (!parsed.success) throw new UserError('exchange.badManifest', { file });
  return parsed.data;
}

function signatureHolds(publicKey: string, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return verifySignature(publicKey, data, signature);
  } catch {
    return false;
  }
}

/** Reads a package, checking all of it; `file` is the name its messages use. */
export async function readPackage(input: Uint8Array, file: string): Promise<ReadPackage> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length > MAX_TOTAL_BYTES) throw new UserError('exchange.totalTooLarge', { file, limit: MAX_TOTAL_BYTES / MB });
  const members = await unzip(bytes, file);
  const manifestBytes = members.get(MANIFEST_FILE);
  if (!manifestBytes) throw new UserError('exchange.missing', { file, member: MANIFEST_FILE });
  const manifest = parseManifest(manifestBytes, file);
  const signature = members.get(SIGNATURE_FILE);
  if (!signature) throw new UserError('exchange.missing', { file, member: SIGNATURE_FILE });
  if (!signatureHolds(manifest.device.publicKey, manifestBytes, signature)) throw new UserError('exchange.badSignature', { file });
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const member of members.keys()) {
    if (member !== MANIFEST_FILE && member !== SIGNATURE_FILE && !listed.has(member))
      throw new UserError('exchange.extra', { file, member });
  }
  const result: PackageMember[] = [];
  for (const entry of manifest.files) {
    const content = members.get(entry.path);
    if (!content) throw new UserError('exchange.missing', { file, member: entry.path });
    if (content.length !== entry.size || sha256(content) !== entry.sha256)
      throw new UserError('exchange.altered', { file, member: entry.path });
    result.push({ path: entry.path, bytes: content });
  }
  // Every byte counts: the zip must be exactly the one writePackage makes of these members (a byte the reader skips,
  // such as a time or a comment, changed by hand or by another zip tool, is still a change).
  const again = [{ path: MANIFEST_FILE, bytes: manifestBytes }, { path: SIGNATURE_FILE, bytes: signature }, ...result];
  if (!(await zipsTo(again, bytes))) throw new UserError('exchange.repacked', { file });
  return { manifest, members: result };
}
