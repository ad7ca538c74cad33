// Runs the examples' *.jest.test.ts files with jest, against the built package (npm test builds
// first), to prove the aslkit/jest entry: `npm run test:jest`.
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');

module.exports = {
  rootDir: __dirname,
  testMatch: ['**/*.jest.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^aslkit$': join(dist, 'index.cjs'),
    '^aslkit/jest$': join(dist, 'jest.cjs'),
  },
};
