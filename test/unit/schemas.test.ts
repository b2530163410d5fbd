import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../scripts/schemas.js';

describe('docs/schemas', () => {
  it('match the zod schemas the app validates with (run `npx tsx scripts/schemas.ts` after changing a format)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(new URL(`../../docs/schemas/${name}`, import.meta.url), 'utf8')) as unknown;
      expect(committed, name).toEqual(schema);
    }
  });

  it('describe the required fields of a competition file as contract.md section 2 lists them', () => {
    const schema = jsonSchemas()['competition.schema.json'] as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required.sort()).toEqual(['competition', 'format', 'instrument']); // sites and jurors may be left out
    expect(schema.properties.competition!.required!.sort()).toEqual(['code', 'name', 'year']);
  });
});
