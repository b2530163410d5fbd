/** The signatures channels (contract section 7): verify a PDF, sign one, make a self-signed key, the trusted certificates. */
import type { HandlerGroup } from '../deps.js';
import { newSelfSignedKey } from './p12.js';
import { databaseView, signWithDatabase, verifyDocument } from './service.js';
import { listTrusted, trust, untrust } from './trust.js';

/** A key file's name from the holder's name: "Siti Aminah" → "Siti-Aminah.p12". */
export function keyFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'kunci'}.p12`;
}

export const signatureHandlers = {
  'signatures.verify': ({ file, database }, deps) =>
    verifyDocument(file.bytes, deps.signing.home, database ? databaseView(deps) : null, file.name),
  'signatures.sign': ({ file, p12, passphrase, juror }, deps) =>
    signWithDatabase(deps, { file, p12, passphrase, juror: juror ?? null }, deps.resources),
  'signatures.newKey': ({ name, nip, passphrase }, { clock }) => ({
    name: keyFileName(name),
    mime: 'application/x-pkcs12',
    bytes: newSelfSignedKey({ name, nip: nip ?? null, passphrase, now: clock() }),
  }),
  'signatures.trusted': (_args, { signing }) => listTrusted(signing.home),
  'signatures.trust': ({ file }, { signing }) => trust(signing.home, file.name, file.bytes),
  'signatures.untrust': ({ fingerprint }, { signing }) => untrust(signing.home, fingerprint),
} satisfies HandlerGroup;
