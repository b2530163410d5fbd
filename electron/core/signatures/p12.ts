/**
 * Signing keys: a PKCS#12 file read with its passphrase (node-forge; RSA keys only, as BSrE issues them), and a
 * self-signed key made for a juror without a certificate (`keys new`, `signatures.newKey`). The passphrase is only
 * ever an argument here: never stored, never logged, never part of a message.
 */
import { createPrivateKey, createPublicKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { certificateNip, type CertificateHolder } from '../../../shared/domain/signer.js';
import { UserError } from '../../../shared/domain/errors.js';

export interface SigningKey {
  /** The RSA private key. */
  key: KeyObject;
  /** The signer's certificate (the one whose public key is the key's). */
  certificate: X509Certificate;
  /** The other certificates of the file (its chain, when it carries one). */
  chain: X509Certificate[];
  holder: CertificateHolder;
}

/** An attribute of a subject or issuer as node prints it ("CN=…\nserialNumber=…"). */
export function nameAttribute(text: string, attribute: string): string | null {
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).toLowerCase() === attribute.toLowerCase()) return unescapeName(line.slice(eq + 1));
  }
  return null;
}

/** A value as node prints it in a name ("Siti Aminah\\, M.Si.") back to its text ("Siti Aminah, M.Si."). */
function unescapeName(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** A subject or issuer with its escapes removed, one attribute a line. */
export function readableName(name: string): string {
  return name
    .split('\n')
    .map((line) => unescapeName(line))
    .join('\n');
}

/** Who a certificate names: its common name and NIP (shared/domain/signer.ts). */
export function certificateHolder(certificate: X509Certificate): CertificateHolder {
  const cn = nameAttribute(certificate.subject, 'CN') ?? certificate.subject.split('\n')[0] ?? '';
  return { name: cn, nip: certificateNip(nameAttribute(certificate.subject, 'serialNumber'), cn) };
}

/** A subject or issuer in one line, as people read it ("CN=Siti Aminah, serialNumber=…, O=…"). */
export function oneLine(name: string): string {
  return readableName(name).split('\n').filter(Boolean).join(', ');
}

const OIDS = {
  shroudedKey: forge.pki.oids.pkcs8ShroudedKeyBag!,
  key: forge.pki.oids.keyBag!,
  cert: forge.pki.oids.certBag!,
};

function binary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/**
 * What a PKCS#12 file may ask before it is opened: its size (a key file is a few kilobytes, a long chain some tens),
 * how deep its DER nests, and the iteration counts of its MAC and key derivations. node-forge derives keys in
 * JavaScript on the main process: 16 million iterations take half a minute, 2^31 over an hour (found by
 * test/integration/signatures-fuzz.test.ts). OpenSSL and Windows write 2,048 or 2,000, Java 10,000.
 */
export const P12_LIMITS = { bytes: 1024 * 1024, depth: 48, iterations: 1_000_000 };

/**
 * Every iteration count of the file (an INTEGER right after an OCTET STRING salt in a SEQUENCE: the MAC data, the
 * PKCS#12 PBE parameters, PBKDF2's parameters), also inside the DER that an OCTET STRING holds (the authenticated
 * safe, its bags); refused above the limit, before any key is derived. DER nested deeper than the limit is no key file.
 */
function checkIterations(file: string, node: forge.asn1.Asn1, depth: number): void {
  if (depth > P12_LIMITS.depth) throw new UserError('signatures.p12NotPkcs12', { file });
  if (!Array.isArray(node.value)) {
    if (node.tagClass === forge.asn1.Class.UNIVERSAL && node.type === forge.asn1.Type.OCTETSTRING && node.value.length > 1) {
      let inner: forge.asn1.Asn1;
      try {
        inner = forge.asn1.fromDer(node.value, { strict: true, parseAllBytes: true, decodeBitStrings: false } as never);
      } catch {
        return; // a salt, a digest or encrypted bytes: no DER inside
      }
      checkIterations(file, inner, depth + 1);
    }
    return;
  }
  const children = node.value;
  children.forEach((child, i) => {
    const previous = children[i - 1];
    if (
      previous &&
      node.type === forge.asn1.Type.SEQUENCE &&
      child.tagClass === forge.asn1.Class.UNIVERSAL &&
      child.type === forge.asn1.Type.INTEGER &&
      previous.tagClass === forge.asn1.Class.UNIVERSAL &&
      previous.type === forge.asn1.Type.OCTETSTRING &&
      typeof child.value === 'string'
    ) {
      let digits = child.value;
      while (digits.startsWith(String.fromCharCode(0))) digits = digits.slice(1);
      const count = digits.length > 4 ? Infinity : [...digits].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
      if (count > P12_LIMITS.iterations) throw new UserError('signatures.p12Iterations', { file, limit: P12_LIMITS.iterations });
    }
    checkIterations(file, child, depth + 1);
  });
}

/**
 * The key and certificate of a PKCS#12 file. Refuses, naming the file: not PKCS#12, a wrong passphrase, no private
 * key, a key that is not RSA, no certificate for the key; and (with `at`) a certificate not valid at that time.
 */
export function readP12(file: string, bytes: Uint8Array, passphrase: string, at: Date | null): SigningKey {
  if (bytes.length > P12_LIMITS.bytes) throw new UserError('signatures.p12TooLarge', { file, limit: P12_LIMITS.bytes / 1024 });
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(binary(bytes), { strict: false } as never);
  } catch {
    throw new UserError('signatures.p12NotPkcs12', { file });
  }
  checkIterations(file, asn1, 0);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/password|MAC could not be verified|decrypt/i.test(message)) throw new UserError('signatures.p12Passphrase', { file });
    throw new UserError('signatures.p12NotPkcs12', { file });
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(OIDS.shroudedKey), ...bags(OIDS.key)];
  if (keyBags.length === 0) throw new UserError('signatures.p12NoKey', { file });
  const bag = keyBags[0]!;
  let key: KeyObject;
  if (bag.key) {
    const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey));
    key = createPrivateKey({ key: derOf(pkcs8), format: 'der', type: 'pkcs8' });
  } else {
    let type = 'unknown';
    try {
      type =
        createPrivateKey({ key: derOf((bag as { asn1: forge.asn1.Asn1 }).asn1), format: 'der', type: 'pkcs8' }).asymmetricKeyType ?? type;
    } catch {
      // an unreadable key is still not an RSA key
    }
    throw new UserError('signatures.p12NotRsa', { file, type: type.toUpperCase() });
  }
  const certificates: X509Certificate[] = [];
  for (const certBag of bags(OIDS.cert)) {
    const certAsn1 = certBag.cert ? forge.pki.certificateToAsn1(certBag.cert) : (certBag as { asn1?: forge.asn1.Asn1 }).asn1;
    if (certAsn1) certificates.push(new X509Certificate(derOf(certAsn1)));
  }
  const ownPublic = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const certificate = certificates.find((c) => Buffer.compare(c.publicKey.export({ format: 'der', type: 'spki' }), ownPublic) === 0);
  if (!certificate) throw new UserError('signatures.p12NoCertificate', { file });
  const holder = certificateHolder(certificate);
  if (at) {
    if (new Date(certificate.validTo).getTime() < at.getTime())
      throw new UserError('signatures.certExpired', {
        file,
        signer: holder.name,
        date: new Date(certificate.validTo).toISOString().slice(0, 10),
      });
    if (new Date(certificate.validFrom).getTime() > at.getTime())
      throw new UserError('signatures.certNotYetValid', {
        file,
        signer: holder.name,
        date: new Date(certificate.validFrom).toISOString().slice(0, 10),
      });
  }
  return { key, certificate, chain: certificates.filter((c) => c !== certificate), holder };
}

/** Who a self-signed key is made for. */
export interface NewKeyRequest {
  name: string;
  nip: string | null;
  passphrase: string;
  now: Date;
}

/** The organisation named in every key made by the app, so that verification can say where it came from. */
export const SELF_SIGNED_ORG = 'Penilai (kunci buatan aplikasi)';

/**
 * A self-signed RSA 2048 certificate and key as a PKCS#12 file: CN = the name, serialNumber = the NIP (when given),
 * O = "Penilai (kunci buatan aplikasi)"; valid five years from now; for digital signatures (key usage
 * digitalSignature and nonRepudiation). The file is protected by the passphrase (AES-256, SHA-256 MAC).
 */
export function newSelfSignedKey(request: NewKeyRequest): Uint8Array {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(request.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(request.now.getTime());
  cert.validity.notAfter.setUTCFullYear(cert.validity.notAfter.getUTCFullYear() + 5);
  const attributes: forge.pki.CertificateField[] = [
    { name: 'commonName', value: request.name, valueTagClass: forge.asn1.Type.UTF8 as never },
  ];
  if (request.nip) attributes.push({ name: 'serialNumber', value: request.nip, valueTagClass: forge.asn1.Type.PRINTABLESTRING as never });
  attributes.push({ name: 'organizationName', value: SELF_SIGNED_ORG, valueTagClass: forge.asn1.Type.UTF8 as never });
  attributes.push({ name: 'countryName', value: 'ID' });
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], request.passphrase, {
    algorithm: 'aes256',
    friendlyName: request.name,
    generateLocalKeyId: true,
  } as never);
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}
