import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', vitest: 'src/testing/vitest.ts', jest: 'src/testing/jest.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  shims: true,
});
