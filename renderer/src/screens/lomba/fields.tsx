/** Small form pieces shared by the setup tabs: a labelled text field bound to the draft, with its message beside it. */
import type { InputHTMLAttributes } from 'react';

/** The id of the message beside the field at `path` (for aria-describedby). */
export const errorId = (path: string) => `err-${path.replace(/[^\w-]/g, '_')}`;

/** The message beside a field, read with it by screen readers; nothing when there is none. */
export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  return message ? (
    <span className="field-error" id={errorId(path)}>
      {message}
    </span>
  ) : null;
}

/** Props that tie an input to its message: marked invalid, described by the message. */
export function errorProps(path: string, message: string | undefined): Record<string, unknown> {
  return message ? { 'aria-invalid': true, 'aria-describedby': errorId(path) } : {};
}

export function TextField(
  props: {
    label: string;
    value: string | undefined;
    onChange: (value: string) => void;
    invalid?: boolean | undefined;
    wide?: boolean | undefined;
    hint?: string | undefined;
    /** The problem with this field, said beside it, and the JSON path it is at (for the message's id). */
    error?: { path: string; message: string | undefined } | undefined;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>,
) {
  const { label, value, onChange, invalid, wide, hint, error, ...rest } = props;
  const message = error?.message;
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}
      <input
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || Boolean(message) || undefined}
        aria-describedby={message && error ? errorId(error.path) : undefined}
        {...rest}
      />
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? <FieldError path={error.path} message={message} /> : null}
    </label>
  );
}

/** An optional text: an empty field removes the property rather than storing "". */
export function optionalText<T extends object, K extends keyof T>(target: T, key: K, value: string): T {
  const copy = { ...target };
  if (value.trim() === '') delete copy[key];
  else (copy as Record<K, unknown>)[key] = value;
  return copy;
}
