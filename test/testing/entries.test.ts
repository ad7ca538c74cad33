import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import { matchers } from '../../src/testing/matchers.js';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional: boolean }>;
};

// The testing kit's names are a contract (issue 11): tools outside the project call exactly these.
const KIT = [
  'mockTask', 'mockHandlers', 'typedHandlers', 'returns', 'throws', 'answersWith', 'always', 'timesOut', 'missesHeartbeat',
  'neverAnswers', 'loadMockConfig', 'MockConfigError', 'visitedStates', 'historyTypes', 'taskCalls', 'stabilize',
] as const;

describe('testing kit entries', () => {
  it.each(KIT)('aslkit exports %s', (name) => {
    expect(typeof (source as Record<string, unknown>)[name]).toBe('function');
  });

  it('aslkit exports the matchers, the snapshot serializer and the error names', () => {
    expect(Object.keys(source.matchers)).toEqual(Object.keys(matchers));
    expect(typeof source.snapshotSerializer.test).toBe('function');
    expect(source.MOCK_EXHAUSTED).toBe('aslkit.MockExhausted');
  });

  it('package.json maps aslkit/vitest and aslkit/jest for import and require, with vitest and jest optional peers', () => {
    for (const entry of ['vitest', 'jest']) {
      expect(pkg.exports[`./${entry}`]).toEqual({
        import: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
        require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
      });
      expect(pkg.peerDependenciesMeta[entry]).toEqual({ optional: true });
      expect(pkg.peerDependencies[entry]).toBeDefined();
    }
  });

  // npm test builds before vitest runs, so dist/ is this commit's build.
  it('the built vitest entry imports vitest rather than bundling it, and exports the matchers', async () => {
    expect(readFileSync(resolve(ROOT, 'dist/vitest.js'), 'utf8')).toMatch(/from ["']vitest["']/);
    const esm = (await import(pathToFileURL(resolve(ROOT, 'dist/vitest.js')).href)) as { matchers: object };
    expect(Object.keys(esm.matchers)).toEqual(Object.keys(matchers));
  });

  it('the built jest entry loads without jest and exports the matchers (CommonJS)', () => {
    const cjs = createRequire(import.meta.url)(resolve(ROOT, 'dist/jest.cjs')) as { matchers: object };
    expect(Object.keys(cjs.matchers)).toEqual(Object.keys(matchers));
  });
});
