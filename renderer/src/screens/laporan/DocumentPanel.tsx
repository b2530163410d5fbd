/**
 * The Laporan screen's documents: choose one (or every one, the bundle), limit it to a juror or a site where that
 * applies, save or print it; while it is being made, a progress bar ("n dari N bagian") and Batalkan; afterwards
 * the file, its pages and its verification code (the short code of its data hash, printed on every page).
 */
import { useState } from 'react';
import { DOCUMENT_KINDS, shortCode, type DocumentChoice } from '../../../../shared/domain/doc-stamp.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';
import { useDocumentTask, type TaskOutcome } from './useDocumentTask.js';

const CHOICES: readonly DocumentChoice[] = [...DOCUMENT_KINDS, 'all'];

/** Which documents are made per juror and per site, and so can be limited to one. */
const LIMITS: Record<DocumentChoice, { juror: boolean; site: boolean }> = {
  rekap: { juror: false, site: false },
  'berita-acara': { juror: false, site: false },
  lembar: { juror: true, site: true },
  formulir: { juror: true, site: true },
  catatan: { juror: false, site: true },
  all: { juror: false, site: false },
};

export function DocumentPanel({ competition }: { competition: string }) {
  const t = useT();
  const detail = useCompetitionStore((s) => s.detail);
  const [doc, setDoc] = useState<DocumentChoice>('rekap');
  const [juror, setJuror] = useState('');
  const [site, setSite] = useState('');
  const [made, setMade] = useState<DocumentChoice>('rekap');
  const lang = useAppStore((s) => s.lang);
  const task = useDocumentTask();
  const limits = LIMITS[doc];
  const request = {
    competition,
    doc,
    ...(limits.juror && juror ? { juror } : {}),
    ...(limits.site && site ? { site } : {}),
  };

  return (
    <Section title={t('laporan.choose')}>
      <fieldset className="laporan-choices" disabled={task.running}>
        <legend className="sr-only">{t('laporan.choose')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className={choice === doc ? 'laporan-choice active' : 'laporan-choice'}>
            <input type="radio" name="laporan-doc" value={choice} checked={choice === doc} onChange={() => setDoc(choice)} />
            <span className="laporan-choice-name">{t(`laporan.doc.${choice}`)}</span>
            <span className="muted laporan-choice-hint">{t(`laporan.hint.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      {limits.juror || limits.site ? (
        <div className="laporan-limits">
          {limits.juror ? (
            <label>
              {t('laporan.juror')}
              <select value={juror} onChange={(e) => setJuror(e.target.value)} disabled={task.running}>
                <option value="">{t('laporan.allJurors')}</option>
                {(detail?.jurors ?? []).map((j) => (
                  <option key={j.code} value={j.code}>{`${j.code} · ${j.name}`}</option>
                ))}
              </select>
            </label>
          ) : null}
          {limits.site ? (
            <label>
              {t('laporan.site')}
              <select value={site} onChange={(e) => setSite(e.target.value)} disabled={task.running}>
                <option value="">{t('laporan.allSites')}</option>
                {(detail?.sites ?? []).map((s) => (
                  <option key={s.code} value={s.code}>{`${s.code} · ${s.name}`}</option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="laporan-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setMade(doc);
            void task.save(request);
          }}
          disabled={task.running}
        >
          {task.running ? t('laporan.rendering') : t('laporan.save')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setMade(doc);
            void task.print(request);
          }}
          disabled={task.running}
        >
          {t('laporan.print')}
        </button>
      </div>
      {task.running ? (
        <div className="laporan-progress" role="status">
          <progress
            aria-label={t('laporan.progressLabel')}
            max={task.progress?.total || 1}
            {...(task.progress ? { value: task.progress.done } : {})}
          />
          <span>
            {task.progress
              ? t('laporan.progress', {
                  done: formatNumber(task.progress.done, 0, lang),
                  total: formatNumber(task.progress.total, 0, lang),
                })
              : t('laporan.preparing')}
          </span>
          <button type="button" className="secondary" onClick={() => void task.cancel()} disabled={task.cancelling}>
            {task.cancelling ? t('laporan.cancelling') : t('laporan.cancel')}
          </button>
        </div>
      ) : null}
      {task.outcome ? <Outcome outcome={task.outcome} bundle={made === 'all'} /> : null}
    </Section>
  );
}

function Outcome({ outcome, bundle }: { outcome: TaskOutcome; bundle: boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  switch (outcome.kind) {
    case 'failed':
      return (
        <p className="notice notice-error" role="alert">
          {describeError(outcome.error, lang)}
        </p>
      );
    case 'cancelled':
      return (
        <p className="notice" role="status">
          {describeError(outcome.error, lang)}
        </p>
      );
    case 'dialogClosed':
      return (
        <p className="notice" role="status">
          {t('laporan.cancelled')}
        </p>
      );
    case 'printBlocked':
      return (
        <p className="notice notice-error" role="alert">
          {t('laporan.printBlocked')}
        </p>
      );
    default: {
      const pages = formatNumber(outcome.pages, 0, lang);
      const message =
        outcome.kind === 'printed'
          ? t(outcome.inTab ? 'laporan.printOpened' : 'laporan.printed', { name: outcome.name, pages })
          : outcome.path
            ? t('laporan.savedDesktop', { path: outcome.path, pages })
            : t('laporan.savedBrowser', { name: outcome.name, pages });
      return (
        <div className="notice notice-ok laporan-result" role="status">
          <p>{message}</p>
          <dl>
            <dt>{t('laporan.resultFile')}</dt>
            <dd>{outcome.kind === 'saved' && outcome.path ? outcome.path : outcome.name}</dd>
            <dt>{t('laporan.resultPages')}</dt>
            <dd>{pages}</dd>
            <dt>{t('laporan.resultCode')}</dt>
            <dd>
              <code className="laporan-code">{shortCode(outcome.dataHash)}</code>
            </dd>
          </dl>
          <p className="muted">{t(bundle ? 'laporan.resultCodeHintAll' : 'laporan.resultCodeHint')}</p>
        </div>
      );
    }
  }
}
