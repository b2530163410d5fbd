/**
 * A household-visit checklist: the sampled target families (KK binaan) × yes/no items. The share of "yes" answers
 * becomes the score through the instrument's bands once every item of every visited family is answered.
 */
import { useState } from 'react';
import type { Household, Scale } from '../../../../shared/domain/instrument.js';
import { householdScore, isOptionsScale } from '../../../../shared/domain/instrument.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useScoringStore } from '../../stores/scoring.js';

type Answers = (boolean | null)[][];

function blank(families: number, items: number): Answers {
  return Array.from({ length: families }, () => Array.from({ length: items }, () => null));
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
  const { household } = props;
  // The checklist keeps its own answers while the juror ticks (each tick is saved at once, in order); what the
  // core stored is the starting point when the indicator is opened.
  const [answers, setAnswers] = useState<Answers>(() => props.saved ?? blank(household.sampleSize, household.items.length));
  const answered = answers.flat().filter((a) => a !== null).length;
  const yes = answers.flat().filter((a) => a === true).length;
  const total = answers.length * household.items.length;
  const complete = answered === total && total > 0;
  const pct = answered === 0 ? 0 : (yes / answered) * 100;
  const score = complete ? householdScore(household, props.scale, yes, answered) : null;

  const save = (next: Answers) => {
    setAnswers(next);
    void setHousehold(props.indicator, next);
  };
  const toggle = (f: number, i: number, value: boolean) =>
    save(answers.map((row, k) => (k !== f ? row : row.map((a, m) => (m !== i ? a : a === value ? null : value)))));
  const setFamilies = (n: number) => {
    const count = Math.max(1, Math.min(household.sampleSize, n));
    save(count <= answers.length ? answers.slice(0, count) : [...answers, ...blank(count - answers.length, household.items.length)]);
  };

  return (
    <div className="household">
      <div className="household-head">
        <label className="inline">
          {t('scoring.familiesVisited')}
          <input
            type="number"
            min={1}
            max={household.sampleSize}
            value={answers.length}
            disabled={props.disabled}
            aria-label={`${t('scoring.familiesVisited')} ${props.indicator}`}
            onChange={(e) => setFamilies(Number(e.target.value))}
          />
          <span className="muted small">{t('scoring.ofSample', { sample: household.sampleSize })}</span>
        </label>
        <span className={complete ? 'household-result complete' : 'household-result'} role="status">
          {t('scoring.householdYes', { yes, answered, pct: formatNumber(pct, 0, lang) })}
          {score !== null
            ? ` → ${t('scoring.householdScore', { score: isOptionsScale(props.scale) ? String(score) : formatNumber(score, 0, lang) })}`
            : ` · ${t('scoring.householdIncomplete', { left: total - answered })}`}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data household-table">
          <thead>
            <tr>
              <th scope="col">KK</th>
              {household.items.map((item, i) => (
                <th key={i} scope="col">
                  {item}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answers.map((row, f) => (
              <tr key={f}>
                <th scope="row">{f + 1}</th>
                {row.map((answer, i) => (
                  <td key={i}>
                    <div className="yesno" role="group" aria-label={`KK ${f + 1}: ${household.items[i]}`}>
                      <button
                        type="button"
                        className={answer === true ? 'yes active' : 'yes'}
                        aria-pressed={answer === true}
                        disabled={props.disabled}
                        onClick={() => toggle(f, i, true)}
                      >
                        {t('scoring.yes')}
                      </button>
                      <button
                        type="button"
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
