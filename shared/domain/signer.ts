/**
 * Which juror a signing certificate belongs to (issue 11). One rule, used when a key is made, when a PDF is signed
 * and when it is verified:
 * - A certificate's NIP is the first 18-digit number found in its subject's serialNumber attribute (where `keys new`
 *   puts it, and where BSrE-style certificates carry the holder's number), else after the letters "NIP" in its common
 *   name ("Siti Aminah (NIP 196501011990011001)"). Spaces inside the number are ignored.
 * - A certificate matches a juror by NIP when both have one (and only then: a NIP that differs never falls back to
 *   the name), else by name: both names lower-cased, academic titles and punctuation kept out of the comparison
 *   (titles are the words ending in a period or after a comma: "Dr. Hj. Siti Aminah, M.Si." reads "siti aminah").
 * Pure: no Node import.
 */

export interface CertificateHolder {
  /** The certificate's common name. */
  name: string;
  nip: string | null;
}

export interface JurorIdentity {
  code: string;
  name: string;
  nip: string | null | undefined;
}

const NIP = /\d{18}/;

function digits(text: string): string {
  return text.replace(/[\s\u00a0.-]+/g, '');
}

/** The NIP of a certificate subject (its serialNumber, else "NIP …" in its common name), or null. */
export function certificateNip(serialNumber: string | null | undefined, commonName: string | null | undefined): string | null {
  const fromSerial = serialNumber ? NIP.exec(digits(serialNumber)) : null;
  if (fromSerial) return fromSerial[0];
  const m = commonName ? /NIP[\s:.]*([\d\s\u00a0.-]{18,})/i.exec(commonName) : null;
  const fromName = m ? NIP.exec(digits(m[1]!)) : null;
  return fromName ? fromName[0] : null;
}

/** A person's name reduced for comparison: titles, "(NIP …)", punctuation and case left out. */
export function normaliseName(name: string): string {
  const withoutNip = name.replace(/\(?\s*NIP[\s:.]*[\d\s.-]+\)?/gi, ' ');
  const beforeComma = withoutNip.split(',')[0]!;
  return beforeComma
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .filter((word) => word && !word.endsWith('.'))
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a certificate's holder is this juror: by NIP when both have one, else by name. */
export function holderIsJuror(holder: CertificateHolder, juror: JurorIdentity): boolean {
  const jurorNip = juror.nip ? digits(juror.nip) : null;
  if (holder.nip && jurorNip) return holder.nip === jurorNip;
  const name = normaliseName(holder.name);
  return name !== '' && name === normaliseName(juror.name);
}

/** The jurors a certificate belongs to (normally one). */
export function jurorsOf<J extends JurorIdentity>(holder: CertificateHolder, jurors: readonly J[]): J[] {
  return jurors.filter((juror) => holderIsJuror(holder, juror));
}
