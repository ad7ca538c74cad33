import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { memoryIo } from './cli/memory-io.js';

// The README's finding example is real output: the definition it shows, linted now, prints what it says.
const readme = readFileSync(join(resolve(__dirname, '..'), 'README.md'), 'utf8');
const section = /<!-- finding-example:start -->([\s\S]*?)<!-- finding-example:end -->/.exec(readme)?.[1] ?? '';
const definition = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const printed = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

const testStateExample = /<!-- test-state-example:start -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README', () => {
  it('shows the testState example that test/testing/test-state/readme-example.test.ts runs', () => {
    const tested = readFileSync(join(resolve(__dirname, '..'), 'test/testing/test-state/readme-example.test.ts'), 'utf8');
    expect(testStateExample).toBe(tested.replace("from '../../../src/index.js'", "from 'aslkit'"));
  });

  it('shows the findings aslkit prints on its broken example', async () => {
    expect(definition).toContain('"StartAt"');
    const io = memoryIo({ '/repo/order.asl.json': definition });
    expect(await main(['lint', '--no-color', 'order.asl.json'], io)).toBe(1);
    expect(io.out.trim()).toBe(printed.trim());
  });
});

describe('README "Test a machine"', () => {
  // examples/readme/readme.test.ts runs with the examples, so the sample the README shows is tested.
  it('shows examples/readme/readme.test.ts, in under 20 lines', () => {
    const sample = /<!-- test-sample:start -->\n```ts\n([\s\S]*?)```\n<!-- test-sample:end -->/.exec(readme)?.[1];
    const file = readFileSync(join(resolve(__dirname, '..'), 'examples', 'readme', 'readme.test.ts'), 'utf8');
    expect(sample).toBe(file);
    expect(file.trimEnd().split('\n').length).toBeLessThan(20);
  });
});
