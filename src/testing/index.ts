/** The testing kit: mocks, Step Functions Local mock files, history helpers, matchers. */
export {
  mockTask, mockHandlers, typedHandlers, returns, throws, answersWith, always, timesOut, missesHeartbeat, neverAnswers, MOCK_EXHAUSTED,
} from './mocks.js';
export type { MockCall, MockFunction, MockResponse, MockSpec, MockedTask, Mocks, TaskTypes, TypedHandler } from './mocks.js';
export { loadMockConfig, MockConfigError } from './mock-config.js';
export type { LoadMockConfigOptions, MockConfig } from './mock-config.js';
export { visitedStates, historyTypes, taskCalls } from './history.js';
export type { HistorySource, TaskCall } from './history.js';
export { matchers } from './matchers.js';
export type { ExecutionMatchers, MatcherContext, MatcherResult, TextMatcher } from './matchers.js';
export { snapshotSerializer, stabilize } from './snapshot.js';
