/**
 * Verifikasi dokumen: anyone holding a printed page or a PDF of the assessment documents checks it against this
 * laptop's data. A printed page by the code in its footer (or the text its QR code gives); a PDF by its digital
 * signatures and its data stamp; and, for the secretariat, the certificates this laptop trusts (such as BSrE's root).
 * Works without an open competition: every competition of the database is looked at.
 */
import { useEffect } from 'react';
import { useT } from '../../components/common.js';
import { CodeCheckSection } from './CodeCheck.js';
import { PdfCheckSection } from './PdfCheck.js';
import { TrustedSection } from './Trusted.js';
import '../../styles/verifikasi.css';

export const VERIFIKASI_HASH = '#/verifikasi';

export function VerifikasiScreen() {
  const t = useT();

  // The screen's address, so that a reload comes back to it (App's store reads it at start).
  useEffect(() => {
    if (!window.location.hash.startsWith(VERIFIKASI_HASH)) history.replaceState(null, '', VERIFIKASI_HASH);
  }, []);

  return (
    <div className="screen verifikasi">
      <h1>{t('verif.heading')}</h1>
      <p className="muted verif-intro">{t('verif.intro')}</p>
      <CodeCheckSection />
      <PdfCheckSection />
      <TrustedSection />
    </div>
  );
}
