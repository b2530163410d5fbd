/**
 * One indicator on the scoring screen: its rubric, the levels as a radio group (number keys choose, arrows move),
 * or a number field for wide scales, or the household checklist; a note; evidence photos; and what the instrument
 * requires at the chosen level (a note, a photo). A change the core refuses is explained here, next to the
 * indicator, with the field it needs (a reason on a reopened sheet), or, on a full disk, the change kept and a
 * button to save it again.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { describeError } from '../../../../shared/domain/errors.js';
import type { EvidenceInfo } from '../../../../shared/contract/schemas.js';
import { levelKey, scaleBounds, scaleLevels, type IndicatorRef } from '../../../../shared/domain/instrument.js';
import { formatNumber, parseDecimal } from '../../../../shared/domain/numbers.js';
import { evidenceRequired } from '../../../../shared/domain/review.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore, type Refusal, type SaveState } from '../../stores/scoring.js';
import { addPhotoFiles, EvidenceStrip } from './Evidence.js';
import { focusNextIndicator } from './focus.js';
import { HouseholdChecklist } from './Household.js';

export function decimalsOf(value: number): number {
  const text = levelKey(value);
  return text.includes('.') ? Math.min(4, text.length - text.indexOf('.') - 1) : 0;
}

function LevelButtons(props: { item: IndicatorRef; value: number | undefined; disabled: boolean; onSet: (v: number) => void }) {
  const lang = useAppStore((s) => s.lang);
  const levels = scaleLevels(props.item.scale) ?? [];
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = levels.findIndex((l) => props.value !== undefined && Math.abs(l.value - props.value) < 1e-9);

  function choose(index: number) {
    const level = levels[index];
    if (!level || props.disabled) return;
    props.onSet(level.value);
    refs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (/^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      const digit = Number(event.key);
      const byValue = levels.findIndex((l) => l.value === digit);
      const index = byValue >= 0 ? byValue : digit - 1;
      if (index >= 0 && index < levels.length) {
        event.preventDefault();
        choose(index);
      }
    } else if (/^[a-z]$/.test(event.key) && 'options' in props.item.scale) {
      const index = levels.findIndex((l) => l.key === event.key);
      if (index >= 0) {
        event.preventDefault();
        choose(index);
      }
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      choose(Math.min(levels.length - 1, selected + 1));
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      choose(Math.max(0, selected < 0 ? 0 : selected - 1));
    }
  }

  return (
    <div
      role="radiogroup"
      aria-label={`${props.item.indicator.code} ${props.item.indicator.name}`}
      className="levels"
      onKeyDown={onKeyDown}
    >
      {levels.map((level, i) => (
        <button
          key={level.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={i === selected}
          tabIndex={i === selected || (selected < 0 && i === 0) ? 0 : -1}
          disabled={props.disabled}
          className={i === selected ? 'level selected' : 'level'}
          onClick={() => choose(i)}
        >
          <span className="level-value">
            {'options' in props.item.scale ? level.key : formatNumber(level.value, decimalsOf(level.value), lang)}
          </span>
          {level.label ? <span className="level-label">{level.label}</span> : null}
        </button>
      ))}
    </div>
  );
}

function NumberEntry(props: { item: IndicatorRef; value: number | undefined; disabled: boolean; onSet: (v: number | null) => void }) {
  const lang = useAppStore((s) => s.lang);
  const t = useT();
  // Keyed by the saved value in the parent, so a new value from the core starts a fresh field.
  const [text, setText] = useState(props.value === undefined ? '' : formatNumber(props.value, decimalsOf(props.value), lang));
  const sent = useRef<string | null>(null);
  const { min, max } = scaleBounds(props.item.scale);
  const unit = 'unit' in props.item.scale && props.item.scale.unit ? ` ${props.item.scale.unit}` : '';
  function commit() {
    if (sent.current === text) return; // Enter saved it; leaving the field afterwards sends nothing again
    sent.current = text;
    if (text.trim() === '') return props.value === undefined ? undefined : props.onSet(null);
    const parsed = parseDecimal(text);
    if (parsed !== null && parsed !== props.value) props.onSet(parsed);
  }
  return (
    <label className="number-entry">
      <span className="sr-only">
        {t('penilaian.value')} {props.item.indicator.code}
      </span>
      <input
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        onChange={(e) => {
          sent.current = null;
          setText(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          // Enter saves and moves on to the next indicator.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          commit();
          focusNextIndicator(e.currentTarget);
        }}
      />
      <span className="muted">
        {formatNumber(min, 0, lang)}–{formatNumber(max, 0, lang)}
        {unit}
      </span>
    </label>
  );
}

function NoteField(props: { indicator: string; note: string | null; required: boolean; disabled: boolean }) {
  const t = useT();
  const typeNote = useScoringStore((s) => s.typeNote);
  const flushNotes = useScoringStore((s) => s.flushNotes);
  // What the juror typed and the core has not stored yet, else what the core holds (an undo redraws it).
  const typed = useScoringStore((s) => s.notes[props.indicator]);
  const state = useScoringStore((s) => s.saveState[`note:${props.indicator}`]);
  const text = typed ?? props.note ?? '';
  const status =
    state === 'saving' ? t('penilaian.saving') : state === 'error' ? t('scoring.notSaved') : state === 'saved' ? t('penilaian.saved') : '';
  return (
    <label className={props.required && !text.trim() ? 'note required-missing' : 'note'}>
      <span>
        {t('scoring.note')}
        {props.required ? <b className="required-mark"> · {t('scoring.noteRequired')}</b> : null}
        <span className={`note-state ${state ?? ''}`} aria-live="polite">
          {status}
        </span>
      </span>
      <textarea
        rows={1}
        value={text}
        disabled={props.disabled}
        aria-label={`${t('scoring.note')} ${props.indicator}`}
        onChange={(e) => typeNote(props.indicator, e.target.value)}
        onBlur={() => void flushNotes()}
        onKeyDown={(e) => {
          // Enter saves the note and moves on; Shift+Enter starts a new line.
          if (e.key !== 'Enter' || e.shiftKey) return;
          e.preventDefault();
          void flushNotes();
          focusNextIndicator(e.currentTarget);
        }}
      />
    </label>
  );
}

/** A refused change, next to its indicator: the message, and a reason field when a reason is what it needs. */
function Refused(props: { indicator: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const refusal = useScoringStore((s) => s.refused[props.indicator]);
  const retryWithReason = useScoringStore((s) => s.retryWithReason);
  const retry = useScoringStore((s) => s.retry);
  const dismiss = useScoringStore((s) => s.dismissRefusal);
  const [reason, setReason] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const needsReason =
    refusal?.error.key === 'score.reasonRequired' && (refusal.retry?.kind === 'score' || refusal.retry?.kind === 'household');
  useEffect(() => {
    if (!refusal) return;
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.querySelector<HTMLElement>('input')?.focus();
  }, [refusal]);
  if (!refusal) return null;
  // A full disk: the change is kept (the value named here, a note in its field) and saved again with one button.
  const resend = refusal.error.key === 'disk.full' && refusal.retry !== null;
  const kept = (again: NonNullable<Refusal['retry']>): string =>
    again.kind === 'score'
      ? again.value === null
        ? t('disk.keptValue', { value: '–' })
        : t('disk.keptValue', { value: formatNumber(again.value, decimalsOf(again.value), lang) })
      : again.kind === 'note'
        ? t('disk.keptNote')
        : again.kind === 'photo'
          ? t('disk.keptPhoto', { name: again.file.name })
          : t('disk.keptAnswers');
  const apply = () => void retryWithReason(props.indicator, reason).then((done) => done && setReason(''));
  return (
    <div className="indicator-wide refusal-inline" ref={box} role="alert">
      {needsReason ? (
        <>
          <b>{t('sheet.reasonNeeded')}</b>
          <span className="muted small">{t('sheet.reasonWhy')}</span>
          <div className="refusal-row">
            <label className="inline">
              {t('sheet.reasonLabel', { indicator: props.indicator })}
              <input
                value={reason}
                placeholder={t('scoring.changeReasonHint')}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.stopPropagation();
                    apply();
                  } else if (e.key === 'Escape') dismiss(props.indicator);
                }}
              />
            </label>
            <button type="button" className="primary" disabled={!reason.trim()} onClick={apply}>
              {t('sheet.applyWithReason')}
            </button>
            <button type="button" className="secondary" onClick={() => dismiss(props.indicator)}>
              {t('sheet.dropChange')}
            </button>
          </div>
        </>
      ) : (
        <div className="refusal-row">
          <span>{describeError(refusal.error, lang)}</span>
          {resend ? (
            <>
              <span className="muted small">{kept(refusal.retry!)}</span>
              <button type="button" className="primary" onClick={() => void retry(props.indicator)}>
                {t('disk.retry')}
              </button>
            </>
          ) : null}
          <button type="button" className="secondary" onClick={() => dismiss(props.indicator)}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}

export function IndicatorCard(props: {
  item: IndicatorRef;
  phase: string;
  value: number | undefined;
  note: string | null;
  household: (boolean | null)[][] | undefined;
  evidence: EvidenceInfo[];
  state: SaveState | undefined;
  disabled: boolean;
  reason: string;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setScore = useScoringStore((s) => s.setScore);
  const [dragging, setDragging] = useState(false);
  const { indicator, scale } = props.item;
  const rubric = indicator.rubric ? Object.entries(indicator.rubric) : [];
  const level = props.value === undefined ? null : levelKey(props.value);
  const { note: noteRequired, photo: photoRequired } = evidenceRequired(indicator, props.value);
  const status =
    props.state === 'saving'
      ? t('penilaian.saving')
      : props.state === 'error'
        ? t('scoring.notSaved')
        : props.value !== undefined
          ? t('penilaian.saved')
          : t('penilaian.notScored');
  const onSet = (v: number | null) => void setScore(indicator.code, v, props.reason || undefined);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!props.disabled) void addPhotoFiles(indicator.code, event.dataTransfer.files);
  }

  return (
    <li
      className={`indicator${props.value !== undefined ? ' scored' : ''}${dragging ? ' dragging' : ''}`}
      data-indicator={indicator.code}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="indicator-text">
        <div className="indicator-title">
          <span className="code">{indicator.code}</span> {indicator.name}
        </div>
        <div className="muted small">
          {t('penilaian.phase')}: {props.phase} ·{' '}
          {t('penilaian.weight', { weight: formatNumber(indicator.weight, decimalsOf(indicator.weight), lang) })}
        </div>
        {indicator.description ? <p className="small">{indicator.description}</p> : null}
        {rubric.length > 0 ? (
          <ul className="rubric">
            {rubric.map(([key, text]) => (
              <li key={key} className={level === key ? 'active' : ''}>
                <b>{formatNumber(Number(key), decimalsOf(Number(key)), lang)}</b> {text}
              </li>
            ))}
          </ul>
        ) : null}
        <NoteField indicator={indicator.code} note={props.note} required={noteRequired} disabled={props.disabled} />
        <EvidenceStrip indicator={indicator.code} items={props.evidence} disabled={props.disabled} />
        {photoRequired && props.evidence.length === 0 ? <p className="required-missing-text">{t('scoring.photoRequired')}</p> : null}
      </div>
      <div className="indicator-input">
        {indicator.household ? (
          <span className="household-score" aria-label={`${t('penilaian.value')} ${indicator.code}`}>
            {props.value !== undefined ? formatNumber(props.value, decimalsOf(props.value), lang) : '—'}
          </span>
        ) : scaleLevels(scale) ? (
          <LevelButtons item={props.item} value={props.value} disabled={props.disabled} onSet={onSet} />
        ) : (
          <NumberEntry key={`${props.value ?? ''}`} item={props.item} value={props.value} disabled={props.disabled} onSet={onSet} />
        )}
        <span className={`save-state ${props.state ?? (props.value !== undefined ? 'saved' : 'empty')}`} aria-live="polite">
          {status}
        </span>
      </div>
      <Refused indicator={indicator.code} />
      {indicator.household ? (
        <div className="indicator-wide">
          <HouseholdChecklist
            indicator={indicator.code}
            household={indicator.household}
            scale={scale}
            saved={props.household}
            disabled={props.disabled}
          />
        </div>
      ) : null}
    </li>
  );
}
