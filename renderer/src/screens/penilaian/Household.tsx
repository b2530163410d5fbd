/**
 * A household-visit checklist: the sampled target families (KK binaan) × yes/no items. The share of "yes" answers
 * becomes the score through the instrument's bands once every item of every visited family is answered.
 *
 * What it shows is what the core holds, or the juror's last tick while it is on its way (the scoring store's
 * `households`): an undo redraws it. Keys on a cell: Y or 1 answers Ya, T or 0 Tidak, and the next cell takes the
 * focus; arrows move across the families × items grid; K answers Ya for every item of the family, B Ya for the
 * item in every family; Enter goes to the next indicator. The number of families visited is edited freely and
 * taken on Enter or on leaving the field; lowering it asks first when families lose answers.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Household, Scale } from '../../../../shared/domain/instrument.js';
import { householdScore, isOptionsScale } from '../../../../shared/domain/instrument.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore, type Answers } from '../../stores/scoring.js';
import { focusNextIndicator } from './focus.js';

function blank(families: number, items: number): Answers {
  return Array.from({ length: families }, () => Array.from({ length: items }, () => null));
}

/** "9 dan 10", "8, 9, dan 10" / "9 and 10". */
function listOf(numbers: number[], lang: string): string {
  return new Intl.ListFormat(lang === 'en' ? 'en' : 'id', { type: 'conjunction' }).format(numbers.map(String));
}

function LowerFamilies(props: { to: number; lost: number[]; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <div
      className="modal"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lower-families-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
        e.stopPropagation();
      }}
    >
      <div className="modal-body confirm-body">
        <h3 id="lower-families-title">{t('sheet.lowerTitle', { count: props.to })}</h3>
        <p>{t('sheet.lowerBody', { families: listOf(props.lost, lang) })}</p>
        <p className="muted small">{t('sheet.lowerUndo')}</p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={props.onCancel} autoFocus>
            {t('sheet.cancel')}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm}>
            {t('sheet.lowerConfirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function HouseholdChecklist(props: {
  indicator: string;
  household: Household;
  scale: Scale;
  saved: Answers | undefined;
  disabled: boolean;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setHousehold = useScoringStore((s) => s.setHousehold);
  const pending = useScoringStore((s) => s.households[props.indicator]);
  const { household } = props;
  const items = household.items.length;
  const answers: Answers = pending ?? props.saved ?? blank(household.sampleSize, items);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [familiesText, setFamiliesText] = useState<string | null>(null);
  const [familiesError, setFamiliesError] = useState(false);
  const [lowering, setLowering] = useState<{ to: number; lost: number[] } | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const answered = answers.flat().filter((a) => a !== null).length;
  const yes = answers.flat().filter((a) => a === true).length;
  const total = answers.length * items;
  const complete = answered === total && total > 0;
  const pct = answered === 0 ? 0 : (yes / answered) * 100;
  const score = complete ? householdScore(household, props.scale, yes, answered) : null;
  const activeFamily = Math.min(active[0], answers.length - 1);
  const activeItem = Math.min(active[1], items - 1);

  const save = (next: Answers) => void setHousehold(props.indicator, next);
  const setCell = (f: number, i: number, value: boolean | null) =>
    save(answers.map((row, k) => (k !== f ? row : row.map((a, m) => (m !== i ? a : value)))));
  const toggle = (f: number, i: number, value: boolean) => setCell(f, i, answers[f]?.[i] === value ? null : value);
  const yesForFamily = (f: number) => save(answers.map((row, k) => (k !== f ? row : row.map(() => true))));
  const yesForItem = (i: number) => save(answers.map((row) => row.map((a, m) => (m !== i ? a : true))));

  function focusCell(f: number, i: number) {
    setActive([f, i]);
    grid.current?.querySelector<HTMLElement>(`[data-cell="${f}-${i}"]`)?.focus();
  }

  /** The next cell (along the family, then the next family), or the next indicator after the last one. */
  function moveOn(f: number, i: number, from: Element) {
    if (i + 1 < items) focusCell(f, i + 1);
    else if (f + 1 < answers.length) focusCell(f + 1, 0);
    else focusNextIndicator(from);
  }

  function onCellKey(event: KeyboardEvent<HTMLElement>, f: number, i: number) {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const from = event.currentTarget;
    if (key === 'y' || key === '1') {
      setCell(f, i, true);
      moveOn(f, i, from);
    } else if (key === 't' || key === '0') {
      setCell(f, i, false);
      moveOn(f, i, from);
    } else if (key === 'k') {
      yesForFamily(f);
      if (f + 1 < answers.length) focusCell(f + 1, 0);
      else focusNextIndicator(from);
    } else if (key === 'b') {
      yesForItem(i);
      if (i + 1 < items) focusCell(f, i + 1);
      else focusNextIndicator(from);
    } else if (key === 'ArrowRight') focusCell(f, Math.min(items - 1, i + 1));
    else if (key === 'ArrowLeft') focusCell(f, Math.max(0, i - 1));
    else if (key === 'ArrowDown') focusCell(Math.min(answers.length - 1, f + 1), i);
    else if (key === 'ArrowUp') focusCell(Math.max(0, f - 1), i);
    else if (key === 'Enter') focusNextIndicator(from);
    else return;
    event.preventDefault();
  }

  /** Takes the typed number of families; returns whether it was taken without a question. */
  function commitFamilies(): boolean {
    if (familiesText === null) return true;
    if (lowering) return false;
    const n = /^\s*\d+\s*$/.test(familiesText) ? Number(familiesText) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > household.sampleSize) {
      setFamiliesError(true);
      setFamiliesText(null);
      return false;
    }
    setFamiliesError(false);
    if (n < answers.length) {
      const lost = answers.map((row, f) => (f >= n && row.some((a) => a !== null) ? f + 1 : 0)).filter((f) => f > 0);
      if (lost.length > 0) {
        setLowering({ to: n, lost });
        return false;
      }
      save(answers.slice(0, n));
    } else if (n > answers.length) save([...answers, ...blank(n - answers.length, items)]);
    setFamiliesText(null);
    return true;
  }

  const cellLabel = (f: number, i: number) => `KK ${f + 1}: ${household.items[i]}`;

  return (
    <div className="household">
      <div className="household-head">
        <label className="inline">
          {t('scoring.familiesVisited')}
          <input
            type="text"
            inputMode="numeric"
            value={familiesText ?? String(answers.length)}
            disabled={props.disabled}
            aria-label={`${t('scoring.familiesVisited')} ${props.indicator}`}
            aria-invalid={familiesError}
            className="families-input"
            onChange={(e) => {
              setFamiliesError(false);
              setFamiliesText(e.target.value);
            }}
            onBlur={() => void commitFamilies()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                // Enter takes the number and moves on to the first family's answers.
                e.preventDefault();
                e.stopPropagation();
                if (commitFamilies()) focusCell(0, 0);
              } else if (e.key === 'Escape') {
                setFamiliesText(null);
              }
            }}
          />
          <span className="muted small">{t('scoring.ofSample', { sample: household.sampleSize })}</span>
          {familiesError ? (
            <span className="required-missing-text small" role="alert">
              {t('sheet.familiesInvalid', { max: household.sampleSize })}
            </span>
          ) : null}
        </label>
        <span className={complete ? 'household-result complete' : 'household-result'} role="status">
          {t('scoring.householdYes', { yes, answered, pct: formatNumber(pct, 0, lang) })}
          {score !== null
            ? ` → ${t('scoring.householdScore', { score: isOptionsScale(props.scale) ? String(score) : formatNumber(score, 0, lang) })}`
            : ` · ${t('scoring.householdIncomplete', { left: total - answered })}`}
        </span>
      </div>
      <div className="table-scroll" ref={grid}>
        <table className="data household-table">
          <thead>
            <tr>
              <th scope="col">KK</th>
              {household.items.map((item, i) => (
                <th key={i} scope="col">
                  <span className="household-item">{item}</span>
                  {!props.disabled ? (
                    <button
                      type="button"
                      className="link yes-all"
                      aria-label={t('sheet.yesAllItem', { item })}
                      onClick={() => yesForItem(i)}
                    >
                      {t('sheet.yesAll')}
                    </button>
                  ) : null}
                </th>
              ))}
              {!props.disabled ? (
                <th scope="col">
                  <span className="sr-only">{t('sheet.yesAll')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {answers.map((row, f) => (
              <tr key={f}>
                <th scope="row">{f + 1}</th>
                {row.map((answer, i) => (
                  <td key={i}>
                    <div
                      className="yesno"
                      role="group"
                      aria-label={cellLabel(f, i)}
                      data-cell={`${f}-${i}`}
                      tabIndex={props.disabled ? undefined : f === activeFamily && i === activeItem ? 0 : -1}
                      onFocus={() => setActive([f, i])}
                      onKeyDown={(e) => onCellKey(e, f, i)}
                    >
                      <button
                        type="button"
                        tabIndex={-1}
                        className={answer === true ? 'yes active' : 'yes'}
                        aria-pressed={answer === true}
                        disabled={props.disabled}
                        onClick={() => toggle(f, i, true)}
                      >
                        {t('scoring.yes')}
                      </button>
                      <button
                        type="button"
                        tabIndex={-1}
                        className={answer === false ? 'no active' : 'no'}
                        aria-pressed={answer === false}
                        disabled={props.disabled}
                        onClick={() => toggle(f, i, false)}
                      >
                        {t('scoring.no')}
                      </button>
                    </div>
                  </td>
                ))}
                {!props.disabled ? (
                  <td>
                    <button
                      type="button"
                      className="secondary small-button"
                      aria-label={t('sheet.yesAllFamily', { family: f + 1 })}
                      onClick={() => yesForFamily(f)}
                    >
                      {t('sheet.yesAll')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lowering ? (
        <LowerFamilies
          to={lowering.to}
          lost={lowering.lost}
          onConfirm={() => {
            save(answers.slice(0, lowering.to));
            setLowering(null);
            setFamiliesText(null);
          }}
          onCancel={() => {
            setLowering(null);
            setFamiliesText(null);
          }}
        />
      ) : null}
    </div>
  );
}
