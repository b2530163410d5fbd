/** The open conflicts of the competition, each side by side, decided one by one or in bulk (select, then a choice). */
import { useState } from 'react';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { Section, useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import { useAppStore } from '../../stores/app.js';
import { useExchangeStore } from '../../stores/exchange.js';
import { SideBySide, type Namer } from './CellSides.js';

export function ConflictList(props: { competition: string; namer: Namer }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const conflicts = useExchangeStore((s) => s.conflicts);
  const resolve = useExchangeStore((s) => s.resolve);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: true; count: number } | { ok: false; error: AppError } | null>(null);
  const open = conflicts.filter((c) => c.resolution === null);
  const chosen = open.filter((c) => selected.has(c.id)).map((c) => c.id);
  // Resolving is the secretariat's: the choices show only in its session, its PIN asked otherwise (again after a refusal).
  // (asked again when the open conflicts change or a choice was refused)
  const secretariat = useSecretariatSession(props.competition, `${open.length}:${message && !message.ok ? message.error.key : ''}`);

  async function decide(ids: number[], choice: 'local' | 'incoming') {
    setBusy(true);
    const error = await resolve(props.competition, ids, choice);
    setBusy(false);
    setSelected(new Set());
    setMessage(error ? { ok: false, error } : { ok: true, count: ids.length });
  }

  const choices = (ids: number[]) =>
    !secretariat.open ? null : (
      <>
        <button type="button" className="secondary" disabled={busy} onClick={() => void decide(ids, 'local')}>
          {t('conflicts.useLocal')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void decide(ids, 'incoming')}>
          {t('conflicts.useIncoming')}
        </button>
      </>
    );

  // Nothing to decide: the section steps aside (the board says how many conflicts are open).
  if (open.length === 0 && !message) return null;
  return (
    <>
      {open.length > 0 ? (
        <SecretariatCard
          competition={props.competition}
          session={secretariat}
          title={t('roles.conflictsTitle')}
          ask={t('roles.conflictsAsk')}
          openText={t('roles.conflictsOpen')}
        />
      ) : null}
      <Section title={`${t('conflicts.title')} (${open.length})`}>
        {message ? (
          <p className={message.ok ? 'notice notice-ok' : 'notice notice-error'} role={message.ok ? 'status' : 'alert'}>
            {message.ok ? t('conflicts.resolved', { count: message.count }) : describeError(message.error, lang)}
          </p>
        ) : null}
        {open.length === 0 ? (
          <p className="muted">{t('conflicts.none')}</p>
        ) : (
          <>
            <p className="muted">{t('conflicts.hint')}</p>
            {secretariat.open ? (
              <div className="toolbar-row bulk-bar">
                <label className="inline check-line">
                  <input
                    type="checkbox"
                    checked={chosen.length === open.length}
                    onChange={(e) => setSelected(new Set(e.target.checked ? open.map((c) => c.id) : []))}
                  />
                  {t('conflicts.selectAll', { count: open.length })}
                </label>
                {chosen.length > 0 ? (
                  <>
                    <span className="muted">{t('conflicts.selected', { count: chosen.length })}</span>
                    {choices(chosen)}
                  </>
                ) : null}
              </div>
            ) : null}
            <ul className="conflict-list">
              {open.map((c) => {
                const heading = t('conflicts.heading', {
                  juror: props.namer.actor(c.juror),
                  site: props.namer.site(c.site),
                  indicator: c.indicator,
                });
                return (
                  <li key={c.id} className="conflict" data-conflict={`${c.juror}/${c.site}/${c.indicator}`}>
                    <div className="conflict-head">
                      <label className="inline check-line">
                        <input
                          type="checkbox"
                          checked={selected.has(c.id)}
                          aria-label={t('conflicts.select', { juror: c.juror, site: c.site, indicator: c.indicator })}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(c.id);
                            else next.delete(c.id);
                            setSelected(next);
                          }}
                        />
                        <span className="conflict-title">{heading}</span>
                      </label>
                      <span className="row-actions">{choices([c.id])}</span>
                    </div>
                    <SideBySide local={c.local} incoming={c.incoming} namer={props.namer} heading={heading} />
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
