/**
 * The context object (`$$` in JSONPath, `$states.context` in JSONata), https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html.
 * Built once per execution; each state entry, retry, task token and Map item gets a new
 * top-level object that shares the Execution and StateMachine parts, so entering a state
 * never copies Execution.Input. Key order follows what AWS emits.
 */

export interface ContextExecution {
  Id: string;
  Input: unknown;
  StartTime: string;
  Name: string;
  RoleArn: string;
  RedriveCount: number;
  /** Present only after a redrive. */
  RedriveTime?: string;
}

export interface ContextState {
  Name: string;
  EnteredTime: string;
  /** Present for states that can retry (Task, Parallel, Map): 0 on the first attempt. */
  RetryCount?: number;
}

export interface ContextMapItem {
  Index: number;
  Value: unknown;
  /** The property name when the Map iterates over a JSON object. */
  Key?: string;
  /** `STATE_DATA`, `S3://bucket` or `S3://bucket/key` (distributed Map). */
  Source?: string;
}

export interface ContextObject {
  Execution: ContextExecution;
  StateMachine: { Id: string; Name: string };
  State?: ContextState;
  Task?: { Token: string };
  Map?: { Item: ContextMapItem };
}

export interface ContextInit {
  stateMachineName: string;
  /**
   * The machine's own ARN, when it has one: StateMachine.Id, and the partition, region and
   * account of the execution ARN unless given below.
   */
  stateMachineArn?: string;
  executionName: string;
  /** The execution's input; referenced, never copied. */
  input: unknown;
  /** A Date, epoch milliseconds, or the text as it should appear. */
  startTime: Date | string | number;
  type?: 'STANDARD' | 'EXPRESS';
  /** Express executions carry an extra id after the name in their ARN. Defaults to the execution name. */
  expressExecutionId?: string;
  region?: string;
  account?: string;
  partition?: string;
  roleArn?: string;
  redriveCount?: number;
  redriveTime?: Date | string;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

interface ArnParts {
  partition?: string;
  region?: string;
  account?: string;
}

function arnPrefix({ partition = 'aws', region = DEFAULT_REGION, account = DEFAULT_ACCOUNT }: ArnParts): string {
  return `arn:${partition}:states:${region}:${account}`;
}

/** `arn:aws:states:<region>:<account>:stateMachine:<name>` (the same for Express machines). */
export function stateMachineArn(name: string, parts: ArnParts = {}): string {
  return `${arnPrefix(parts)}:stateMachine:${name}`;
}

/**
 * Standard: `arn:aws:states:<region>:<account>:execution:<sm>:<exec>`;
 * Express: `arn:aws:states:<region>:<account>:express:<sm>:<exec>:<id>`.
 */
export function executionArn(
  stateMachineName: string,
  executionName: string,
  parts: ArnParts & { type?: 'STANDARD' | 'EXPRESS'; expressExecutionId?: string } = {},
): string {
  if (parts.type === 'EXPRESS') {
    return `${arnPrefix(parts)}:express:${stateMachineName}:${executionName}:${parts.expressExecutionId ?? executionName}`;
  }
  return `${arnPrefix(parts)}:execution:${stateMachineName}:${executionName}`;
}

/**
 * ISO 8601 in UTC with trailing zeros of the fraction dropped, as AWS writes context
 * timestamps. A number is epoch milliseconds.
 */
export function formatTimestamp(time: Date | string | number): string {
  if (typeof time === 'string') return time;
  return (typeof time === 'number' ? new Date(time) : time).toISOString().replace(/\.?0+Z$/, 'Z');
}

/** The execution-wide part of the context object; add State with enterState. */
export function createContextObject(init: ContextInit): ContextObject {
  const parts: ArnParts = {};
  // arn:<partition>:states:<region>:<account>:stateMachine:<name>
  const [, partition, , region, account] = init.stateMachineArn?.split(':') ?? [];
  if (partition) parts.partition = partition;
  if (region) parts.region = region;
  if (account) parts.account = account;
  if (init.partition !== undefined) parts.partition = init.partition;
  if (init.region !== undefined) parts.region = init.region;
  if (init.account !== undefined) parts.account = init.account;
  const execution: ContextExecution = {
    Id: executionArn(init.stateMachineName, init.executionName, {
      ...parts,
      ...(init.type !== undefined && { type: init.type }),
      ...(init.expressExecutionId !== undefined && { expressExecutionId: init.expressExecutionId }),
    }),
    Input: init.input,
    StartTime: formatTimestamp(init.startTime),
    Name: init.executionName,
    RoleArn: init.roleArn ?? `arn:${parts.partition ?? 'aws'}:iam::${parts.account ?? DEFAULT_ACCOUNT}:role/aslkit-execution`,
    RedriveCount: init.redriveCount ?? 0,
  };
  if (init.redriveTime !== undefined) execution.RedriveTime = formatTimestamp(init.redriveTime);
  return {
    Execution: execution,
    StateMachine: { Id: init.stateMachineArn ?? stateMachineArn(init.stateMachineName, parts), Name: init.stateMachineName },
  };
}

/**
 * The view for a state just entered. `retryCount` is given for Task, Parallel and Map only.
 * Task and Map members of the previous view are dropped: they belong to one state.
 */
export function enterState(
  context: ContextObject,
  state: { name: string; enteredTime: Date | string | number; retryCount?: number },
): ContextObject {
  const State: ContextState = { Name: state.name, EnteredTime: formatTimestamp(state.enteredTime) };
  if (state.retryCount !== undefined) State.RetryCount = state.retryCount;
  return { Execution: context.Execution, StateMachine: context.StateMachine, State };
}

/** The same state on a later attempt (each retry re-evaluates the state with the new count). */
export function withRetryCount(context: ContextObject, retryCount: number): ContextObject {
  if (context.State === undefined) return context;
  return { ...context, State: { ...context.State, RetryCount: retryCount } };
}

/** Inside a `.waitForTaskToken` Task. */
export function withTaskToken(context: ContextObject, token: string): ContextObject {
  return { ...context, Task: { Token: token } };
}

/** The view for one Map item's ItemSelector. */
export function withMapItem(
  context: ContextObject,
  item: { index: number; value: unknown; key?: string; source?: string },
): ContextObject {
  const Item: ContextMapItem = { Index: item.index, Value: item.value };
  if (item.key !== undefined) Item.Key = item.key;
  if (item.source !== undefined) Item.Source = item.source;
  return { ...context, Map: { Item } };
}
