import { copyFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: { index: 'src/index.ts', cli: 'src/cli/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  splitting: false,
  shims: true,
  // testState loads the service shapes next to its module on first use, not from the bundle.
  async onSuccess() {
    copyFileSync('src/testing/test-state/service-shapes.json', 'dist/service-shapes.json');
  },
};

export default defineConfig([
  {
    ...shared,
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' } },
    clean: true,
  },
  {
    ...shared,
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' } },
    // chevrotain is ESM only; jest's module system cannot require() it (Node 20 can), so the
    // CommonJS build carries its own copy.
    noExternal: ['chevrotain', /^@chevrotain\//, 'lodash-es'],
  },
]);
