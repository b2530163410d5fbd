/**
 * The rules of text-hygiene.ts as zod fields, for shared/contract and the file schemas of shared/domain. Apart from
 * text-hygiene.ts so that the messages (which echo values through text-hygiene's `echo`) do not bring zod into the
 * renderer's first screen.
 */
import { z } from 'zod';
import { cleanName, cleanNote, codeProblem } from './text-hygiene.js';

/** A code (competition, site, juror, instrument, aspect, indicator, phase): NFC, trimmed, printable, 1–40 characters. */
export const codeField = z
  .string()
  .normalize('NFC')
  .trim()
  .min(1)
  .max(40)
  .superRefine((value, ctx) => {
    const key = codeProblem(value);
    if (key) ctx.addIssue({ code: 'custom', params: { key } });
  });

/** A name: its letters kept, control and bidirectional characters dropped, trimmed. */
export const nameField = z.string().overwrite(cleanName).trim();

/** A note: like a name, but line breaks and tabs kept. */
export const noteField = z.string().overwrite(cleanNote);
