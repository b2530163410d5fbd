/**
 * Writes the JSON Schemas of the project's JSON formats into docs/schemas/, generated from the same zod
 * schemas the app validates with, so the documentation cannot drift (test/unit/schemas.test.ts checks it).
 * Run: npx tsx scripts/schemas.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AGREEMENT_FORMAT, agreementJsonSchema, SENSITIVITY_FORMAT, sensitivityJsonSchema } from '../shared/domain/analysis-format.js';
import { BACKUP_FORMAT, backupManifestSchema } from '../shared/contract/backup.js';
import { competitionFileSchema, COMPETITION_FORMAT } from '../shared/domain/competition.js';
import { instrumentSchema, INSTRUMENT_FORMAT } from '../shared/domain/instrument.js';
import { accessSchema, ledgerFileSchema, packageManifestSchema, PACKAGE_FORMAT, workSchema } from '../shared/domain/package.js';
import { VERIFY_PDF_FORMAT, verifyPdfJsonSchema } from '../shared/domain/verify-format.js';

export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    $id: id,
    title,
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
  });
  return {
    'competition.schema.json': make(competitionFileSchema, COMPETITION_FORMAT, 'Penilai competition file'),
    'instrument.schema.json': make(instrumentSchema, INSTRUMENT_FORMAT, 'Penilai assessment instrument'),
    'package-manifest.schema.json': make(packageManifestSchema, PACKAGE_FORMAT, 'Penilai package manifest (manifest.json)'),
    'package-work.schema.json': make(workSchema, `${PACKAGE_FORMAT}#work.json`, "Penilai score package: the juror's work (work.json)"),
    'package-ledger.schema.json': make(
      ledgerFileSchema,
      `${PACKAGE_FORMAT}#ledger.json`,
      "Penilai score package: the laptop's ledger chain (ledger.json)",
    ),
    'package-access.schema.json': make(accessSchema, `${PACKAGE_FORMAT}#access.json`, 'Penilai setup package: PIN hashes (access.json)'),
    'agreement.schema.json': make(agreementJsonSchema, AGREEMENT_FORMAT, 'Penilai agreement between jurors (agreement --json)'),
    'sensitivity.schema.json': make(sensitivityJsonSchema, SENSITIVITY_FORMAT, 'Penilai ranking without each juror (sensitivity --json)'),
    'backup-manifest.schema.json': make(backupManifestSchema, BACKUP_FORMAT, 'Penilai backup manifest (manifest.json)'),
    'verify-pdf.schema.json': make(verifyPdfJsonSchema, VERIFY_PDF_FORMAT, 'Penilai PDF signatures checked (verify --pdf --json)'),
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(new URL(`../docs/schemas/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
    console.log(`docs/schemas/${name}`);
  }
}
