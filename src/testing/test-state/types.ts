/**
 * The request and response of AWS's TestState API, typed after AWS SDK v3's
 * `TestStateCommandInput` / `TestStateCommandOutput` (without `$metadata`):
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 * Where AWS takes JSON text, an object (or any JSON value) is accepted too. Optional fields
 * also take `undefined`, as the SDK's types do, so an SDK request type-checks unchanged.
 */
import type { TaskHandler } from '../../interpreter/runtime.js';

export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE';
export type MockResponseValidationMode = 'STRICT' | 'PRESENT' | 'NONE';
export type TestExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** JSON text, or (beyond AWS's shape) the value itself. */
export type JsonText = string | JsonValue;
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface MockErrorOutput {
  error?: string | undefined;
  cause?: string | undefined;
}

export interface MockInput {
  /** The mocked result of a Task, Map or Parallel state (JSON text). */
  result?: JsonText | undefined;
  errorOutput?: MockErrorOutput | undefined;
  /** How `result` is checked against the API's output shape (default STRICT). */
  fieldValidationMode?: MockResponseValidationMode | undefined;
}

export interface TestStateConfiguration {
  /** Retries already made by the retrier that matches the mocked error. */
  retrierRetryCount?: number | undefined;
  /** The state inside a Map or Parallel that the mocked error comes from. */
  errorCausedByState?: string | undefined;
  /** Map iterations that failed (checked against ToleratedFailureCount / Percentage). */
  mapIterationFailureCount?: number | undefined;
  /** What a Distributed Map's ItemReader read, as in its source (JSON text). */
  mapItemReaderData?: string | undefined;
}

export interface TestStateInput {
  /** One state, or a whole state machine when `stateName` names the state to test. */
  definition: JsonText | undefined;
  roleArn?: string | undefined;
  input?: JsonText | undefined;
  inspectionLevel?: InspectionLevel | undefined;
  revealSecrets?: boolean | undefined;
  variables?: JsonText | undefined;
  stateName?: string | undefined;
  mock?: MockInput | undefined;
  /** The context object (`$$`) the state sees. */
  context?: JsonText | undefined;
  stateConfiguration?: TestStateConfiguration | undefined;
}

export interface InspectionErrorDetails {
  catchIndex?: number;
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

export interface InspectionDataRequest {
  protocol?: string;
  method?: string;
  url?: string;
  headers?: string;
  body?: string;
}

export interface InspectionDataResponse {
  protocol?: string;
  statusCode?: string;
  statusMessage?: string;
  headers?: string;
  body?: string;
}

/** Each `after…` field is JSON text, as AWS returns it. */
export interface InspectionData {
  input?: string;
  afterArguments?: string;
  afterInputPath?: string;
  afterParameters?: string;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  request?: InspectionDataRequest;
  response?: InspectionDataResponse;
  variables?: string;
  errorDetails?: InspectionErrorDetails;
  afterItemsPath?: string;
  afterItemSelector?: string;
  afterItemBatcher?: string;
  afterItemsPointer?: string;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  maxConcurrency?: number;
}

export interface TestStateOutput {
  /** The state's output (JSON text). */
  output?: string;
  error?: string;
  cause?: string;
  /** Present for DEBUG and TRACE. */
  inspectionData?: InspectionData;
  nextState?: string;
  status?: TestExecutionStatus;
}

/** What aslkit's testState takes beyond AWS's request. */
export interface TestStateOptions {
  /**
   * Answers a Task the request gives no mock for, by state name, resource ARN, or `'*'` (the
   * same keys as createStateMachine's handlers). AWS would call the real service.
   */
  handlers?: Readonly<Record<string, TaskHandler>>;
  /** Epoch milliseconds for the context object's timestamps (default Date.now). */
  now?: () => number;
  /** Random source for generated names and full-jitter back-off (default Math.random). */
  random?: () => number;
  /** Region of generated ARNs (default us-east-1). */
  region?: string;
}
