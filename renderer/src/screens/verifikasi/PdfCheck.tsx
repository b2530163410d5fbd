/**
 * Periksa berkas PDF: a PDF picked or dropped, verified by the core (`signatures.verify` with the database): the
 * verdict in words at the top, each signature as a card, then the document's data stamp against this laptop's data.
 */
import { useState, type DragEvent } from 'react';
import type { PdfSignature } from '../../../../shared/contract/schemas.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { shortCode } from '../../../../shared/domain/doc-stamp.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { t as message } from '../../../../shared/i18n/messages.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useVerifikasiStore, type Names, type PdfCheck } from '../../stores/verifikasi.js';
import { coverageKey, docKey, pdfVerdict, problemText, trustKey } from './verdict.js';

async function firstFile(list: FileList | null | undefined): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = list?.[0];
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

export function PdfCheckSection() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { pdf, pdfBusy, pdfError, checkPdf } = useVerifikasiStore();
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void firstFile(event.dataTransfer.files).then((file) => (file ? checkPdf(file) : undefined));
  }

  return (
    <Section title={t('verif.pdf.title')}>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="pdf-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="muted">{t('verif.pdf.hint')}</p>
        <div className="toolbar-row">
          <label className="file-button">
            {t('verif.pdf.pick')}
            <input
              type="file"
              accept=".pdf,application/pdf"
              onChange={(e) => {
                const input = e.target;
                void firstFile(input.files)
                  .then((file) => (file ? checkPdf(file) : undefined))
                  .finally(() => (input.value = ''));
              }}
            />
          </label>
          <span className="muted">{over ? t('verif.pdf.dropActive') : t('verif.pdf.drop')}</span>
        </div>
      </div>
      <div aria-live="polite">
        {pdfBusy ? (
          <p className="muted" role="status">
            {t('verif.pdf.checking', { name: pdfBusy })}
          </p>
        ) : pdfError ? (
          <p className="notice notice-error" role="alert">
            {'notPdf' in pdfError ? t('verif.pdf.notPdf', { name: pdfError.notPdf }) : describeError(pdfError.error, lang)}
          </p>
        ) : pdf ? (
          <PdfResult check={pdf} />
        ) : null}
      </div>
    </Section>
  );
}

const MARKS = { ok: '✓', warn: '!', bad: '✗' } as const;

function PdfResult({ check }: { check: PdfCheck }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { result } = check;
  const verdict = pdfVerdict(result, lang, t('verif.pdf.notValidUnknown'));
  const count = result.signatures.length;
  return (
    <div className={`verif-result verif-${verdict.tone}`} data-verdict={verdict.key}>
      <p className="verif-file muted">{t('verif.pdf.file', { name: check.name })}</p>
      <p className="verif-verdict">
        <span className="verif-mark" aria-hidden="true">
          {MARKS[verdict.tone]}
        </span>
        {t(verdict.key, verdict.params)}
      </p>
      {count === 0 ? <p>{t('verif.pdf.unsignedHint')}</p> : null}
      {count > 0 ? (
        <>
          <h3>{t('verif.pdf.signatures', { count })}</h3>
          <ol className="verif-signatures">
            {result.signatures.map((s, i) => (
              <SignatureCard key={i} signatures={result.signatures} index={i} names={check.names} />
            ))}
          </ol>
        </>
      ) : null}
      <h3>{t('verif.pdf.data')}</h3>
      <DataStamp check={check} />
    </div>
  );
}

function SignatureCard({ signatures, index, names }: { signatures: PdfSignature[]; index: number; names: Names | null }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const s = signatures[index]!;
  const problem = problemText(s, lang);
  // The juror's code, and the juror's name as the competition has it when the certificate spells it otherwise.
  const jurorName = s.juror ? names?.jurors[s.juror] : undefined;
  const juror = s.juror ? (jurorName && jurorName !== s.signer ? `${s.juror}, ${jurorName}` : s.juror) : null;
  const coverage = coverageKey(signatures, index);
  return (
    <li className={s.valid ? 'verif-signature' : 'verif-signature verif-signature-bad'} data-valid={s.valid}>
      <h4>
        {t('verif.pdf.signatureN', { n: index + 1, count: signatures.length })}: {s.signer}
      </h4>
      <dl className="verif-facts">
        <dt>{t('verif.pdf.signer')}</dt>
        <dd>{juror ? t('verif.pdf.asJuror', { name: s.signer, juror }) : s.signer}</dd>
        <dt>{t('verif.pdf.subject')}</dt>
        <dd className="verif-dn">{s.subject}</dd>
        <dt>{t('verif.pdf.issuer')}</dt>
        <dd className="verif-dn">{s.issuer}</dd>
        <dt>{t('verif.pdf.time')}</dt>
        <dd>
          {s.signedAt ? (
            <>
              {formatDateTime(new Date(s.signedAt), lang)} <span className="muted">({t('verif.pdf.timeNote')})</span>
            </>
          ) : (
            t('verif.pdf.timeUnknown')
          )}
        </dd>
        <dt>{t('verif.pdf.validity')}</dt>
        <dd className={s.valid ? 'verif-good' : 'verif-badtext'}>
          <span aria-hidden="true">{s.valid ? '✓ ' : '✗ '}</span>
          {s.valid ? t('verif.pdf.valid') : problem ? t('verif.pdf.notValid', { problem }) : t('verif.pdf.notValidUnknown')}
        </dd>
        <dt>{t('verif.pdf.coverage')}</dt>
        <dd className={coverage === 'verif.pdf.coversLastNot' ? 'verif-badtext' : undefined}>{t(coverage)}</dd>
        <dt>{t('verif.pdf.trust')}</dt>
        <dd className={s.trusted ? 'verif-good' : undefined}>{t(trustKey(s))}</dd>
      </dl>
    </li>
  );
}

function DataStamp({ check }: { check: PdfCheck }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { stamp, matchesDatabase, databaseProblem } = check.result;
  if (!stamp) return <p>{t('verif.pdf.noStamp')}</p>;
  const names = check.names;
  return (
    <div className="verif-match">
      <dl className="verif-facts">
        <dt>{t('verif.field.document')}</dt>
        <dd>
          {t('verif.pdf.stamp', {
            doc: t(docKey(stamp.doc)),
            competition: names ? `${names.name} (${stamp.competition})` : stamp.competition,
            revision: stamp.revision,
          })}
        </dd>
        {stamp.juror ? (
          <>
            <dt>{t('verif.field.juror')}</dt>
            <dd>{names?.jurors[stamp.juror] ? `${names.jurors[stamp.juror]} (${stamp.juror})` : stamp.juror}</dd>
          </>
        ) : null}
        {stamp.site ? (
          <>
            <dt>{t('verif.field.site')}</dt>
            <dd>{names?.sites[stamp.site] ? `${names.sites[stamp.site]} (${stamp.site})` : stamp.site}</dd>
          </>
        ) : null}
        <dt>{t('verif.field.code')}</dt>
        <dd className="verif-code">{shortCode(stamp.sha256)}</dd>
        <dt>{t('verif.field.hash')}</dt>
        <dd className="verif-hash">{stamp.sha256}</dd>
      </dl>
      {matchesDatabase === true ? (
        <p className="verif-good verif-emphasis" data-match="yes">
          <span aria-hidden="true">✓ </span>
          {t('verif.pdf.matches')}
        </p>
      ) : matchesDatabase === false ? (
        <div className="verif-badtext" data-match="no">
          <p className="verif-emphasis">
            <span aria-hidden="true">✗ </span>
            {t('verif.pdf.mismatch')}
          </p>
          {databaseProblem ? <p>{message(lang, databaseProblem.key, databaseProblem.params)}</p> : null}
        </div>
      ) : (
        <p className="muted" data-match="unchecked">
          {t('verif.pdf.notChecked')}
        </p>
      )}
    </div>
  );
}
