/**
 * The JSON of `agreement --json` and `sensitivity --json` (contract.md section 6), versioned by their `format`
 * field, as zod schemas: the command line builds its output as these types, the tests parse it with them, and
 * scripts/schemas.ts writes them to docs/schemas/ as JSON Schemas.
 */
import { z } from 'zod';

export const AGREEMENT_FORMAT = 'penilai.agreement/1';
export const SENSITIVITY_FORMAT = 'penilai.sensitivity/1';

const code = z.string().min(1);
const ratio = z.number().describe('a fraction, not rounded (normalised units: 1 = the whole scale)');

export const agreementJsonSchema = z.strictObject({
  format: z.literal(AGREEMENT_FORMAT),
  competition: code,
  aspects: z
    .record(
      code,
      z.strictObject({
        w: z.number().min(0).max(1).nullable().describe("Kendall's W with the tie correction; null with fewer than 2 jurors or sites"),
        jurors: z.array(code).describe('the jurors who scored any indicator of the aspect, in the competition order'),
        sites: z.array(code).describe('the sites where every one of them scored every indicator of it, in site order'),
      }),
    )
    .describe('per aspect, in instrument order'),
  jurors: z
    .record(
      code,
      z.strictObject({
        leniency: ratio.nullable().describe("mean of (own normalised score − the other jurors' mean) over the cells counted"),
        cells: z.int().min(0).describe('the cells counted: scored by the juror and by at least one other juror'),
      }),
    )
    .describe('per juror who scored anything, in the competition order'),
  outliers: z
    .array(
      z.strictObject({
        site: code,
        juror: code,
        indicator: code,
        score: z.number(),
        median: z.number().describe("the median of the other jurors' scores on the cell (at least 2 of them)"),
      }),
    )
    .describe('in site order, then instrument order, then juror order'),
  deviations: z
    .array(
      z.strictObject({
        juror: code,
        site: code,
        deviation: ratio.nullable(),
        cells: z.int().min(0),
      }),
    )
    .describe("per juror (who scored anything) and site: the mean over their shared cells there of (own − the others' mean)"),
});
export type AgreementJson = z.infer<typeof agreementJsonSchema>;

/** A place of a ranking as section 4 prints it (further fields allowed). */
const rankedSiteSchema = z.object({
  rank: z.int().min(1),
  site: code,
  name: z.string(),
  category: z.string().nullable(),
  total: z.number(),
  label: z.string().nullable(),
  tied: z.boolean(),
  complete: z.boolean(),
  decidedBy: z.string().nullable(),
  aspects: z.record(code, z.number()),
  phases: z.record(code, z.number()),
  decision: z.strictObject({ reason: z.string(), at: z.string() }).optional(),
});

export const sensitivityJsonSchema = z.strictObject({
  format: z.literal(SENSITIVITY_FORMAT),
  competition: code,
  jurors: z
    .record(
      code,
      z.strictObject({
        ranking: z.array(rankedSiteSchema).describe("section 4's ranking as if the juror had no aspects, the jury's decisions applied"),
        changes: z
          .array(z.strictObject({ site: code, label: z.string().nullable(), labelWithout: z.string().nullable() }))
          .describe("the sites whose label differs from the official ranking's, in the official ranking's order"),
      }),
    )
    .describe('per juror who scored anything, in the competition order'),
});
export type SensitivityJson = z.infer<typeof sensitivityJsonSchema>;
