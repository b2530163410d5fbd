/**
 * A reason people must write before an act that is recorded (reopening a sheet, a plenary decision, reopening a
 * locked result): the label, the text area, a hint, and the problem next to the field; and the core's refusal
 * below it, in the reader's language.
 */
import { describeError, type AppError } from '../../../shared/domain/errors.js';
import { useAppStore } from '../stores/app.js';

export function ReasonField(props: {
  /** The ids of the field's hint and problem start with this. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  /** What is wrong with the reason (shown next to it), or null. */
  problem: string | null;
  /** The id of the problem's text (default `<id>-missing`). */
  problemId?: string;
  rows?: number;
  autoFocus?: boolean;
  className?: string;
  textareaId?: string;
}) {
  const hintId = `${props.id}-hint`;
  const problemId = props.problemId ?? `${props.id}-missing`;
  return (
    <label className={props.className}>
      {props.label}
      <textarea
        id={props.textareaId}
        rows={props.rows ?? 3}
        autoFocus={props.autoFocus}
        value={props.value}
        aria-invalid={props.problem !== null || undefined}
        aria-describedby={props.problem !== null ? `${hintId} ${problemId}` : hintId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="hint" id={hintId}>
        {props.hint}
      </span>
      {props.problem !== null ? (
        <span className="field-error" id={problemId}>
          {props.problem}
        </span>
      ) : null}
    </label>
  );
}

/** The core's refusal of a form's act, in the reader's language, announced. */
export function FormError({ error }: { error: AppError | null }) {
  const lang = useAppStore((s) => s.lang);
  return error ? (
    <p className="form-error" role="alert">
      {describeError(error, lang)}
    </p>
  ) : null;
}
