/**
 * Types of an Amazon States Language document, in ASL's own field names.
 * Both query languages share one set of state types; which fields are legal for a
 * state depends on its effective query language (https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html), which the schema
 * and the lint rules enforce. These types describe the shape, not the legality.
 */

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type StateMachineType = 'STANDARD' | 'EXPRESS';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A payload template (JSONPath: keys ending in `.$` are evaluated) or a JSONata template. */
export type PayloadTemplate = JsonObject;

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

/**
 * The longest wait AWS runs: a signed 32-bit count of seconds. AWS creates a machine with a longer
 * literal wait, but every execution that reaches it fails with States.Runtime "Wait state delay is
 * too long." (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html).
 */
export const MAX_WAIT_SECONDS = 2_147_483_647;

export const STATE_TYPES: readonly StateType[] = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

export interface StateMachineDefinition {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
}

/** A Parallel branch or Map processor: a scope of its own. */
export interface SubStateMachine {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
  ProcessorConfig?: ProcessorConfig;
}

export interface CommonFields {
  Type: StateType;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
}

export interface Transition {
  Next?: string;
  End?: boolean;
}

export interface JsonPathIo {
  InputPath?: string | null;
  OutputPath?: string | null;
}

export type Assign = Record<string, JsonValue>;

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
  Comment?: string;
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Assign?: Assign;
  Output?: JsonValue;
  Comment?: string;
}

export interface PassState extends CommonFields, Transition, JsonPathIo {
  Type: 'Pass';
  Parameters?: PayloadTemplate;
  Result?: JsonValue;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: Assign;
}

export interface TaskCredentials {
  RoleArn?: string;
  'RoleArn.$'?: string;
}

export interface TaskState extends CommonFields, Transition, JsonPathIo {
  Type: 'Task';
  Resource: string;
  Parameters?: PayloadTemplate;
  Arguments?: JsonValue;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: Assign;
  Credentials?: TaskCredentials | JsonObject;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

/** Comparison operators of a JSONPath data-test Choice rule (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). */
export const CHOICE_COMPARISON_OPERATORS = [
  'StringEquals', 'StringEqualsPath', 'StringLessThan', 'StringLessThanPath', 'StringGreaterThan',
  'StringGreaterThanPath', 'StringLessThanEquals', 'StringLessThanEqualsPath', 'StringGreaterThanEquals',
  'StringGreaterThanEqualsPath', 'StringMatches',
  'NumericEquals', 'NumericEqualsPath', 'NumericLessThan', 'NumericLessThanPath', 'NumericGreaterThan',
  'NumericGreaterThanPath', 'NumericLessThanEquals', 'NumericLessThanEqualsPath', 'NumericGreaterThanEquals',
  'NumericGreaterThanEqualsPath',
  'BooleanEquals', 'BooleanEqualsPath',
  'TimestampEquals', 'TimestampEqualsPath', 'TimestampLessThan', 'TimestampLessThanPath', 'TimestampGreaterThan',
  'TimestampGreaterThanPath', 'TimestampLessThanEquals', 'TimestampLessThanEqualsPath', 'TimestampGreaterThanEquals',
  'TimestampGreaterThanEqualsPath',
  'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp',
] as const;
export type ChoiceComparisonOperator = (typeof CHOICE_COMPARISON_OPERATORS)[number];

export type ChoiceComparison = { [K in ChoiceComparisonOperator]?: JsonValue };

export interface ChoiceRuleBase extends ChoiceComparison {
  Variable?: string;
  And?: ChoiceRuleBase[];
  Or?: ChoiceRuleBase[];
  Not?: ChoiceRuleBase;
  Condition?: string | boolean;
  Comment?: string;
}

export interface ChoiceRule extends ChoiceRuleBase {
  Next: string;
  Assign?: Assign;
  Output?: JsonValue;
}

export interface ChoiceState extends CommonFields, JsonPathIo {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
  Output?: JsonValue;
  Assign?: Assign;
}

export interface WaitState extends CommonFields, Transition, JsonPathIo {
  Type: 'Wait';
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
  Output?: JsonValue;
  Assign?: Assign;
}

export interface SucceedState extends CommonFields, JsonPathIo {
  Type: 'Succeed';
  Output?: JsonValue;
}

export interface FailState extends CommonFields {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

export interface ParallelState extends CommonFields, Transition, JsonPathIo {
  Type: 'Parallel';
  Branches: SubStateMachine[];
  Parameters?: PayloadTemplate;
  Arguments?: JsonValue;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: Assign;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface ProcessorConfig {
  Mode?: 'INLINE' | 'DISTRIBUTED';
  ExecutionType?: StateMachineType;
}

export interface MapState extends CommonFields, Transition, JsonPathIo {
  Type: 'Map';
  ItemProcessor?: SubStateMachine;
  /** Legacy spelling of ItemProcessor. */
  Iterator?: SubStateMachine;
  ItemsPath?: string;
  Items?: JsonValue;
  ItemSelector?: JsonValue;
  /** Legacy spelling of ItemSelector. */
  Parameters?: PayloadTemplate;
  ItemReader?: JsonObject;
  ItemBatcher?: JsonObject;
  ResultWriter?: JsonObject;
  ResultSelector?: PayloadTemplate;
  ResultPath?: string | null;
  Output?: JsonValue;
  Assign?: Assign;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  Label?: string;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export type State =
  | PassState
  | TaskState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;
