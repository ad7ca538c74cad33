// npm run bench: every benchmark in one process, aslkit beside its peers.
// `npx tsx bench/index.ts lint` (or any suite names) runs only those suites.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const all = ['lint', 'interpreter', 'expressions'];
const named = process.argv.slice(2);
const suites = named.length > 0 ? all.filter((suite) => named.includes(suite)) : all;

for (const suite of suites) {
  if (!existsSync(join(import.meta.dirname, `${suite}.ts`))) {
    console.log(`## ${suite}: skipped (bench/${suite}.ts not written yet)\n`);
    continue;
  }
  // A variable specifier: the other suites may not exist when this file is type-checked.
  const specifier = `./${suite}.js`;
  const { run } = (await import(specifier)) as { run: () => Promise<void> };
  await run();
  console.log('');
}
