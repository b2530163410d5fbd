/** Aturan: how the ranking is computed (contract.md section 4): aggregation, normalisation, tie-break chain, labels. */
import { useState } from 'react';
import { splitTieBreak, type Rules } from '../../../../shared/domain/competition.js';
import { useT } from '../../components/common.js';
import { useSetupStore } from '../../stores/setup.js';
import { errorProps, FieldError } from './fields.js';
import type { PlacedIssues } from './issues.js';
import { LockAfterField } from './LockAfterField.js';

function Choice<V extends string | number>(props: {
  legend: string;
  name: string;
  value: V;
  options: { value: V; label: string; hint?: string }[];
  onChange: (v: V) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={String(o.value)} className="choice-option">
          <input type="radio" name={props.name} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <span>
            {o.label}
            {o.hint ? <span className="hint">{o.hint}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function RulesTab({ invalid, errors }: { invalid: (path: string) => boolean; errors: PlacedIssues }) {
  const t = useT();
  const rules = useSetupStore((s) => s.draft?.info.rules);
  const instrument = useSetupStore((s) => s.instrument);
  const edit = useSetupStore((s) => s.edit);
  const [adding, setAdding] = useState('');
  if (!rules || !instrument) return null;
  const setRules = (change: (r: Rules) => Rules) => edit((d) => ({ ...d, info: { ...d.info, rules: change(d.info.rules) } }));

  const candidates = [
    ...instrument.phases.map((p) => ({ entry: `phase:${p.code}`, label: `${t('penilaian.phase')} ${p.code} — ${p.name}` })),
    ...instrument.aspects.map((a) => ({ entry: `aspect:${a.code}`, label: `${t('setup.aspect')} ${a.code} — ${a.name}` })),
  ].filter((c) => !rules.tieBreak.includes(c.entry));
  const describe = (entry: string) => {
    const [kind, ref] = splitTieBreak(entry);
    const name =
      kind === 'phase' ? instrument.phases.find((p) => p.code === ref)?.name : instrument.aspects.find((a) => a.code === ref)?.name;
    return `${kind === 'phase' ? t('penilaian.phase') : t('setup.aspect')} ${ref}${name ? ` — ${name}` : ''}`;
  };
  const move = (i: number, by: number) =>
    setRules((r) => {
      const list = [...r.tieBreak];
      const [item] = list.splice(i, 1);
      list.splice(i + by, 0, item!);
      return { ...r, tieBreak: list };
    });

  return (
    <div className="tab-body rules">
      <div className="grid-2">
        <Choice
          legend={t('setup.aggregation')}
          name="aggregation"
          value={rules.aggregation}
          onChange={(aggregation) => setRules((r) => ({ ...r, aggregation }))}
          options={[
            { value: 'mean', label: t('agg.mean'), hint: t('setup.agg.meanHint') },
            { value: 'trimmed-mean', label: t('agg.trimmed-mean'), hint: t('setup.agg.trimmedHint') },
            { value: 'median', label: t('agg.median'), hint: t('setup.agg.medianHint') },
          ]}
        />
        <Choice
          legend={t('setup.normalise')}
          name="normalise"
          value={rules.normalise}
          onChange={(normalise) => setRules((r) => ({ ...r, normalise }))}
          options={[
            { value: 'max', label: t('norm.max'), hint: t('setup.norm.maxHint') },
            { value: 'range', label: t('norm.range'), hint: t('setup.norm.rangeHint') },
          ]}
        />
        <Choice
          legend={t('setup.rankBy')}
          name="rankBy"
          value={rules.rankBy}
          onChange={(rankBy) => setRules((r) => ({ ...r, rankBy }))}
          options={[
            { value: 'all', label: t('setup.rankBy.all') },
            { value: 'category', label: t('setup.rankBy.category'), hint: t('setup.rankBy.categoryHint') },
          ]}
        />
        <label>
          {t('setup.precision')}
          <select value={rules.precision} onChange={(e) => setRules((r) => ({ ...r, precision: Number(e.target.value) }))}>
            {[0, 1, 2, 3, 4].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <LockAfterField invalid={invalid('competition.rules.lockAfterMinutes')} />
      </div>

      <h3>{t('setup.tieBreak')}</h3>
      <p className="muted small">{t('setup.tieBreakHint')}</p>
      <ol className="ordered-list">
        {rules.tieBreak.map((entry, i) => (
          <li key={entry} className={invalid(`competition.rules.tieBreak[${i}]`) ? 'invalid' : ''}>
            <span>{describe(entry)}</span>
            <span className="row-actions">
              <button
                type="button"
                className="link"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={`${t('setup.moveUp')} ${entry}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="link"
                disabled={i === rules.tieBreak.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`${t('setup.moveDown')} ${entry}`}
              >
                ↓
              </button>
              <button
                type="button"
                className="link"
                onClick={() => setRules((r) => ({ ...r, tieBreak: r.tieBreak.filter((e) => e !== entry) }))}
                aria-label={`${t('common.remove')} ${entry}`}
              >
                ✕
              </button>
            </span>
            <FieldError path={`competition.rules.tieBreak[${i}]`} message={errors.at(`competition.rules.tieBreak[${i}]`)} />
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label>
          {t('setup.addTieBreak')}
          <select value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">—</option>
            {candidates.map((c) => (
              <option key={c.entry} value={c.entry}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!adding}
          onClick={() => {
            setRules((r) => ({ ...r, tieBreak: [...r.tieBreak, adding] }));
            setAdding('');
          }}
        >
          {t('setup.add')}
        </button>
      </div>

      <h3>{t('setup.labels')}</h3>
      <p className="muted small">{t('setup.labelsHint')}</p>
      <ol className="labels-list">
        {rules.labels.map((label, i) => (
          <li key={i}>
            <input
              aria-label={`${t('setup.labelFor')} ${i + 1}`}
              value={label}
              {...errorProps(`competition.rules.labels[${i}]`, errors.at(`competition.rules.labels[${i}]`))}
              onChange={(e) => setRules((r) => ({ ...r, labels: r.labels.map((x, k) => (k === i ? e.target.value : x)) }))}
            />
            <button
              type="button"
              className="link"
              onClick={() => setRules((r) => ({ ...r, labels: r.labels.filter((_, k) => k !== i) }))}
              aria-label={`${t('common.remove')} ${label}`}
            >
              ✕
            </button>
            <FieldError path={`competition.rules.labels[${i}]`} message={errors.at(`competition.rules.labels[${i}]`)} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setRules((r) => ({
            ...r,
            labels: [...r.labels, `Harapan ${['I', 'II', 'III', 'IV', 'V', 'VI'][r.labels.length - 3] ?? ''}`.trim()],
          }))
        }
      >
        + {t('setup.addLabel')}
      </button>
    </div>
  );
}
