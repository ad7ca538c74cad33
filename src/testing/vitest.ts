/**
 * `aslkit/vitest`: importing it (in a setup file, say) adds aslkit's matchers to vitest's
 * `expect`; `matchers` is exported for `expect.extend(matchers)` where that is preferred.
 */
import { expect } from 'vitest';
import { matchers, type ExecutionMatchers } from './matchers.js';

expect.extend(matchers);

export { matchers };
export { snapshotSerializer } from './snapshot.js';
export type { ExecutionMatchers } from './matchers.js';

declare module 'vitest' {
  interface Assertion<T = any> extends ExecutionMatchers<T> {}
}
