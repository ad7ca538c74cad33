import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../../../src/index.js';

const ROOT = resolve(__dirname, '../../..');

// npm test builds before vitest runs. The service shapes are not bundled: each build loads
// dist/service-shapes.json (copied by tsup.config.ts) on first use.
describe('testState in the published builds', () => {
  it('is a named export of aslkit', () => {
    expect(typeof source.testState).toBe('function');
  });

  it.each(['dist/index.js', 'dist/index.cjs'])('%s validates a mock against the service shapes', async (file) => {
    const built = (file.endsWith('.cjs')
      ? createRequire(import.meta.url)(resolve(ROOT, file))
      : await import(pathToFileURL(resolve(ROOT, file)).href)) as typeof source;
    const rejection = built.testState({
      definition: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', End: true },
      mock: { result: '{"Entries": "x"}' },
    });
    await expect(rejection).rejects.toMatchObject({ name: 'ValidationException', message: "Mock result schema validation error: Field 'Entries' must be an array" });
  });
});
