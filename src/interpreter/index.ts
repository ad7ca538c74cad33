/**
 * The interpreter's public surface (src/index.ts re-exports it next to createStateMachine
 * from src/api.ts). The engine never imports the linter.
 */
export { StateMachine, compileStateMachine, CompileFailure } from './engine.js';
export type {
  CompiledMachine,
  ExecuteOptions,
  ExecutionHandle,
  ExecutionResult,
  StateMachineOptions,
} from './engine.js';
export { RealClock, SimulatedClock } from './clock.js';
export type { Clock, Hold, SimulatedClockOptions } from './clock.js';
export { StatesError, StateFailure, toErrorOutput } from './errors.js';
export type { HistoryEvent, HistoryEventType } from './history.js';
export type { ChildExecution, Limits, TaskContext, TaskHandler } from './runtime.js';
export type { ActivityTask, TaskCallbacks, WaitingTask } from './callbacks.js';
export { lambdaResult } from './integrations/lambda.js';
export type { LambdaInvokeResponse, LambdaResult } from './integrations/lambda.js';
export { errorEqualsMatches, decideRetry, findCatcher } from './retry-catch.js';
