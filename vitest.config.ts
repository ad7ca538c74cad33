import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // The examples import 'aslkit' as a user would; in this repository that is the source.
  resolve: {
    alias: [
      { find: /^aslkit\/vitest$/, replacement: src('testing/vitest.ts') },
      { find: /^aslkit\/jest$/, replacement: src('testing/jest.ts') },
      { find: /^aslkit$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['examples/**/*.jest.test.ts'],
    testTimeout: 20000,
  },
});
