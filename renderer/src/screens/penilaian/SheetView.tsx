/**
 * The scoring screen of one site for the juror in session: indicators grouped by aspect (or by phase), every change
 * saved at once. Keys: number keys choose a level, arrows move within an indicator, Enter (from a level, a number
 * field or a note) to the next one, N jumps to the next unscored indicator, Ctrl+Z takes back the last change; on a
 * household checklist the keys of Household.tsx. The head (progress, undo, review) stays in view while scrolling;
 * an undo says what it took back.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CompetitionDetail } from '../../../../shared/contract/schemas.js';
import { listIndicators, type IndicatorRef } from '../../../../shared/domain/instrument.js';
import { useT } from '../../components/common.js';
import { useScoringStore } from '../../stores/scoring.js';
import { FinalisePanel, ReopenForm, SheetEvents } from './FinalisePanel.js';
import { focusIndicator, focusNextIndicator } from './focus.js';
import { IndicatorCard } from './IndicatorCard.js';

/** "Diurungkan: catatan A2": what the last undo took back, for a few seconds. */
function UndoToast() {
  const t = useT();
  const undone = useScoringStore((s) => s.undone);
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    if (!undone) return;
    const timer = window.setTimeout(() => setHidden(undone.n), 6000);
    return () => window.clearTimeout(timer);
  }, [undone]);
  const text = undone && undone.n !== hidden ? t(`sheet.undone.${undone.kind}`, { indicator: undone.indicator }) : '';
  return (
    <div className={text ? 'toast shown' : 'toast'} role="status">
      {text}
    </div>
  );
}

export function SheetView({ detail }: { detail: CompetitionDetail }) {
  const t = useT();
  const { sheet, saveState, undo, session, flushNotes } = useScoringStore();
  const [grouping, setGrouping] = useState<'aspect' | 'phase'>('aspect');
  const [finalising, setFinalising] = useState(false);
  const [reason, setReason] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const openedFor = useRef<string | null>(null);

  const eligible = new Set(sheet?.eligible ?? []);
  const items = listIndicators(detail.instrument).filter((r) => eligible.has(r.indicator.code));
  const values = new Map((sheet?.scores ?? []).map((s) => [s.indicator, s.value]));
  const notes = new Map((sheet?.notes ?? []).map((n) => [n.indicator, n.note]));
  const unscored = items.filter((r) => !values.has(r.indicator.code)).map((r) => r.indicator.code);
  const unscoredRef = useRef(unscored);
  useEffect(() => {
    unscoredRef.current = unscored;
  });

  useEffect(() => {
    // N and Ctrl+Z work wherever the focus is, except while typing in a field.
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (list.current?.contains(target) || target.closest('input, textarea, select, [contenteditable]'))) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void undo();
      } else if ((event.key === 'n' || event.key === 'N') && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        focusIndicator(list.current, unscoredRef.current[0]);
      }
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => document.removeEventListener('keydown', onDocumentKey);
  }, [undo]);

  // The review opens above the indicators: brought into view (the head stays on screen, so no scroll happens by itself).
  useEffect(() => {
    if (finalising) list.current?.closest('.sheet-card')?.querySelector('.finalise')?.scrollIntoView({ block: 'start' });
  }, [finalising]);

  // What an undo restored is brought into view (it may be far from where the juror is).
  const undone = useScoringStore((s) => s.undone);
  useEffect(() => {
    if (undone) list.current?.querySelector(`li[data-indicator="${CSS.escape(undone.indicator)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [undone]);

  // Leaving the sheet (another tab, another site) sends the note being typed at once.
  useEffect(() => () => void flushNotes(), [flushNotes]);

  useEffect(() => {
    // Opening a site puts the keyboard on its first unscored indicator.
    if (sheet && openedFor.current !== sheet.site) {
      openedFor.current = sheet.site;
      focusIndicator(list.current, unscored[0] ?? items[0]?.indicator.code);
    }
  });

  if (!sheet || !session) return null;
  const site = detail.sites.find((s) => s.code === sheet.site);
  const phases = new Map(detail.instrument.phases.map((p) => [p.code, p.name]));
  const reopened = !sheet.finalised && sheet.events.at(-1)?.kind === 'reopen';
  const groups: { key: string; title: string; items: IndicatorRef[] }[] =
    grouping === 'aspect'
      ? detail.instrument.aspects
          .map((a) => ({ key: a.code, title: `${a.code}. ${a.name}`, items: items.filter((i) => i.aspect.code === a.code) }))
          .filter((g) => g.items.length > 0)
      : detail.instrument.phases
          .map((p) => ({ key: p.code, title: p.name, items: items.filter((i) => i.indicator.phase === p.code) }))
          .filter((g) => g.items.length > 0);

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    const inText =
      event.target instanceof HTMLTextAreaElement || (event.target instanceof HTMLInputElement && event.target.type !== 'checkbox');
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !inText) {
      event.preventDefault();
      void undo();
      return;
    }
    if (inText) return;
    const current = (event.target as HTMLElement).closest('li[data-indicator]')?.getAttribute('data-indicator') ?? undefined;
    if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      const after = current
        ? unscored.find((c) => items.findIndex((i) => i.indicator.code === c) > items.findIndex((i) => i.indicator.code === current))
        : undefined;
      focusIndicator(list.current, after ?? unscored[0]);
    } else if (event.key === 'Enter' && current && (event.target as HTMLElement).getAttribute('role') === 'radio') {
      event.preventDefault();
      focusNextIndicator(event.target as HTMLElement);
    }
  }

  return (
    <section className="card sheet-card">
      <div className="card-head sheet-head">
        <h2>{t('penilaian.sheetFor', { juror: session.name, site: site?.name ?? sheet.site })}</h2>
        <div className="toolbar-row">
          <span className="progress-pill" role="status">
            {t('penilaian.progress', { scored: items.length - unscored.length, total: items.length })}
          </span>
          {!sheet.finalised ? (
            <>
              <button type="button" className="secondary" disabled={!sheet.canUndo} onClick={() => void undo()} title="Ctrl+Z">
                {t('scoring.undo')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={unscored.length === 0}
                onClick={() => focusIndicator(list.current, unscored[0])}
                title="N"
              >
                {t('scoring.nextUnscored')}
              </button>
              <button type="button" className="primary" onClick={() => setFinalising(true)}>
                {t('scoring.reviewAndFinalise')}
              </button>
            </>
          ) : null}
        </div>
      </div>
      {sheet.finalised ? (
        <div className="notice notice-ok locked">
          <span>{t('penilaian.finalised')}</span>
          <ReopenForm />
        </div>
      ) : null}
      <SheetEvents />
      {reopened ? (
        <label className="reason-field">
          {t('scoring.changeReason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('scoring.changeReasonHint')} />
        </label>
      ) : null}
      {finalising && !sheet.finalised ? <FinalisePanel detail={detail} onClose={() => setFinalising(false)} /> : null}
      {items.length === 0 ? <p className="empty">{t('penilaian.nothing')}</p> : null}
      <div className="sheet-toolbar">
        <p className="muted small">{t('scoring.keysHint')}</p>
        <label className="inline">
          {t('scoring.groupBy')}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as 'aspect' | 'phase')}>
            <option value="aspect">{t('setup.aspect')}</option>
            <option value="phase">{t('penilaian.phase')}</option>
          </select>
        </label>
      </div>
      <div ref={list} onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <div key={group.key} className="aspect-block">
            <h3>{group.title}</h3>
            <ol className="indicators">
              {group.items.map((item) => (
                <IndicatorCard
                  key={item.indicator.code}
                  item={item}
                  phase={phases.get(item.indicator.phase) ?? item.indicator.phase}
                  value={values.get(item.indicator.code)}
                  note={notes.get(item.indicator.code) ?? null}
                  household={sheet.household.find((h) => h.indicator === item.indicator.code)?.answers}
                  evidence={sheet.evidence.filter((e) => e.indicator === item.indicator.code)}
                  state={saveState[item.indicator.code]}
                  disabled={sheet.finalised}
                  reason={reason}
                />
              ))}
            </ol>
          </div>
        ))}
      </div>
      <UndoToast />
    </section>
  );
}
