/** Small form pieces shared by the setup tabs: a labelled text field bound to the draft, marked when invalid. */
import type { InputHTMLAttributes } from 'react';

export function TextField(
  props: {
    label: string;
    value: string | undefined;
    onChange: (value: string) => void;
    invalid?: boolean | undefined;
    wide?: boolean | undefined;
    hint?: string | undefined;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>,
) {
  const { label, value, onChange, invalid, wide, hint, ...rest } = props;
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}
      <input value={value ?? ''} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} {...rest} />
      {hint ? <span className="hint">{hint}</span> : null}
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
