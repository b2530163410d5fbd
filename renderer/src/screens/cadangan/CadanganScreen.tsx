/**
 * Cadangan: the backups of this database (time, why, counts of scores and photos, size, short hash), newest first;
 * a backup by hand; checking one without restoring it; restoring one after saying in words what will be replaced
 * (the current state is backed up first); the folder they go to (a flash drive). In recovery mode (the database
 * failed the start check) the screen opens alone, under a notice that says what is damaged and offers the newest
 * good backup; once restored, the app starts again on the restored database.
 */
import { useEffect, useState } from 'react';
import type { BackupSummary, DatabaseDamage } from '../../../../shared/contract/schemas.js';
import { formatBytes } from '../../../../shared/domain/backup.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { t as message } from '../../../../shared/i18n/messages.js';
import { onEvent } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useBackupStore } from '../../stores/backup.js';
import '../../styles/cadangan.css';

export function CadanganScreen(props: { damage?: DatabaseDamage }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const info = useAppStore((s) => s.info);
  const { list, busy, error, done, checks, load, create, verify, restore, setFolder } = useBackupStore();
  const [confirming, setConfirming] = useState<BackupSummary | null>(null);
  const [folder, setFolderText] = useState('');
  const when = (b: BackupSummary) => formatDateTime(new Date(b.createdAt), lang);

  // Listed at once, and again whenever the app backs up by itself (the `backup.done` event).
  useEffect(() => {
    void load();
    return onEvent('backup.done', () => void load());
  }, [load]);

  const restoreNow = async (b: BackupSummary) => {
    setConfirming(null);
    // In recovery mode the whole app starts again on the restored database.
    if ((await restore(b.name)) && props.damage) window.location.reload();
  };

  const newest = props.damage?.newest ?? null;

  return (
    <div className="screen cadangan">
      <h1>{t('backup.heading')}</h1>
      {props.damage ? (
        <div className="notice notice-error cadangan-damaged" role="alert">
          <h2>{t('backup.damaged.title')}</h2>
          <p>
            {t('backup.damaged.text', {
              database: props.damage.database,
              problem: message(lang, props.damage.problem.key, props.damage.problem.params),
            })}
          </p>
          {newest ? (
            <>
              <p>
                {t('backup.damaged.offer', {
                  time: when(newest),
                  scores: newest.scores,
                  photos: newest.photos,
                  since: props.damage.scoresSince ?? t('backup.damaged.sinceUnknown'),
                })}
              </p>
              <button type="button" className="primary" disabled={busy} onClick={() => setConfirming(newest)}>
                {t('backup.damaged.restoreNewest')}
              </button>
            </>
          ) : (
            <p>{t('backup.damaged.none')}</p>
          )}
        </div>
      ) : (
        <p className="muted">{t('backup.intro')}</p>
      )}

      {confirming ? (
        <div className="card cadangan-confirm" role="alertdialog" aria-labelledby="cadangan-confirm-title">
          <h2 id="cadangan-confirm-title">{t('backup.confirmTitle', { time: when(confirming) })}</h2>
          <p>
            {t('backup.confirmText', {
              database: info?.database ?? '',
              scores: confirming.scores,
              photos: confirming.photos,
              time: when(confirming),
            })}
          </p>
          <div className="toolbar-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void restoreNow(confirming)}>
              {t('backup.confirmYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t('backup.confirmNo')}
            </button>
          </div>
        </div>
      ) : null}

      <div aria-live="polite">
        {error ? (
          <p className="notice notice-error" role="alert">
            {describeError(error, lang)}
          </p>
        ) : done?.kind === 'created' ? (
          <p className="notice notice-ok" role="status">
            {t('backup.created', { scores: done.summary.scores, photos: done.summary.photos, size: formatBytes(done.summary.bytes, lang) })}
          </p>
        ) : done?.kind === 'restored' ? (
          <p className="notice notice-ok" role="status">
            {t('backup.restored', { time: when(done.summary) })}
          </p>
        ) : done?.kind === 'folder' ? (
          <p className="notice notice-ok" role="status">
            {t('backup.folderChanged', { folder: done.folder })}
          </p>
        ) : null}
      </div>

      <Section
        title={t('backup.list')}
        actions={
          props.damage ? undefined : (
            <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
              {busy ? t('backup.creating') : t('backup.create')}
            </button>
          )
        }
      >
        <p className="cadangan-folder">
          {t('backup.folder')}: <code>{list?.folder ?? '…'}</code>{' '}
          {list?.isDefault ? <span className="muted">{t('backup.folderDefault')}</span> : null}
        </p>
        {list && list.backups.length === 0 ? <p className="empty">{t('backup.none')}</p> : null}
        {list && list.backups.length > 0 ? (
          <div className="table-scroll">
            <table className="data cadangan-list">
              <caption className="sr-only">{t('backup.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('backup.col.time')}</th>
                  <th scope="col">{t('backup.col.trigger')}</th>
                  <th scope="col" className="num">
                    {t('backup.col.scores')}
                  </th>
                  <th scope="col" className="num">
                    {t('backup.col.photos')}
                  </th>
                  <th scope="col" className="num">
                    {t('backup.col.size')}
                  </th>
                  <th scope="col">{t('backup.col.hash')}</th>
                  <th scope="col">{t('backup.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b) => {
                  const check = checks[b.name];
                  return (
                    <tr key={b.name}>
                      <td>{when(b)}</td>
                      <td>{t(`backup.trigger.${b.trigger}`)}</td>
                      <td className="num">{b.scores}</td>
                      <td className="num">{b.photos}</td>
                      <td className="num">{formatBytes(b.bytes, lang)}</td>
                      <td>
                        <code title={b.sha256}>{b.sha256.slice(0, 12)}</code>
                        {check ? (
                          <div className={check.ok ? 'cadangan-check ok' : 'cadangan-check bad'} role="status">
                            {check.ok
                              ? t('backup.verifyOk', { time: when(b), photos: b.photos })
                              : t('backup.verifyBad', { time: when(b) })}
                            {check.problems.map((p, i) => (
                              <div key={i}>{message(lang, p.key, p.params)}</div>
                            ))}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        <div className="cadangan-buttons">
                          <button
                            type="button"
                            className="secondary"
                            disabled={busy}
                            aria-label={`${t('backup.verify')} ${when(b)}`}
                            onClick={() => void verify(b.name)}
                          >
                            {t('backup.verify')}
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            disabled={busy}
                            aria-label={`${t('backup.restore')} ${when(b)}`}
                            onClick={() => setConfirming(b)}
                          >
                            {t('backup.restore')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {list && list.unreadable.length > 0 ? (
          <p className="muted">{t('backup.unreadable', { names: list.unreadable.join(', ') })}</p>
        ) : null}
        <form
          className="toolbar-row cadangan-choose"
          onSubmit={(e) => {
            e.preventDefault();
            if (folder.trim()) void setFolder(folder.trim());
          }}
        >
          <label>
            {t('backup.folderLabel')}
            <input type="text" value={folder} onChange={(e) => setFolderText(e.target.value)} />
          </label>
          <button type="submit" className="secondary" disabled={busy || !folder.trim()}>
            {t('backup.folderUse')}
          </button>
          {list && !list.isDefault ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => void setFolder(null)}>
              {t('backup.folderReset')}
            </button>
          ) : null}
        </form>
      </Section>
    </div>
  );
}
