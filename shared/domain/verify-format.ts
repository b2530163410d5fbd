/**
 * The JSON of `verify --pdf --json` (contract.md section 7), versioned by its `format` field, as a zod schema: the
 * command line builds its output as this type, the tests parse it with it, and scripts/schemas.ts writes it to
 * docs/schemas/verify-pdf.schema.json.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from './doc-stamp.js';

export const VERIFY_PDF_FORMAT = 'penilai.verify-pdf/1';

const problem = z
  .strictObject({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
  .nullable()
  .describe('why the signature is not valid, as a message key and its parameters; null when valid');

export const verifyPdfJsonSchema = z.strictObject({
  format: z.literal(VERIFY_PDF_FORMAT),
  ok: z.boolean().describe('at least one signature, every one valid, and (with --db) the data hash matching'),
  signatures: z.array(
    z.strictObject({
      signer: z.string().describe("the certificate's common name"),
      subject: z.string(),
      issuer: z.string(),
      signedAt: z.string().nullable().describe('ISO 8601, the /M time of the signature dictionary (claimed: B-B has no time-stamp)'),
      coversWholeDocument: z.boolean().describe("the signed range ends at the file's end"),
      valid: z.boolean(),
      trusted: z.boolean().describe('chains to a certificate this installation trusts'),
      selfSigned: z.boolean(),
      problem,
      reason: z.string().nullable().describe('the problem in words (the language of --lang)'),
      juror: z.string().nullable().describe("the certificate's juror (with --db), else the juror of the block it was signed in"),
    }),
  ),
  dataHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .describe("the data hash in the PDF's stamp"),
  matchesDatabase: z.boolean().nullable().describe('null without --db, or when the PDF has no stamp'),
  stamp: z
    .strictObject({
      doc: z.enum([...DOCUMENT_KINDS, 'all']),
      competition: z.string(),
      revision: z.number().int().min(0),
      juror: z.string().nullable(),
      site: z.string().nullable(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .nullable(),
  databaseProblem: z.string().nullable().describe('what differs from the database, in words'),
});

export type VerifyPdfJson = z.infer<typeof verifyPdfJsonSchema>;
