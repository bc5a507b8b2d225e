/**
 * Writes schema.json, the JSON Schema of an input file, from the zod schema that validates it,
 * so editors complete and check input files. Run by `npm run build`; a test checks the committed
 * file equals a fresh one.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { conclusionSchema } from '../src/schema/conclusion.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema.json', import.meta.url));

/** The schema's text as written to schema.json. */
export function conclusionJsonSchemaText(): string {
  const generated = z.toJSONSchema(conclusionSchema, {
    target: 'draft-2020-12',
    // What a user writes, before defaults and normalisation.
    io: 'input',
  });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    title: 'ket-luan conclusion',
    description:
      'Một văn bản KẾT LUẬN cho ket-luan (renderConclusion, ket-luan render) — an input file of ket-luan. ' +
      'Rules between fields (sections or the monthly content; dates that exist) are checked by ket-luan validate.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, conclusionJsonSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
