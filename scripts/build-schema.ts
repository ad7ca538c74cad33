/**
 * Writes the JSON Schemas under schemas/ from the field table in src/definition/schema/spec.ts.
 * Run after changing the table: `npx tsx scripts/build-schema.ts`. A test fails when the
 * committed files differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaFiles } from '../src/definition/schema/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
for (const [file, schema] of Object.entries(buildSchemaFiles())) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}
