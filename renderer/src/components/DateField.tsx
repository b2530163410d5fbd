/**
 * A date typed as day/month/year ("07/09/2026"), whatever the browser's locale: `<input type="date">` follows the
 * browser's language, and Debian's Chromium in English shows month/day/year, the wrong way round for an Indonesian
 * secretariat. The store keeps ISO dates ("2026-09-07"); the day's name is shown beside a valid date, and a date
 * that cannot exist ("31/02/2026") or lacks a part is refused with a message in words, the stored date unchanged.
 */
import { useId, useState, type InputHTMLAttributes } from 'react';
import { formatDayMonthYear, formatLongDate, maskDayMonthYear, parseDayMonthYear } from '../../../shared/domain/dates.js';
import { useAppStore } from '../stores/app.js';
import { useT } from './common.js';

type Problem = 'impossible' | 'incomplete' | null;

export function DateField(
  props: {
    label: string;
    /** An ISO date, or nothing. */
    value: string | undefined;
    /** Called with an ISO date, or '' when the field is emptied; never with a date that is not one. */
    onChange: (iso: string) => void;
    invalid?: boolean | undefined;
    /** A problem the form found with this date (e.g. an end before the start), said beside it. */
    error?: string | undefined;
    /** In a table cell: the label is for screen readers only and the day's name is not shown. */
    bare?: boolean | undefined;
    wide?: boolean | undefined;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>,
) {
  const { label, value, onChange, invalid, error, bare, wide, 'aria-invalid': markedInvalid, ...rest } = props;
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const id = useId();
  const [text, setText] = useState(() => (value ? formatDayMonthYear(value) : ''));
  const [problem, setProblem] = useState<Problem>(null);
  // The ISO date the text stands for; a new value from outside (another competition, a discarded draft) replaces the text.
  const [shownFor, setShownFor] = useState(value);
  if (value !== shownFor) {
    setShownFor(value);
    setText(value ? formatDayMonthYear(value) : '');
    setProblem(null);
  }

  function type(typed: string) {
    const next = maskDayMonthYear(typed);
    setText(next);
    const parsed = parseDayMonthYear(next);
    if (parsed.kind === 'date' || parsed.kind === 'empty') {
      const iso = parsed.kind === 'date' ? parsed.iso : '';
      setProblem(null);
      setShownFor(iso || undefined);
      if (iso !== (value ?? '')) onChange(iso);
    } else {
      // A full date that cannot exist is said at once; a missing part only once the person leaves the field.
      setProblem(parsed.kind === 'impossible' ? 'impossible' : problem === 'impossible' ? null : problem);
    }
  }

  function leave() {
    const parsed = parseDayMonthYear(text);
    if (parsed.kind === 'date') setText(formatDayMonthYear(parsed.iso));
    else if (parsed.kind !== 'empty') setProblem(parsed.kind);
  }

  const parsed = parseDayMonthYear(text);
  const dayName = !bare && parsed.kind === 'date' ? formatLongDate(parsed.iso, lang) : null;
  // The field's own reading of what is typed comes first; the form's problem shows once the date itself is a date.
  const message = problem ? t(problem === 'impossible' ? 'date.impossible' : 'date.incomplete', { text: text.trim() }) : (error ?? null);
  const input = (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('date.placeholder')}
      {...rest}
      value={text}
      onChange={(e) => type(e.target.value)}
      onBlur={leave}
      aria-label={bare ? label : undefined}
      aria-invalid={
        invalid ||
        error !== undefined ||
        (markedInvalid !== undefined && markedInvalid !== false && markedInvalid !== 'false') ||
        problem !== null ||
        undefined
      }
      aria-describedby={message ? `${id}-problem` : dayName ? `${id}-day` : undefined}
    />
  );
  const below = (
    <>
      {dayName ? (
        <span className="hint" id={`${id}-day`}>
          {dayName}
        </span>
      ) : null}
      {message ? (
        <span className={problem ? 'date-problem' : 'field-error'} id={`${id}-problem`} role={problem ? 'alert' : undefined}>
          {message}
        </span>
      ) : null}
    </>
  );
  if (bare) {
    return (
      <span className="date-field bare">
        {input}
        {below}
      </span>
    );
  }
  return (
    <label className={wide ? 'date-field wide' : 'date-field'}>
      <span>
        {label} <span className="date-format">({t('date.format')})</span>
      </span>
      {input}
      {below}
    </label>
  );
}
