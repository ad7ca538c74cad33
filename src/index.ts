/**
 * aslkit's public API. Named exports only; every name here is a contract.
 */

// Definition model and loaders
export type * from './definition/types.js';
export { STATE_TYPES, CHOICE_COMPARISON_OPERATORS } from './definition/types.js';
export type { Diagnostic } from './definition/diagnostic.js';
export type {
  LoadedDefinition,
  LoadOptions,
  LoadResult,
  SourceFormat,
  SourceMap,
  SourcePosition,
} from './definition/source.js';
export { loadSource, loadObject } from './definition/load.js';
export { validateSchema, DOCUMENT_SCHEMA_ID } from './definition/schema/index.js';

// Linter
export { lint, ruleDocsUrl, rules } from './lint/index.js';
export type { LintOptions, LintResult, RuleMeta, RuleModule, RuleSetting, Severity } from './lint/index.js';
export { formatters } from './lint/formatters/index.js';
export type { FileResult, FormatOptions, Formatter, FormatterName } from './lint/formatters/index.js';

// Expressions, for tools that embed them
export { compilePath, compilePayloadTemplate } from './expressions/paths/index.js';
export type { CompiledPath, CompiledTemplate } from './expressions/paths/index.js';
export { compileIntrinsic, isIntrinsicCall } from './expressions/intrinsics/index.js';
export type { CompiledIntrinsic } from './expressions/intrinsics/index.js';
export { compileJsonata, isJsonataString } from './expressions/jsonata/index.js';
export type { CompiledJsonata } from './expressions/jsonata/index.js';

// Interpreter
export { createStateMachine, DefinitionError } from './api.js';
export type { CreateStateMachineOptions, TypedStateMachine } from './api.js';
export { StateMachine, RealClock, SimulatedClock, StatesError, lambdaResult } from './interpreter/index.js';
export type {
  ActivityTask,
  ChildExecution,
  Clock,
  ExecuteOptions,
  ExecutionHandle,
  ExecutionResult,
  HistoryEvent,
  HistoryEventType,
  Hold,
  LambdaInvokeResponse,
  LambdaResult,
  Limits,
  StateMachineOptions,
  TaskCallbacks,
  TaskContext,
  TaskHandler,
  WaitingTask,
} from './interpreter/index.js';

// Testing kit
export {
  mockTask, mockHandlers, typedHandlers, returns, throws, answersWith, always, timesOut, missesHeartbeat, neverAnswers, MOCK_EXHAUSTED,
  loadMockConfig, MockConfigError, visitedStates, historyTypes, taskCalls, matchers, snapshotSerializer, stabilize,
} from './testing/index.js';
export type {
  MockCall, MockFunction, MockResponse, MockSpec, MockedTask, Mocks, TaskTypes, TypedHandler, LoadMockConfigOptions,
  MockConfig, HistorySource, TaskCall, ExecutionMatchers, MatcherContext, MatcherResult, TextMatcher,
} from './testing/index.js';
export { testState } from './testing/test-state/index.js';
export type {
  InspectionData,
  InspectionDataRequest,
  InspectionDataResponse,
  InspectionErrorDetails,
  InspectionLevel,
  MockErrorOutput,
  MockInput,
  MockResponseValidationMode,
  TestExecutionStatus,
  TestStateConfiguration,
  TestStateInput,
  TestStateOptions,
  TestStateOutput,
} from './testing/test-state/index.js';
