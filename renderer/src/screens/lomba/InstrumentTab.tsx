/**
 * Instrumen: the assessment instrument of the open competition, edited with live validation (weights sum to 100,
 * codes unique, scales sane, phases known), a preview of the printed scoring form, import and export as
 * penilai.instrument/1 JSON or the .xlsx template. A version used for scoring is locked: a change becomes a new version.
 */
import { useState, type ReactNode } from 'react';
import { describeError, type AppError } from '../../../../shared/domain/errors.js';
import { t as message } from '../../../../shared/i18n/messages.js';
import {
  isOptionsScale,
  levelKey,
  listIndicators,
  scaleBounds,
  scaleLevels,
  type Indicator,
  type Instrument,
  type Scale,
} from '../../../../shared/domain/instrument.js';
import { formatBands, formatScale, parseBands, parseOptions } from '../../../../shared/domain/instrument-notation.js';
import { formatNumber, parseDecimal, roundTo } from '../../../../shared/domain/numbers.js';
import { call, download } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { checkInstrumentDraft, useSetupStore } from '../../stores/setup.js';
import { errorId, errorProps, FieldError } from './fields.js';
import { placeIssues } from './issues.js';

/** The instrument's fields that show their own message beside them. */
const INSTRUMENT_FIELDS = /^instrument\.aspects\[\d+\]\.(code|indicators\[\d+\]\.(code|name|weight|phase))$/;
import { readPicked } from './ImportPreview.js';

function decimals(value: number): number {
  const text = levelKey(value);
  return text.includes('.') ? Math.min(4, text.length - text.indexOf('.') - 1) : 0;
}

/** A number field that accepts a decimal comma and keeps what is typed until it reads as a number. */
function DecimalInput(props: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  invalid?: boolean;
  className?: string;
  describedBy?: string | undefined;
}) {
  const lang = useAppStore((s) => s.lang);
  const shown = formatNumber(props.value, decimals(props.value), lang);
  const [text, setText] = useState<string | null>(null);
  const bad = text !== null && parseDecimal(text) === null;
  return (
    <input
      className={props.className}
      aria-label={props.label}
      inputMode="decimal"
      value={text ?? shown}
      aria-invalid={props.invalid || bad || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseDecimal(e.target.value);
        if (parsed !== null) props.onChange(parsed);
      }}
      onBlur={() => setText(null)}
    />
  );
}

function scaleText(scale: Scale | undefined, lang: 'id' | 'en'): string {
  if (!scale) return '';
  if (isOptionsScale(scale)) return scale.options.map((o) => `${o.key}=${formatNumber(o.value, decimals(o.value), lang)}`).join('; ');
  const { min, max } = scaleBounds(scale);
  const step = scale.step === 1 ? '' : ` / ${formatNumber(scale.step, decimals(scale.step), lang)}`;
  return `${formatNumber(min, decimals(min), lang)}–${formatNumber(max, decimals(max), lang)}${step}${scale.unit ? ` ${scale.unit}` : ''}`;
}

function ScaleEditor(props: { indicator: Indicator; instrument: Instrument; onChange: (scale: Scale | undefined) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const scale = props.indicator.scale;
  const kind = !scale ? 'default' : isOptionsScale(scale) ? 'options' : 'range';
  const [optionsText, setOptionsText] = useState(scale && isOptionsScale(scale) ? formatScale(scale) : 'a=4; b=3; c=2; d=1');
  const readOptions = parseOptions(optionsText);
  const code = props.indicator.code;
  const optionsPath = `scale-options-${code}`;
  return (
    <div className="scale-editor">
      <label>
        {t('setup.scale')}
        <select
          aria-label={`${t('setup.scale')} ${code}`}
          value={kind}
          onChange={(e) => {
            const next = e.target.value;
            if (next === 'default') props.onChange(undefined);
            else if (next === 'range') props.onChange({ min: 0, max: 100, step: 1, unit: '%' });
            else
              props.onChange(
                readOptions.ok
                  ? readOptions.value
                  : {
                      options: [
                        { key: 'a', value: 4 },
                        { key: 'b', value: 3 },
                        { key: 'c', value: 2 },
                        { key: 'd', value: 1 },
                      ],
                    },
              );
          }}
        >
          <option value="default">
            {t('setup.scale.default')} ({scaleText(props.instrument.defaultScale, lang)})
          </option>
          <option value="range">{t('setup.scale.range')}</option>
          <option value="options">{t('setup.scale.options')}</option>
        </select>
      </label>
      {scale && !isOptionsScale(scale) ? (
        <div className="scale-range">
          {(['min', 'max', 'step'] as const).map((k) => (
            <label key={k}>
              {t(`setup.scale.${k}`)}
              <DecimalInput
                label={`${t(`setup.scale.${k}`)} ${code}`}
                value={scale[k]}
                onChange={(v) => props.onChange({ ...scale, [k]: v })}
              />
            </label>
          ))}
          <label>
            {t('setup.scale.unit')}
            <input
              aria-label={`${t('setup.scale.unit')} ${code}`}
              value={scale.unit ?? ''}
              onChange={(e) =>
                props.onChange(e.target.value ? { ...scale, unit: e.target.value } : { min: scale.min, max: scale.max, step: scale.step })
              }
            />
          </label>
        </div>
      ) : null}
      {scale && isOptionsScale(scale) ? (
        <label>
          {t('setup.scale.optionsText')}
          <input
            aria-label={`${t('setup.scale.optionsText')} ${code}`}
            value={optionsText}
            {...errorProps(optionsPath, readOptions.ok ? undefined : message(lang, readOptions.key, readOptions.params))}
            onChange={(e) => {
              setOptionsText(e.target.value);
              const parsed = parseOptions(e.target.value);
              if (parsed.ok) props.onChange(parsed.value);
            }}
          />
          <FieldError path={optionsPath} message={readOptions.ok ? undefined : message(lang, readOptions.key, readOptions.params)} />
        </label>
      ) : null}
    </div>
  );
}

function IndicatorDetails(props: { indicator: Indicator; instrument: Instrument; update: (change: (i: Indicator) => Indicator) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { indicator } = props;
  const scale = indicator.scale ?? props.instrument.defaultScale;
  const levels = scaleLevels(scale) ?? [];
  const toggleEvidence = (kind: 'noteAt' | 'photoAt', level: string) =>
    props.update((i) => {
      const current = i.evidence?.[kind] ?? [];
      const nextList = current.includes(level) ? current.filter((l) => l !== level) : [...current, level];
      const evidence = { ...i.evidence, [kind]: nextList };
      if (!evidence.noteAt?.length) delete evidence.noteAt;
      if (!evidence.photoAt?.length) delete evidence.photoAt;
      const { evidence: _old, ...rest } = i;
      return Object.keys(evidence).length ? { ...rest, evidence } : rest;
    });
  return (
    <div className="indicator-details">
      <ScaleEditor
        indicator={indicator}
        instrument={props.instrument}
        onChange={(s) =>
          props.update((i) => {
            const { scale: _old, ...rest } = i;
            return s ? { ...rest, scale: s } : rest;
          })
        }
      />
      <label>
        {t('setup.description')}
        <textarea
          rows={2}
          value={indicator.description ?? ''}
          onChange={(e) =>
            props.update((i) => {
              const { description: _old, ...rest } = i;
              return e.target.value ? { ...rest, description: e.target.value } : rest;
            })
          }
        />
      </label>
      {levels.length > 0 ? (
        <table className="data rubric-table">
          <thead>
            <tr>
              <th scope="col">{t('setup.level')}</th>
              <th scope="col">{t('setup.rubric')}</th>
              <th scope="col">{t('setup.noteRequired')}</th>
              <th scope="col">{t('setup.photoRequired')}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => (
              <tr key={level.key}>
                <td>
                  <b>{isOptionsScale(scale) ? level.key : formatNumber(level.value, decimals(level.value), lang)}</b> {level.label ?? ''}
                </td>
                <td>
                  <input
                    aria-label={`${t('setup.rubric')} ${indicator.code} ${level.key}`}
                    value={indicator.rubric?.[levelKey(level.value)] ?? ''}
                    onChange={(e) =>
                      props.update((i) => {
                        const rubric = { ...i.rubric };
                        if (e.target.value) rubric[levelKey(level.value)] = e.target.value;
                        else delete rubric[levelKey(level.value)];
                        const { rubric: _old, ...rest } = i;
                        return Object.keys(rubric).length ? { ...rest, rubric } : rest;
                      })
                    }
                  />
                </td>
                {(['noteAt', 'photoAt'] as const).map((kind) => (
                  <td key={kind} className="check">
                    <input
                      type="checkbox"
                      aria-label={`${t(kind === 'noteAt' ? 'setup.noteRequired' : 'setup.photoRequired')} ${indicator.code} ${level.key}`}
                      checked={indicator.evidence?.[kind]?.includes(levelKey(level.value)) ?? false}
                      onChange={() => toggleEvidence(kind, levelKey(level.value))}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <HouseholdEditor indicator={indicator} update={props.update} />
    </div>
  );
}

/** The household-visit block: a sample of target families, yes/no items, and the bands that turn a share into a score. */
function HouseholdEditor(props: { indicator: Indicator; update: (change: (i: Indicator) => Indicator) => void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const household = props.indicator.household;
  const code = props.indicator.code;
  const [bands, setBands] = useState(formatBands(household?.bands ?? []));
  const readBands = parseBands(bands);
  const bandsPath = `bands-${code}`;
  const bandsError = readBands.ok ? undefined : message(lang, readBands.key, readBands.params);
  const setHousehold = (change: (h: NonNullable<Indicator['household']>) => NonNullable<Indicator['household']>) =>
    props.update((i) => (i.household ? { ...i, household: change(i.household) } : i));
  return (
    <fieldset className="choice household-editor">
      <legend>{t('setup.household')}</legend>
      <label className="choice-option">
        <input
          type="checkbox"
          checked={household !== undefined}
          onChange={(e) =>
            props.update((i) => {
              const { household: _old, ...rest } = i;
              return e.target.checked ? { ...rest, household: { sampleSize: 10, items: [i.name] } } : rest;
            })
          }
        />
        <span>{t('setup.householdToggle')}</span>
      </label>
      {household ? (
        <div className="household-fields">
          <label>
            {t('setup.householdSample')}
            <input
              aria-label={`${t('setup.householdSample')} ${code}`}
              inputMode="numeric"
              value={household.sampleSize}
              onChange={(e) => setHousehold((h) => ({ ...h, sampleSize: Math.max(1, Math.round(Number(e.target.value) || 1)) }))}
            />
          </label>
          <label className="wide">
            {t('setup.householdItems')}
            <textarea
              aria-label={`${t('setup.householdItems')} ${code}`}
              rows={3}
              value={household.items.join('\n')}
              onChange={(e) => setHousehold((h) => ({ ...h, items: e.target.value.split('\n') }))}
            />
          </label>
          <label className="wide">
            {t('setup.householdBands')}
            <input
              aria-label={`${t('setup.householdBands')} ${code}`}
              value={bands}
              placeholder="<40=1; <60=2; <75=3; <90=4; >=90=5"
              {...errorProps(bandsPath, bandsError)}
              onChange={(e) => {
                setBands(e.target.value);
                const parsed = parseBands(e.target.value);
                if (!parsed.ok) return;
                // An empty field: no bands (the share itself is the score).
                if (parsed.value.length === 0)
                  setHousehold((h) => {
                    const { bands: _old, ...rest } = h;
                    return rest;
                  });
                else setHousehold((h) => ({ ...h, bands: parsed.value }));
              }}
            />
            <FieldError path={bandsPath} message={bandsError} />
            <span className="hint">{t('setup.householdBandsHint')}</span>
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

/** The phases of the assessment (document review, presentation, field verification, household visits...). */
function PhasesEditor() {
  const t = useT();
  const instrument = useSetupStore((s) => s.instrument);
  const editInstrument = useSetupStore((s) => s.editInstrument);
  if (!instrument) return null;
  const setPhase = (i: number, change: Partial<Instrument['phases'][number]>) =>
    editInstrument((ins) => ({ ...ins, phases: ins.phases.map((p, k) => (k === i ? { ...p, ...change } : p)) }));
  return (
    <details className="phases-editor">
      <summary>{t('setup.phases', { count: instrument.phases.length })}</summary>
      <table className="data edit">
        <thead>
          <tr>
            <th scope="col">{t('setup.indicatorCode')}</th>
            <th scope="col">{t('setup.phaseName')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {instrument.phases.map((phase, i) => (
            <tr key={i}>
              <td className="narrow">
                <input
                  aria-label={`${t('setup.phaseCode')} ${i + 1}`}
                  value={phase.code}
                  onChange={(e) => setPhase(i, { code: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('setup.phaseName')} ${i + 1}`}
                  value={phase.name}
                  onChange={(e) => setPhase(i, { name: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-label={`${t('common.remove')} ${phase.code}`}
                  onClick={() => editInstrument((ins) => ({ ...ins, phases: ins.phases.filter((_, k) => k !== i) }))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="link"
        onClick={() => editInstrument((ins) => ({ ...ins, phases: [...ins.phases, { code: `T${ins.phases.length + 1}`, name: '' }] }))}
      >
        + {t('setup.addPhase')}
      </button>
    </details>
  );
}

/** What the printed scoring form will look like: one row per indicator with a box per level. */
function FormPreview({ instrument }: { instrument: Instrument }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const info = useSetupStore((s) => s.draft?.info);
  const phases = new Map(instrument.phases.map((p) => [p.code, p.name]));
  return (
    <div className="paper" role="region" aria-label={t('setup.formPreview')}>
      <div className="paper-title">{t('setup.formTitle')}</div>
      <div className="paper-subtitle">{info?.name}</div>
      <div className="paper-meta">
        <span>{t('setup.formSite')}: ____________________</span>
        <span>{t('setup.formJuror')}: ____________________</span>
      </div>
      {instrument.aspects.map((aspect) => (
        <table key={aspect.code} className="paper-table">
          <caption>
            {aspect.code}. {aspect.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.indicatorCode')}</th>
              <th scope="col">{t('setup.indicatorName')}</th>
              <th scope="col">{t('setup.weight')}</th>
              <th scope="col">{t('penilaian.value')}</th>
              <th scope="col">{t('setup.formNote')}</th>
            </tr>
          </thead>
          <tbody>
            {aspect.indicators.map((indicator) => {
              const scale = indicator.scale ?? instrument.defaultScale;
              const levels = scaleLevels(scale);
              return (
                <tr key={indicator.code}>
                  <td>{indicator.code}</td>
                  <td>
                    {indicator.name}
                    <div className="paper-small">{phases.get(indicator.phase) ?? indicator.phase}</div>
                    {indicator.rubric ? (
                      <div className="paper-small">
                        {Object.entries(indicator.rubric)
                          .map(([l, text]) => `${l}: ${text}`)
                          .join(' · ')}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{formatNumber(indicator.weight, decimals(indicator.weight), lang)}</td>
                  <td className="paper-levels">
                    {levels ? (
                      levels.map((l) => (
                        <span key={l.key} className="box">
                          {isOptionsScale(scale) ? l.key : l.key}
                        </span>
                      ))
                    ) : (
                      <span className="paper-blank">______ {scaleText(scale, lang)}</span>
                    )}
                  </td>
                  <td className="paper-note" />
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/**
 * `blocked`: the secretariat's session is needed to save (the competition has a secretariat PIN); `secretariat`: the
 * card that asks its PIN, shown beside the save.
 */
export function InstrumentTab({ blocked = false, secretariat = null }: { blocked?: boolean; secretariat?: ReactNode }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const { instrument, draft, instrumentDirty, refusal, saving, editInstrument, replaceInstrument, saveInstrument, discard } =
    useSetupStore();
  const [preview, setPreview] = useState(false);
  const [imported, setImported] = useState<Instrument | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  if (!instrument) return null;
  const issues = checkInstrumentDraft(instrument);
  const total = listIndicators(instrument).reduce((s, r) => s + r.indicator.weight, 0);
  const totalOk = Math.abs(total - 100) < 1e-9;
  const phases = instrument.phases;
  const invalid = (path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  // The indicator table's fields show their own messages; the rest (weights' sum, scales, bands) are listed above.
  const placed = placeIssues(issues, lang, { ...(draft ? { sites: draft.sites, jurors: draft.jurors } : {}), instrument }, (path) =>
    INSTRUMENT_FIELDS.test(path),
  );

  const updateIndicator = (a: number, i: number, change: (ind: Indicator) => Indicator) =>
    editInstrument((ins) => ({
      ...ins,
      aspects: ins.aspects.map((asp, k) =>
        k !== a ? asp : { ...asp, indicators: asp.indicators.map((ind, m) => (m === i ? change(ind) : ind)) },
      ),
    }));

  const failed = (error: AppError) => setNotice({ kind: 'error', error });
  const exportAs = (format: 'json' | 'xlsx') =>
    download(call('instruments.export', { code: instrument.code, version: instrument.version, format }), failed);
  const template = () => download(call('instruments.template', {}), failed);
  async function importFile(file: File | undefined) {
    if (!file) return;
    setImportError(null);
    const result = await call('instruments.import', await readPicked(file));
    if (!result.ok) return setImportError(describeError(result.error, lang));
    setImported(result.value);
  }

  return (
    <div className="tab-body">
      <div className="instrument-head">
        <div>
          <h3 className="flush">{instrument.name}</h3>
          <span className="muted small">
            {instrument.code} · {t('setup.version', { version: instrument.version })}
          </span>
        </div>
        <div className={totalOk ? 'weight-total ok' : 'weight-total bad'} role="status" aria-live="polite">
          {t(totalOk ? 'setup.weightTotalOk' : 'setup.weightTotalBad', { total: formatNumber(total, 2, lang) })}
        </div>
      </div>
      <div className="toolbar-row">
        <label className="file-button">
          {t('setup.importInstrument')}
          <input
            type="file"
            accept=".json,.xlsx"
            onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
        </label>
        <button type="button" className="secondary" onClick={() => void template()}>
          {t('setup.template')}
        </button>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => setPreview(!preview)} aria-expanded={preview}>
          {t(preview ? 'setup.hidePreview' : 'setup.formPreview')}
        </button>
        <button type="button" className="secondary" disabled={instrumentDirty} onClick={() => void exportAs('json')}>
          {t('setup.exportJson')}
        </button>
        <button type="button" className="secondary" disabled={instrumentDirty} onClick={() => void exportAs('xlsx')}>
          {t('setup.exportXlsx')}
        </button>
      </div>
      {importError ? (
        <p className="form-error" role="alert">
          {importError}
        </p>
      ) : null}
      {imported ? (
        <div className="import-preview" role="region" aria-label={t('setup.importPreview')}>
          <p>
            {t('setup.importedInstrument', {
              name: imported.name,
              version: imported.version,
              aspects: imported.aspects.length,
              indicators: listIndicators(imported).length,
            })}
          </p>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setImported(null)}>
              {t('setup.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                replaceInstrument({ ...imported, code: instrument.code, version: instrument.version });
                setImported(null);
              }}
            >
              {t('setup.useInstrument')}
            </button>
          </div>
        </div>
      ) : null}

      {placed.unplaced.length > 0 ? (
        <div className="form-error" role="alert">
          <p>{t('setup.instrumentProblems', { count: issues.length })}</p>
          <ul>
            {placed.unplaced.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview ? <FormPreview instrument={instrument} /> : null}

      <PhasesEditor />

      {instrument.aspects.map((aspect, a) => {
        const aspectTotal = aspect.indicators.reduce((s, i) => s + i.weight, 0);
        return (
          <section key={a} className="aspect-editor">
            <div className="aspect-editor-head">
              <input
                className="aspect-code"
                aria-label={`${t('setup.aspectCode')} ${a + 1}`}
                value={aspect.code}
                {...errorProps(`instrument.aspects[${a}].code`, placed.at(`instrument.aspects[${a}].code`))}
                onChange={(e) =>
                  editInstrument((ins) => ({ ...ins, aspects: ins.aspects.map((x, k) => (k === a ? { ...x, code: e.target.value } : x)) }))
                }
              />
              <FieldError path={`instrument.aspects[${a}].code`} message={placed.at(`instrument.aspects[${a}].code`)} />
              <input
                aria-label={`${t('setup.aspectName')} ${aspect.code}`}
                value={aspect.name}
                onChange={(e) =>
                  editInstrument((ins) => ({ ...ins, aspects: ins.aspects.map((x, k) => (k === a ? { ...x, name: e.target.value } : x)) }))
                }
              />
              <span className="muted">
                {t('setup.aspectTotal', { total: formatNumber(roundTo(aspectTotal, 6), decimals(roundTo(aspectTotal, 6)), lang) })}
              </span>
            </div>
            <table className="data edit indicator-editor">
              <thead>
                <tr>
                  <th scope="col">{t('setup.indicatorCode')}</th>
                  <th scope="col">{t('setup.indicatorName')}</th>
                  <th scope="col">{t('setup.weight')}</th>
                  <th scope="col">{t('penilaian.phase')}</th>
                  <th scope="col">{t('setup.scale')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('setup.more')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {aspect.indicators.map((indicator, i) => {
                  const path = `instrument.aspects[${a}].indicators[${i}]`;
                  return (
                    <IndicatorRow
                      key={i}
                      indicator={indicator}
                      instrument={instrument}
                      path={path}
                      invalid={invalid}
                      message={placed.at}
                      phases={phases}
                      update={(change) => updateIndicator(a, i, change)}
                      remove={() =>
                        editInstrument((ins) => ({
                          ...ins,
                          aspects: ins.aspects.map((x, k) => (k === a ? { ...x, indicators: x.indicators.filter((_, m) => m !== i) } : x)),
                        }))
                      }
                    />
                  );
                })}
              </tbody>
            </table>
            <button
              type="button"
              className="link"
              onClick={() =>
                editInstrument((ins) => ({
                  ...ins,
                  aspects: ins.aspects.map((x, k) =>
                    k === a
                      ? {
                          ...x,
                          indicators: [
                            ...x.indicators,
                            { code: `${x.code}${x.indicators.length + 1}`, name: '', weight: 1, phase: ins.phases[0]?.code ?? '' },
                          ],
                        }
                      : x,
                  ),
                }))
              }
            >
              + {t('setup.addIndicator')}
            </button>
          </section>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          editInstrument((ins) => {
            const used = new Set(ins.aspects.map((x) => x.code));
            const code = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => !used.has(c)) ?? `X${ins.aspects.length + 1}`;
            return {
              ...ins,
              aspects: [
                ...ins.aspects,
                { code, name: '', indicators: [{ code: `${code}1`, name: '', weight: 1, phase: ins.phases[0]?.code ?? '' }] },
              ],
            };
          })
        }
      >
        + {t('setup.addAspect')}
      </button>

      <div className="sticky-actions">
        {secretariat}
        {refusal ? (
          <div className="notice notice-warn refusal" role="alert">
            <span>{message(lang, refusal.key, refusal.params)}</span>
            <button type="button" className="primary" disabled={saving || blocked} onClick={() => void saveInstrument(true)}>
              {t('setup.saveAsVersion', { version: String(refusal.params.next ?? instrument.version + 1) })}
            </button>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" className="secondary" disabled={!instrumentDirty || saving} onClick={discard}>
            {t('setup.discard')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!instrumentDirty || issues.length > 0 || saving || blocked}
            onClick={() => void saveInstrument(false)}
          >
            {t('setup.saveInstrument')}
          </button>
        </div>
      </div>
    </div>
  );
}

function IndicatorRow(props: {
  indicator: Indicator;
  instrument: Instrument;
  path: string;
  invalid: (path: string) => boolean;
  message: (path: string) => string | undefined;
  phases: Instrument['phases'];
  update: (change: (i: Indicator) => Indicator) => void;
  remove: () => void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [open, setOpen] = useState(false);
  const { indicator, path } = props;
  return (
    <>
      <tr className={props.invalid(path) ? 'invalid' : ''}>
        <td className="narrow">
          <input
            aria-label={`${t('setup.indicatorCode')} ${indicator.code}`}
            value={indicator.code}
            {...errorProps(`${path}.code`, props.message(`${path}.code`))}
            onChange={(e) => props.update((i) => ({ ...i, code: e.target.value }))}
          />
          <FieldError path={`${path}.code`} message={props.message(`${path}.code`)} />
        </td>
        <td>
          <input
            aria-label={`${t('setup.indicatorName')} ${indicator.code}`}
            value={indicator.name}
            {...errorProps(`${path}.name`, props.message(`${path}.name`))}
            onChange={(e) => props.update((i) => ({ ...i, name: e.target.value }))}
          />
          <FieldError path={`${path}.name`} message={props.message(`${path}.name`)} />
        </td>
        <td className="narrow">
          <DecimalInput
            className="num"
            label={`${t('setup.weight')} ${indicator.code}`}
            value={indicator.weight}
            invalid={props.invalid(`${path}.weight`)}
            describedBy={props.message(`${path}.weight`) ? errorId(`${path}.weight`) : undefined}
            onChange={(v) => props.update((i) => ({ ...i, weight: v }))}
          />
          <FieldError path={`${path}.weight`} message={props.message(`${path}.weight`)} />
        </td>
        <td>
          <select
            aria-label={`${t('penilaian.phase')} ${indicator.code}`}
            value={indicator.phase}
            {...errorProps(`${path}.phase`, props.message(`${path}.phase`))}
            onChange={(e) => props.update((i) => ({ ...i, phase: e.target.value }))}
          >
            {props.phases.some((p) => p.code === indicator.phase) ? null : <option value={indicator.phase}>{indicator.phase} ?</option>}
            {props.phases.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {p.name}
              </option>
            ))}
          </select>
          <FieldError path={`${path}.phase`} message={props.message(`${path}.phase`)} />
        </td>
        <td className="muted small">
          {indicator.household ? t('setup.household') : scaleText(indicator.scale ?? props.instrument.defaultScale, lang)}
        </td>
        <td className="row-actions">
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? 'setup.less' : 'setup.more')}
          </button>
          <button type="button" className="link" onClick={props.remove} aria-label={`${t('common.remove')} ${indicator.code}`}>
            ✕
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="details-row">
          <td colSpan={6}>
            <IndicatorDetails indicator={indicator} instrument={props.instrument} update={props.update} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
