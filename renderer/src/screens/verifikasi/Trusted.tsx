/**
 * Sertifikat tepercaya: the certificates this laptop trusts (a signature whose certificate chains to one of them is
 * "tepercaya"), for the secretariat to add (such as the BSrE root) and remove.
 */
import { useEffect } from 'react';
import { formatDate } from '../../../../shared/domain/dates.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useVerifikasiStore } from '../../stores/verifikasi.js';

/** A fingerprint in groups of four, to be read and compared. */
function grouped(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export function TrustedSection() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { trusted, trustError, trustDone, loadTrusted, trust, untrust } = useVerifikasiStore();

  useEffect(() => {
    void loadTrusted();
  }, [loadTrusted]);

  return (
    <Section title={t('verif.trust.title')}>
      <p className="muted">{t('verif.trust.hint')}</p>
      {trusted && trusted.length === 0 ? <p className="empty">{t('verif.trust.none')}</p> : null}
      {trusted && trusted.length > 0 ? (
        <table className="data verif-trusted">
          <caption className="sr-only">{t('verif.trust.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('verif.trust.subject')}</th>
              <th scope="col">{t('verif.trust.issuer')}</th>
              <th scope="col">{t('verif.trust.validTo')}</th>
              <th scope="col">{t('verif.trust.fingerprint')}</th>
              <th scope="col">
                <span className="sr-only">{t('verif.trust.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trusted.map((c) => (
              <tr key={c.fingerprint} data-fingerprint={c.fingerprint}>
                <td className="verif-dn">{c.subject}</td>
                <td className="verif-dn">{c.issuer}</td>
                <td>{formatDate(c.validTo.slice(0, 10), lang)}</td>
                <td className="verif-hash">{grouped(c.fingerprint)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary small-button"
                    aria-label={t('verif.trust.removeLabel', { subject: c.subject })}
                    onClick={() => void untrust(c.fingerprint)}
                  >
                    {t('verif.trust.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="toolbar-row">
        <label className="file-button">
          {t('verif.trust.add')}
          <input
            type="file"
            accept=".cer,.crt,.pem,.der"
            onChange={(e) => {
              const input = e.target;
              const file = input.files?.[0];
              if (!file) return;
              void file
                .arrayBuffer()
                .then((buffer) => trust({ name: file.name, bytes: new Uint8Array(buffer) }))
                .finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      <div aria-live="polite">
        {trustError ? (
          <p className="notice notice-error" role="alert">
            {describeError(trustError, lang)}
          </p>
        ) : trustDone ? (
          <p className="notice notice-ok" role="status">
            {trustDone === 'added' ? t('verif.trust.added') : t('verif.trust.removed')}
          </p>
        ) : null}
      </div>
    </Section>
  );
}
