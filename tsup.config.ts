import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/index.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  shims: true,
  // testState loads the service shapes next to its module on first use, not from the bundle.
  async onSuccess() {
    copyFileSync('src/testing/test-state/service-shapes.json', 'dist/service-shapes.json');
  },
});
