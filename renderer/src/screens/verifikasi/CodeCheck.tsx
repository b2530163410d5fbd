/** Periksa halaman cetak: the code in a page's footer (or its QR text) looked up in every competition of this laptop. */
import { useState, type FormEvent } from 'react';
import type { DocumentMatch } from '../../../../shared/contract/schemas.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { shortCode } from '../../../../shared/domain/doc-stamp.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useVerifikasiStore, type CodeCheck, type Names } from '../../stores/verifikasi.js';
import { docKey, stateKey } from './verdict.js';

export function CodeCheckSection() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { code, codeBusy, codeError, checkCode } = useVerifikasiStore();
  const [text, setText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() !== '') void checkCode(text);
  }

  return (
    <Section title={t('verif.code.title')}>
      <form className="verif-code-form" onSubmit={submit}>
        <label htmlFor="verif-code">{t('verif.code.label')}</label>
        <div className="verif-code-row">
          <input
            id="verif-code"
            className="verif-code-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="verif-code-hint"
            autoComplete="off"
            spellCheck={false}
            maxLength={400}
            placeholder="AB12-CD34-EF56"
          />
          <button type="submit" className="primary" disabled={codeBusy || text.trim() === ''}>
            {codeBusy ? t('verif.code.checking') : t('verif.code.check')}
          </button>
        </div>
        <span id="verif-code-hint" className="hint">
          {t('verif.code.hint')}
        </span>
      </form>
      <div aria-live="polite">
        {codeError ? (
          <p className="notice notice-error" role="alert">
            {describeError(codeError, lang)}
          </p>
        ) : code ? (
          <CodeResult check={code} />
        ) : null}
      </div>
    </Section>
  );
}

function CodeResult({ check }: { check: CodeCheck }) {
  const t = useT();
  const { lookup } = check;
  if (lookup.hex === null) {
    return (
      <div className="verif-result verif-warn" data-verdict="not-a-code">
        <p className="verif-verdict">
          <span className="verif-mark" aria-hidden="true">
            ?
          </span>
          {t('verif.code.notACode')}
        </p>
      </div>
    );
  }
  if (lookup.matches.length > 0) {
    return (
      <div className="verif-result verif-ok" data-verdict="match">
        <p className="verif-verdict">
          <span className="verif-mark" aria-hidden="true">
            ✓
          </span>
          {lookup.matches.length === 1 ? t('verif.code.found') : t('verif.code.foundMany', { count: lookup.matches.length })}
        </p>
        <p>{t('verif.code.foundHint')}</p>
        {lookup.matches.map((m) => (
          <MatchCard
            key={`${m.competition}:${m.doc}:${m.title}`}
            match={m}
            names={check.names[m.competition] ?? null}
            claimedRevision={lookup.claimed?.revision ?? null}
          />
        ))}
      </div>
    );
  }
  const claim = lookup.claimed;
  return (
    <div className="verif-result verif-bad" data-verdict="no-match">
      <p className="verif-verdict">
        <span className="verif-mark" aria-hidden="true">
          ✗
        </span>
        {t('verif.code.notFound')}
      </p>
      <p>{t('verif.code.looked', { code: claim ? lookup.hex : codeOf(lookup.hex) })}</p>
      {claim ? (
        <div className="verif-claim">
          <p>{t('verif.code.claims', { doc: t(docKey(claim.doc)), competition: claim.competition, revision: claim.revision })}</p>
          {check.claimedNow ? (
            <>
              <p>
                {t('verif.code.claimNow', {
                  name: check.claimedNow.name,
                  revision: check.claimedNow.revision,
                  state: stateText(t, check.claimedNow.state),
                })}
              </p>
              <p className="verif-emphasis">
                {claim.revision !== check.claimedNow.revision
                  ? t('verif.code.claimOlder', { claimed: claim.revision, now: check.claimedNow.revision })
                  : t('verif.code.claimSame')}
              </p>
            </>
          ) : (
            <p className="verif-emphasis">{t('verif.code.claimUnknown', { competition: claim.competition })}</p>
          )}
        </div>
      ) : null}
      <p>{t('verif.code.maybe')}</p>
      <ul>
        <li>{t('verif.code.maybeRevision')}</li>
        <li>{t('verif.code.maybeChanged')}</li>
        <li>{t('verif.code.maybeTypo')}</li>
        <li>{t('verif.code.maybeOther')}</li>
      </ul>
    </div>
  );
}

/** 12 hex digits as printed (AB12-CD34-EF56); a longer hash as it is. */
function codeOf(hex: string): string {
  return hex.length === 12 ? shortCode(hex) : hex;
}

function stateText(t: ReturnType<typeof useT>, state: string): string {
  const key = stateKey(state);
  return key ? t(key) : state;
}

function named(code: string, names: Record<string, string> | undefined): string {
  const name = names?.[code];
  return name ? `${name} (${code})` : code;
}

function MatchCard({ match, names, claimedRevision }: { match: DocumentMatch; names: Names | null; claimedRevision: number | null }) {
  const t = useT();
  return (
    <div className="verif-match" data-doc={match.doc}>
      <dl className="verif-facts">
        <dt>{t('verif.field.competition')}</dt>
        <dd>
          {match.competitionName} ({match.competition})
        </dd>
        <dt>{t('verif.field.revision')}</dt>
        <dd>{match.revision === 0 ? t('verif.revisionZero') : t('verif.revisionValue', { revision: match.revision })}</dd>
        <dt>{t('verif.field.state')}</dt>
        <dd>{stateText(t, match.state)}</dd>
        <dt>{t('verif.field.document')}</dt>
        <dd>
          {match.title}
          {t(docKey(match.doc)) !== match.title ? <span className="muted"> · {t(docKey(match.doc))}</span> : null}
        </dd>
        {match.juror ? (
          <>
            <dt>{t('verif.field.juror')}</dt>
            <dd>{named(match.juror, names?.jurors)}</dd>
          </>
        ) : null}
        {match.site ? (
          <>
            <dt>{t('verif.field.site')}</dt>
            <dd>{named(match.site, names?.sites)}</dd>
          </>
        ) : null}
        <dt>{t('verif.field.code')}</dt>
        <dd className="verif-code">{shortCode(match.sha256)}</dd>
        <dt>{t('verif.field.hash')}</dt>
        <dd className="verif-hash">{match.sha256}</dd>
      </dl>
      {claimedRevision !== null && claimedRevision !== match.revision ? (
        <p className="verif-emphasis">{t('verif.code.printedAt', { claimed: claimedRevision, now: match.revision })}</p>
      ) : null}
      {match.state === 'draft' || match.state === 'pleno' ? <p className="muted">{t('verif.code.provisional')}</p> : null}
    </div>
  );
}
