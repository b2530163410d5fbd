/**
 * What is done to a whole competition from the Lomba list, each asked first where it cannot be taken back:
 * archiving and restoring (the "Arsip" view), deleting (naming what goes with it, the code typed to confirm), and
 * opening the demo beside real competitions.
 */
import { useEffect, useState } from 'react';
import type { CompetitionSummary, CompetitionUsage } from '../../../../shared/contract/schemas.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { call } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import { useAppStore } from '../../stores/app.js';
import { useCompetitionStore } from '../../stores/competitions.js';

/** Archives a competition (hidden from the list, everything kept). */
export function ArchiveButton({ competition }: { competition: CompetitionSummary }) {
  const t = useT();
  const setNotice = useAppStore((s) => s.setNotice);
  const { loadList, forget } = useCompetitionStore();
  async function archive() {
    const result = await call('setup.archive', { code: competition.code, archived: true });
    if (!result.ok) return setNotice({ kind: 'error', error: result.error });
    forget(competition.code);
    await loadList();
    setNotice({ kind: 'ok', text: t('archive.done', { code: competition.code }) });
  }
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => void archive()}
      aria-label={t('archive.archiveLabel', { name: competition.name })}
    >
      {t('archive.archive')}
    </button>
  );
}

/** Asks before the demo is added to a database that holds real competitions. */
export function DemoConfirm({ names, onConfirm, onCancel }: { names: string[]; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="demo-confirm-title">
      <h3 id="demo-confirm-title">{t('demo.confirmTitle')}</h3>
      <p>{t('demo.confirmText', { names: names.join(', ') })}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {t('demo.confirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          {t('delete.cancel')}
        </button>
      </div>
    </div>
  );
}

function DeleteDialog({ code, onClose }: { code: string; onClose: (deleted: boolean) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const forget = useCompetitionStore((s) => s.forget);
  const [usage, setUsage] = useState<CompetitionUsage | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Deleting a competition that has a secretariat PIN is the secretariat's: its PIN is asked in the dialog.
  const secretariat = useSecretariatSession(code, error);
  const blocked = secretariat.state?.hasPin === true && !secretariat.open;
  useEffect(() => {
    void call('setup.usage', { code }).then((r) => (r.ok ? setUsage(r.value) : setError(describeError(r.error, lang))));
  }, [code, lang]);

  async function remove() {
    const result = await call('setup.delete', { code, confirm: typed });
    if (!result.ok) return setError(describeError(result.error, lang));
    forget(code);
    setNotice({ kind: 'ok', text: t('delete.done', { code }) });
    onClose(true);
  }

  return (
    <div className="confirm-box danger-box" role="alertdialog" aria-labelledby="delete-title">
      {usage ? (
        <>
          <h3 id="delete-title">{t('delete.title', { name: usage.name, code })}</h3>
          <p>{t('delete.what', { sites: usage.sites, jurors: usage.jurors, scores: usage.scores, photos: usage.photos })}</p>
          {secretariat.state?.hasPin ? (
            <SecretariatCard
              inline
              competition={code}
              session={secretariat}
              title={t('roles.pin')}
              ask={t('roles.deleteAsk')}
              openText={t('roles.setupOpen')}
            />
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim() === code && !blocked) void remove();
            }}
          >
            <label>
              {t('delete.type', { code })}
              <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
            </label>
            <div className="form-actions">
              <button type="submit" className="danger" disabled={typed.trim() !== code || blocked}>
                {t('delete.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => onClose(false)}>
                {t('delete.cancel')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <p id="delete-title">{t('common.loading')}</p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The archived competitions: restore one, or delete it for good. */
export function ArchiveView({ onBack }: { onBack: () => void }) {
  const t = useT();
  const setNotice = useAppStore((s) => s.setNotice);
  const loadList = useCompetitionStore((s) => s.loadList);
  const [archived, setArchived] = useState<CompetitionSummary[] | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  async function load() {
    const result = await call('setup.list', { includeArchived: true });
    if (result.ok) setArchived(result.value.filter((c) => c.archived));
    else setNotice({ kind: 'error', error: result.error });
  }
  useEffect(() => {
    void call('setup.list', { includeArchived: true }).then((r) => r.ok && setArchived(r.value.filter((c) => c.archived)));
  }, []);

  async function restore(code: string) {
    const result = await call('setup.archive', { code, archived: false });
    if (!result.ok) return setNotice({ kind: 'error', error: result.error });
    await Promise.all([load(), loadList()]);
    setNotice({ kind: 'ok', text: t('archive.restored', { code }) });
  }

  return (
    <Section
      title={t('archive.title')}
      actions={
        <button type="button" className="secondary" onClick={onBack}>
          {t('archive.back')}
        </button>
      }
    >
      <p className="muted">{t('archive.hint')}</p>
      {archived === null ? <p>{t('common.loading')}</p> : null}
      {archived?.length === 0 ? <p className="empty">{t('archive.none')}</p> : null}
      <ul className="competition-list">
        {archived?.map((c) => (
          <li key={c.code}>
            <CompetitionLine competition={c} />
            <div className="row-actions">
              <button type="button" onClick={() => void restore(c.code)} aria-label={t('archive.restoreLabel', { name: c.name })}>
                {t('archive.restore')}
              </button>
              <button
                type="button"
                className="danger-link"
                onClick={() => setDeleting(c.code)}
                aria-label={t('delete.label', { name: c.name })}
              >
                {t('delete.button')}
              </button>
            </div>
            {deleting === c.code ? (
              <DeleteDialog
                code={c.code}
                onClose={(deleted) => {
                  setDeleting(null);
                  if (deleted) void Promise.all([load(), loadList()]);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** A competition as the lists show it: its name, then its code and what it holds. */
export function CompetitionLine({ competition: c }: { competition: CompetitionSummary }) {
  const t = useT();
  return (
    <div>
      <strong>{c.name}</strong>
      <span className="muted">
        {c.code} · {t('lomba.summary', { sites: c.sites, jurors: c.jurors, instrument: c.instrument.code, version: c.instrument.version })}
      </span>
    </div>
  );
}
