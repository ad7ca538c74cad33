/**
 * Nested executions: `arn:aws:states:::states:startExecution` and its `.sync`, `.sync:2` and
 * `.waitForTaskToken` variants start a registered machine on the parent's clock and answer
 * with AWS's shapes (https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html):
 * StartExecution's response, or once the child ends (`.sync`) its DescribeExecution, with Input
 * and Output as JSON text (`.sync`) or as JSON (`.sync:2`).
 */
import { StatesError } from '../../definition/errors.js';
import { StateFailure } from '../errors.js';
import type { ExecutionResult } from '../engine.js';
import type { ChildExecution, Thread } from '../runtime.js';
import { uuid } from '../runtime.js';

export type NestedMode = 'start' | 'sync' | 'sync:2' | 'callback';

const NESTED = /^arn:[^:]+:states:::states:startExecution(\.sync:2|\.sync|\.waitForTaskToken)?$/;

export function nestedMode(resource: string): NestedMode | undefined {
  const m = NESTED.exec(resource);
  if (!m) return undefined;
  return m[1] === undefined ? 'start' : m[1] === '.waitForTaskToken' ? 'callback' : m[1] === '.sync' ? 'sync' : 'sync:2';
}

interface Request {
  stateMachineArn: string;
  input: unknown;
  name: string | undefined;
}

/** StartExecution's request: Input may be JSON text or JSON; none (or null) is `{}`, as AWS runs it. */
function readRequest(effective: unknown): Request {
  const r = (effective ?? {}) as { StateMachineArn?: unknown; Input?: unknown; Name?: unknown };
  if (typeof r.StateMachineArn !== 'string') {
    throw new StatesError('States.Runtime', "The StartExecution request needs a 'StateMachineArn' string (in Parameters or Arguments).");
  }
  let input: unknown = r.Input ?? {};
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      throw new StatesError('StepFunctions.InvalidExecutionInputException', `Invalid State Machine Execution Input: '${input}' is not JSON text.`);
    }
  }
  return { stateMachineArn: r.StateMachineArn, input, name: typeof r.Name === 'string' ? r.Name : undefined };
}

/** The SDK's HTTP metadata around a StartExecution response, as AWS records it. */
function startResponse(t: Thread, child: ChildExecution): Record<string, unknown> {
  const requestId = uuid(t.exec.random);
  const date = new Date(t.exec.clock.now()).toUTCString();
  const length = String(JSON.stringify({ executionArn: child.executionArn, startDate: child.startDate.getTime() / 1000 }).length);
  return {
    ExecutionArn: child.executionArn,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'x-amzn-RequestId': [requestId],
        connection: ['keep-alive'],
        'Content-Length': [length],
        Date: [date],
        'Content-Type': ['application/x-amz-json-1.0'],
      },
      HttpHeaders: {
        connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/x-amz-json-1.0',
        Date: date,
        'x-amzn-RequestId': requestId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StartDate: child.startDate.getTime(),
  };
}

/** DescribeExecution of an ended child; dates are epoch milliseconds, as the service integration sends them. */
function describe(child: ChildExecution, input: unknown, result: ExecutionResult, json: boolean): Record<string, unknown> {
  const data = (value: unknown): unknown => (json ? value : JSON.stringify(value));
  const common = {
    ExecutionArn: child.executionArn,
    Input: data(input),
    InputDetails: { Included: true },
    Name: child.name,
  };
  const dates = { StartDate: child.startDate.getTime() };
  if (result.status === 'SUCCEEDED') {
    return {
      ...common,
      Output: data(result.output ?? null),
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      ...dates,
      StateMachineArn: child.stateMachineArn,
      Status: result.status,
      StopDate: result.stopDate.getTime(),
    };
  }
  return {
    ...(result.cause !== undefined ? { Cause: result.cause } : {}),
    ...(result.error !== undefined ? { Error: result.error } : {}),
    ...common,
    ...dates,
    StateMachineArn: child.stateMachineArn,
    Status: result.status,
    StopDate: result.stopDate.getTime(),
  };
}

/**
 * Starts the child for the task's request and answers as the integration does. `.sync`
 * waits for the child (stopping it when the task is stopped); a failed, timed-out or aborted
 * child fails the task with States.TaskFailed and the child's DescribeExecution as the cause.
 * `callback` returns nothing: the task then waits for its token. `submitted` records the
 * submission with StartExecution's answer for the modes that wait.
 */
export async function startNested(
  t: Thread,
  stateName: string,
  mode: NestedMode,
  effective: unknown,
  signal: AbortSignal,
  submitted: (started: unknown) => void,
): Promise<unknown> {
  const request = readRequest(effective);
  const child = t.exec.startExecution(stateName, request.stateMachineArn, request.input, request.name);
  if (mode === 'start') return startResponse(t, child);
  submitted(startResponse(t, child));
  if (mode === 'callback') return undefined;
  const stop = (): void => child.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const result = await child.result;
    const description = describe(child, request.input, result, mode === 'sync:2');
    if (result.status === 'SUCCEEDED') return description;
    throw new StateFailure('States.TaskFailed', JSON.stringify(description), { terminal: false });
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
