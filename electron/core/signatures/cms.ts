/**
 * The CMS (PKCS#7) signature inside a PDF signature's /Contents, as PAdES baseline B-B wants it (ETSI EN 319 142-1,
 * /SubFilter /ETSI.CAdES.detached): SignedData over nothing (detached), SHA-256, RSA PKCS#1 v1.5, with exactly the
 * signed attributes contentType (id-data), messageDigest (SHA-256 of the signed byte ranges) and ESS
 * signing-certificate-v2 (the SHA-256 of the signer's certificate and its issuer and serial); no signingTime: B-B
 * carries the claimed time in the signature dictionary's /M. Built and read with pkijs on Node's WebCrypto.
 */
import { createHash, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

let engineSet = false;
function engine(): void {
  if (engineSet) return;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never }));
  engineSet = true;
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function pkiCertificate(certificate: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBuffer(certificate.raw));
}

/** ESS signing-certificate-v2: SEQUENCE { SEQUENCE OF ESSCertIDv2 { certHash (SHA-256, the default), issuerSerial } }. */
function signingCertificateV2(certificate: X509Certificate, parsed: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [parsed.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: parsed.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: arrayBuffer(sha256(certificate.raw)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The DER of a detached CMS SignedData signing `digest` (SHA-256 of the signed bytes) with the key. */
export async function buildCms(
  digest: Uint8Array,
  key: KeyObject,
  certificate: X509Certificate,
  chain: X509Certificate[],
): Promise<Uint8Array> {
  engine();
  const parsed = pkiCertificate(certificate);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [parsed, ...chain.map(pkiCertificate)],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: parsed.issuer, serialNumber: parsed.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
            new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })] }),
            new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certificate, parsed)] }),
          ],
        }),
      }),
    ],
  });
  const cryptoKey = await webcrypto.subtle.importKey(
    'pkcs8',
    key.export({ format: 'der', type: 'pkcs8' }),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  await signedData.sign(cryptoKey as never, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** What a CMS signature says and whether it holds for the bytes it claims to sign. */
export interface CmsCheck {
  /** The signer's certificate (from the CMS), or null when it carries none that matches. */
  certificate: X509Certificate | null;
  /** Every certificate the CMS carries. */
  certificates: X509Certificate[];
  digestMatches: boolean;
  signatureValid: boolean;
  sha256: boolean;
  /** Whether signing-certificate-v2 is present, and whether its hash is the signer certificate's. */
  signingCertificateV2: boolean;
  signingCertificateMatches: boolean;
  signingTimeAttribute: boolean;
}

/** The length of the DER element at the start (so the zero padding of /Contents is left out), or null. */
export function derLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length <= bytes.length ? 2 + count + length : null;
}

/** Reads and checks a CMS SignedData against the signed bytes. Throws a plain Error when it is not one (the caller words it). */
export async function checkCms(der: Uint8Array, signed: Uint8Array): Promise<CmsCheck> {
  engine();
  const length = derLength(der);
  if (length === null) throw new Error('not DER');
  const info = pkijs.ContentInfo.fromBER(arrayBuffer(der.subarray(0, length)));
  if (info.contentType !== OID.signedData) throw new Error('not SignedData');
  const signedData = new pkijs.SignedData({ schema: info.content });
  const signer = signedData.signerInfos[0];
  if (!signer) throw new Error('no signer');
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));
  let certificate: X509Certificate | null = null;
  if (signer.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = signer.sid;
    const index = (signedData.certificates ?? []).findIndex(
      (c) => c instanceof pkijs.Certificate && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
    );
    certificate = index >= 0 ? (certificates[index] ?? null) : null;
  }
  const sha256Used = signer.digestAlgorithm.algorithmId === OID.sha256;
  const attributes = signer.signedAttrs?.attributes ?? [];
  const attribute = (oid: string) => attributes.find((a) => a.type === oid);
  const digestValue = attribute(OID.messageDigest)?.values[0];
  const digest = digestValue instanceof asn1js.OctetString ? Buffer.from(digestValue.valueBlock.valueHexView) : null;
  const digestMatches = sha256Used && digest !== null && digest.equals(sha256(signed));
  let signingCertificateMatches = false;
  const ess = attribute(OID.signingCertificateV2)?.values[0];
  if (ess instanceof asn1js.Sequence && certificate) {
    const first = (ess.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const parts = first?.valueBlock.value ?? [];
    const hashAlgorithmGiven = parts[0] instanceof asn1js.Sequence;
    const hash = parts[hashAlgorithmGiven ? 1 : 0];
    const algorithm = hashAlgorithmGiven
      ? ((parts[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()
      : OID.sha256;
    signingCertificateMatches =
      algorithm === OID.sha256 &&
      hash instanceof asn1js.OctetString &&
      Buffer.from(hash.valueBlock.valueHexView).equals(sha256(certificate.raw));
  }
  let signatureValid = false;
  if (certificate && digestMatches) {
    try {
      const result = await signedData.verify({ signer: 0, data: arrayBuffer(signed), checkChain: false, extendedMode: true });
      signatureValid = result.signatureVerified === true;
    } catch {
      signatureValid = false;
    }
  }
  return {
    certificate,
    certificates,
    digestMatches,
    signatureValid,
    sha256: sha256Used,
    signingCertificateV2: ess !== undefined,
    signingCertificateMatches,
    signingTimeAttribute: attribute(OID.signingTime) !== undefined,
  };
}
