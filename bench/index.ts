// npm run bench: every benchmark in one process, aslkit beside its peers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const suites = ['lint', 'interpreter', 'expressions'];

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
