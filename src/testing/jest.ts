/// <reference types="expect" />
/**
 * `aslkit/jest`: importing it (from `setupFilesAfterEnv`, say) adds aslkit's matchers to
 * jest's global `expect`; `matchers` is exported for `expect.extend(matchers)` where the
 * globals are off (`injectGlobals: false`, `@jest/globals`).
 */
import { matchers, type ExecutionMatchers } from './matchers.js';

const globalExpect = (globalThis as { expect?: { extend?(matchers: object): void } }).expect;
if (typeof globalExpect?.extend === 'function') globalExpect.extend(matchers);

export { matchers };
export { snapshotSerializer } from './snapshot.js';
export type { ExecutionMatchers } from './matchers.js';

// `expect` from '@jest/globals' is jest's package 'expect'.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ExecutionMatchers<R> {}
}

// The global `expect` as @types/jest types it.
declare global {
  namespace jest {
    interface Matchers<R, T = {}> extends ExecutionMatchers<R> {}
  }
}
