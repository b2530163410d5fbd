/** What a package holds, checked whole (`readPackage`), said as a summary; no database is needed. */
import type { PackageSummary } from '../../../shared/contract/exchange.js';
import { fingerprint } from '../platform/identity.js';
import { readPackage } from './package-file.js';

export async function inspectPackage(name: string, bytes: Uint8Array): Promise<PackageSummary> {
  const { manifest } = await readPackage(bytes, name);
  return {
    kind: manifest.kind,
    competition: manifest.competition,
    instrument: manifest.instrument,
    device: { id: manifest.device.id, fingerprint: fingerprint(manifest.device.publicKey) },
    ...(manifest.kind === 'scores' ? { juror: manifest.juror, entries: manifest.entries } : {}),
    created: manifest.created,
    files: { count: manifest.files.length, size: manifest.files.reduce((sum, f) => sum + f.size, 0) },
  };
}
