/** What every domain's contract uses: the small schemas of codes, texts, files and PINs, and file results. */
import { z } from 'zod';
import { weakPin } from '../domain/pin-strength.js';
import { codeField, nameField, noteField } from '../domain/text-fields.js';
import { nipSchema, ROLES } from '../domain/competition.js';
import type { MessageKey, Params } from '../i18n/messages.js';

export const code = codeField;
export const text = noteField.trim().max(500);

export const newSite = z.strictObject({
  code,
  name: nameField.min(1).max(200),
  regency: text.optional(),
  district: text.optional(),
  category: text.optional(),
});

export const newJuror = z.strictObject({
  code,
  name: nameField.min(1).max(200),
  nip: nipSchema.optional(),
  position: text.optional(),
  agency: text.optional(),
  role: z.enum(ROLES),
  aspects: z.array(code).optional(),
});

export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { params: { key: 'validate.type', expected: 'bytes' } });

/** A file the user picked: its name (for messages and the format) and its bytes. Never a path. */
export const fileInput = z.strictObject({ name: z.string().min(1).max(260), bytes });

export const instrumentRef = z.strictObject({ code, version: z.number().int().min(1) });

/** A PIN: 4 to 8 digits. */
export const pin = z.string().refine((v) => /^\d{4,8}$/.test(v), { params: { key: 'validate.pin' } });

/** A PIN being set: 4 to 8 digits, and not one of the easy guesses (shared/domain/pin-strength.ts), said in words. */
export const newPin = pin.superRefine((v, ctx) => {
  const weak = /^\d{4,8}$/.test(v) ? weakPin(v) : null;
  if (weak) ctx.addIssue({ code: 'custom', input: v, params: { key: `validate.weakPin.${weak}` } });
});

export interface FileBytes {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface FileIssue {
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  key: MessageKey;
  params: Params;
}

export interface ParsedRows<T> {
  rows: T[];
  issues: FileIssue[];
}
