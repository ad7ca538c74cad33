import { StatesError } from '../../definition/errors.js';
import type { TaskState } from '../../definition/types.js';
import { StateFailure, isInstance, toErrorOutput } from '../errors.js';
import { findHandlerKey, handlerNotFound, handlerStuck } from '../handlers.js';
import { NotJsonData, copyJson } from '../io/json.js';
import type { HistoryEvent, HistoryEventType } from '../history.js';
import {
  inputPath,
  optionalPath,
  optionalTemplate,
  requiredPath,
} from '../io/expressions.js';
import type { CompiledPath } from '../io/expressions.js';
import { dataLimitCause, payloadBytes } from '../io/size.js';
import type { Hold } from '../clock.js';
import { nextInvocation } from '../runtime.js';
import type { CompileContext, Step, TaskContext, TaskHandler, Thread } from '../runtime.js';
import { bindings, integerField, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import type { TokenTask } from '../callbacks.js';
import { invokesLambda, isLambdaInvoke, isLambdaResult, lambdaEnvelope, lambdaFailure, setEventCause } from '../integrations/lambda.js';
import { nestedMode, startNested } from '../integrations/nested.js';
import type { NestedMode } from '../integrations/nested.js';
import { sendFromTask, sfnCallbackAction } from '../integrations/sfn.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { compileRetryingState, emit, prepareEnv, stateContext } from './common.js';
import type { ContextExtras, RetryingState } from './common.js';
import { requestCheck } from './integration-requests.js';
import { compileResultTail } from './result.js';

type ResourceKind = 'lambda' | 'activity' | 'task';

interface EventNames {
  scheduled: HistoryEventType; scheduledKey: keyof HistoryEvent;
  started: HistoryEventType; startedKey: keyof HistoryEvent;
  succeeded: HistoryEventType; succeededKey: keyof HistoryEvent;
  failed: HistoryEventType; failedKey: keyof HistoryEvent;
  timedOut: HistoryEventType; timedOutKey: keyof HistoryEvent;
}

const EVENT_NAMES: Record<ResourceKind, EventNames> = {
  lambda: {
    scheduled: 'LambdaFunctionScheduled', scheduledKey: 'lambdaFunctionScheduledEventDetails',
    started: 'LambdaFunctionStarted', startedKey: 'lambdaFunctionScheduledEventDetails',
    succeeded: 'LambdaFunctionSucceeded', succeededKey: 'lambdaFunctionSucceededEventDetails',
    failed: 'LambdaFunctionFailed', failedKey: 'lambdaFunctionFailedEventDetails',
    timedOut: 'LambdaFunctionTimedOut', timedOutKey: 'lambdaFunctionTimedOutEventDetails',
  },
  activity: {
    scheduled: 'ActivityScheduled', scheduledKey: 'activityScheduledEventDetails',
    started: 'ActivityStarted', startedKey: 'activityStartedEventDetails',
    succeeded: 'ActivitySucceeded', succeededKey: 'activitySucceededEventDetails',
    failed: 'ActivityFailed', failedKey: 'activityFailedEventDetails',
    timedOut: 'ActivityTimedOut', timedOutKey: 'activityTimedOutEventDetails',
  },
  task: {
    scheduled: 'TaskScheduled', scheduledKey: 'taskScheduledEventDetails',
    started: 'TaskStarted', startedKey: 'taskStartedEventDetails',
    succeeded: 'TaskSucceeded', succeededKey: 'taskSucceededEventDetails',
    failed: 'TaskFailed', failedKey: 'taskFailedEventDetails',
    timedOut: 'TaskTimedOut', timedOutKey: 'taskTimedOutEventDetails',
  },
};

/** How history names a resource (https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html): `arn:aws:states:::sqs:sendMessage` -> sqs / sendMessage. */
export interface DescribedResource {
  kind: ResourceKind; resourceType: string; resourceName: string; submits: boolean; callback: boolean;
}

export function describeResource(resource: string): DescribedResource {
  const parts = resource.split(':');
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    return { kind: 'lambda', resourceType: 'lambda', resourceName: resource, submits: false, callback: false };
  }
  if (parts[2] === 'states' && parts[5] === 'activity') {
    return { kind: 'activity', resourceType: 'activity', resourceName: resource, submits: false, callback: false };
  }
  const service = parts.slice(5);
  const resourceType = service.length > 2 && service[0] === 'aws-sdk' ? `aws-sdk:${service[1]}` : (service[0] ?? resource);
  const resourceName = service.length > 2 && service[0] === 'aws-sdk' ? service.slice(2).join(':') : service.slice(1).join(':');
  const callback = resource.endsWith('.waitForTaskToken');
  const submits = callback || /\.sync(:2)?$/.test(resource);
  return { kind: 'task', resourceType, resourceName: resourceName || resource, submits, callback };
}

/** Resolves a positive-integer TimeoutSecondsPath / HeartbeatSecondsPath value. */
function positiveSeconds(path: CompiledPath | undefined, literal: unknown, input: unknown, t: Thread, field: string): number | undefined {
  if (path === undefined) return typeof literal === 'number' ? literal : undefined;
  const value = inputPath(path, input, t.env);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new StatesError('States.Runtime', `The ${field} field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid positive integer: ${path.text}`);
  }
  return n;
}

/** A task's own timeout or missed heartbeat (recorded as TaskTimedOut, with no cause). */
class TaskTimeout extends StateFailure {
  constructor(heartbeat: boolean) {
    super('States.Timeout', '', { heartbeat });
  }
}

/**
 * A Task that nothing can perform (no handler, and no token, worker or registered machine to
 * wait for: see taskWork). A missing handler is a mistake in the test, not a failure of the
 * workflow, so it ends the execution (aslkit.HandlerNotFound, seen by neither Retry nor Catch).
 */
function withoutHandler(t: Thread, stateName: string, resource: string): never {
  throw handlerNotFound(`the state '${stateName}'`, stateName, resource, Object.keys(t.exec.handlers));
}

/** The handler's result as JSON data of its own, or a terminal States.Runtime naming the state. */
function resultData(result: unknown, stateName: string): unknown {
  try {
    return copyJson(result);
  } catch (thrown) {
    const what = thrown instanceof NotJsonData ? thrown.message : 'a value that cannot be read';
    throw new StateFailure('States.Runtime', `The task handler of the state '${stateName}' returned a result that is not JSON data: ${what}.`, { terminal: true });
  }
}

/** Turns whatever a handler threw into the task's failure. */
function handlerFailure(thrown: unknown): StateFailure {
  if (isInstance(thrown, StateFailure)) return thrown;
  const { error, cause } = toErrorOutput(thrown);
  // A task's own failure is catchable even under a terminal-looking name (an oversized
  // result is States.DataLimitExceeded and AWS lets States.ALL catch it, https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
  return new StateFailure(error, cause, { terminal: error === 'States.Runtime' });
}

interface Prepared {
  effective: unknown;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/** The query-language half of a Task before its work: what it sends, and its timeouts. */
type Prepare = (t: Thread, raw: unknown) => Prepared | Promise<Prepared>;

/** JSONPath: InputPath -> Parameters -> [task] (then the result tail). */
function jsonPathPrepare(def: TaskState, at: string): Prepare {
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const parameters = optionalTemplate(def.Parameters, 'Parameters', `${at}/Parameters`);
  const timeoutPath = def.TimeoutSecondsPath !== undefined
    ? requiredPath(def.TimeoutSecondsPath, 'ReferencePath', `${at}/TimeoutSecondsPath`) : undefined;
  const heartbeatPath = def.HeartbeatSecondsPath !== undefined
    ? requiredPath(def.HeartbeatSecondsPath, 'ReferencePath', `${at}/HeartbeatSecondsPath`) : undefined;
  return (t, raw) => {
    const env = t.env;
    const filtered = inputPath(input, raw, env);
    return {
      effective: parameters !== undefined ? parameters.evaluate(filtered, env) : filtered,
      timeoutSeconds: positiveSeconds(timeoutPath, def.TimeoutSeconds, filtered, t, 'TimeoutSecondsPath'),
      heartbeatSeconds: positiveSeconds(heartbeatPath, def.HeartbeatSeconds, filtered, t, 'HeartbeatSecondsPath'),
    };
  };
}

/** JSONata: Arguments -> [task] (then the result tail). */
function jsonataPrepare(def: TaskState, at: string): Prepare {
  const args = optionalJsonataTemplate(def.Arguments, 'Arguments', `${at}/Arguments`);
  const timeout = typedField(def.TimeoutSeconds, 'TimeoutSeconds', 'integer', `${at}/TimeoutSeconds`);
  const heartbeat = typedField(def.HeartbeatSeconds, 'HeartbeatSeconds', 'integer', `${at}/HeartbeatSeconds`);
  return async (t, raw) => {
    const b = bindings(t, raw);
    return {
      effective: args !== undefined ? await args.evaluate(b) : raw,
      timeoutSeconds: await integerField(timeout, b, 'TimeoutSeconds', 1),
      heartbeatSeconds: await integerField(heartbeat, b, 'HeartbeatSeconds', 1),
    };
  };
}

export function compileTask(name: string, def: TaskState, cc: CompileContext): RetryingState {
  const at = pointerOf(cc, name);
  const resource = def.Resource;
  const described = describeResource(resource);
  const events = EVENT_NAMES[described.kind];
  const checkRequest = requestCheck(resource);
  const queryLanguage = queryLanguageOf(def, cc);
  const prepare = queryLanguage === 'JSONata' ? jsonataPrepare(def, at) : jsonPathPrepare(def, at);
  const tail = compileResultTail(def, at, queryLanguage);
  const base = baseFields(name, def, cc);
  const lambda = invokesLambda(resource);
  const envelope = isLambdaInvoke(resource);
  const nested = nestedMode(resource);
  const sends = sfnCallbackAction(resource);
  const activity = described.kind === 'activity';

  async function attempt(t: Thread, raw: unknown, retryCount: number): Promise<Step> {
    const extras: ContextExtras = { retryCount };
    if (described.submits) extras.taskToken = taskToken(t);
    prepareEnv(t, state, extras);
    const env = t.env;
    const prepared = prepare(t, raw);
    const { effective, timeoutSeconds, heartbeatSeconds } = prepared instanceof Promise ? await prepared : prepared;
    const refused = checkRequest?.(effective);
    if (refused !== undefined) {
      throw new StatesError('States.Runtime', `The Parameters '${JSON.stringify(effective)}' could not be used to start the Task: [${refused}]`);
    }

    const handlers = t.exec.handlers;
    // A registered child machine answers a startExecution task unless a handler names it.
    const startsChild = nested !== undefined && t.exec.startsExecutions
      && !Object.hasOwn(handlers, name) && !Object.hasOwn(handlers, resource);
    const key = startsChild ? undefined : findHandlerKey(handlers, name, resource);
    const handler = key !== undefined ? handlers[key] : undefined;
    // The task's request as the service receives it: serialised, so nobody shares it with the state.
    const sent = copyJson(effective);
    const token = extras.taskToken ?? (activity && handler === undefined ? taskToken(t) : undefined);
    const waitsForWorker = activity && handler === undefined;

    const scheduled: Record<string, unknown> = described.kind === 'task'
      ? { resourceType: described.resourceType, resource: described.resourceName, region: t.exec.region, parameters: effective }
      : { resource, input: effective };
    if (timeoutSeconds !== undefined) scheduled['timeoutInSeconds'] = timeoutSeconds;
    if (heartbeatSeconds !== undefined) scheduled['heartbeatInSeconds'] = heartbeatSeconds;
    emit(t, events.scheduled, events.scheduledKey, scheduled);
    const ids = described.kind === 'task' ? { resourceType: described.resourceType, resource: described.resourceName } : {};
    // An activity without a handler starts when a worker takes it (getActivityTask).
    if (!waitsForWorker) emit(t, events.started, described.kind === 'task' ? events.startedKey : undefined, described.kind === 'task' ? ids : undefined);
    // A registered child's submission is recorded with StartExecution's answer, as AWS records
    // it, once the child has started; other submissions have no answer of their own here.
    const submitted = (output?: unknown): void => {
      emit(t, 'TaskSubmitted', 'taskSubmittedEventDetails', output === undefined ? ids : { ...ids, output });
    };
    if (described.submits && !startsChild) submitted();

    let result: unknown;
    try {
      const tokenTask: TokenTask | undefined = token === undefined ? undefined : {
        token, stateName: name, input: sent,
        ...(waitsForWorker ? {
          activityArn: resource,
          onStarted: (workerName: string | undefined) => {
            emit(t, events.started, events.startedKey, workerName !== undefined ? { workerName } : {});
          },
        } : {}),
      };
      const waitsForToken = described.callback || waitsForWorker;
      // The handler itself when it alone performs the task (no closure per attempt).
      const work = handler !== undefined && !startsChild && !(waitsForToken && tokenTask !== undefined)
        ? handler
        : taskWork(t, {
          handler, lambda, startsChild, nested, sends, waitsForToken, tokenTask, stateName: name,
          submitted: described.submits ? submitted : noop,
        }) ?? withoutHandler(t, name, resource);
      const context = state.usesContext ? env.context : stateContext(t, name, extras);
      const invocation = nextInvocation(t.exec, name);
      const partial: Omit<TaskContext, 'signal' | 'heartbeat'> = { stateName: name, resource, attempt: retryCount, invocation, context };
      if (extras.taskToken !== undefined) partial.taskToken = extras.taskToken;
      result = await invoke(t, work, sent, {
        partial, timeoutSeconds, heartbeatSeconds, lambda: lambda && work === handler,
        stuckKey: handler !== undefined ? key ?? resource : undefined,
      });
      if (envelope && isLambdaResult(result)) result = resultData(result.response, name);
      else {
        result = resultData(result, name);
        if (envelope) result = lambdaEnvelope(result, t.exec.clock.now(), t.exec.random);
      }
      if (payloadBytes(result, t.exec.limits.maxPayloadBytes) > t.exec.limits.maxPayloadBytes) {
        throw new StateFailure('States.DataLimitExceeded', dataLimitCause(resource), { terminal: false });
      }
    } catch (thrown) {
      if (token !== undefined) t.exec.tokens.close(token);
      if (t.signal.aborted) throw t.signal.reason;
      const failure = handlerFailure(thrown);
      // States.Timeout is, by AWS's definition, a task that timed out, whoever reports it (the
      // engine's own timer or a handler standing in for the service); history records both as
      // a timeout. https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
      const timedOut = failure instanceof TaskTimeout || failure.error === 'States.Timeout';
      const details: Record<string, unknown> = { ...ids, error: failure.error };
      if (!timedOut || failure.cause !== '') setEventCause(details, failure);
      if (timedOut) emit(t, events.timedOut, events.timedOutKey, details);
      else emit(t, events.failed, events.failedKey, details);
      throw failure;
    }
    if (token !== undefined) t.exec.tokens.close(token);
    emit(t, events.succeeded, events.succeededKey, described.kind === 'task' ? { ...ids, output: result } : { output: result });

    return tail(t, raw, result, state.next);
  }

  const state = compileRetryingState(base, def, at, null, attempt);
  return state;
}

/** The reason the engine gives when it cancels its own timers (cheaper than a DOMException). */
const DONE = Object.freeze({ reason: 'done' });

function taskToken(t: Thread): string {
  const hex = (): string => Math.floor(t.exec.random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return `${hex()}${hex()}${hex()}${hex()}`;
}

/**
 * A handler that listens to its own signal is waiting for its timeout, heartbeat or an abort:
 * it tells a simulated clock that time may move on without it (Clock.hold).
 */
function parkOnListen(signal: AbortSignal, hold: Hold): void {
  const add = signal.addEventListener;
  signal.addEventListener = function (this: AbortSignal, ...args: Parameters<AbortSignal['addEventListener']>): void {
    if (args[0] === 'abort') hold.park();
    add.apply(this, args);
  } as AbortSignal['addEventListener'];
}

interface WorkSpec {
  handler: TaskHandler | undefined;
  lambda: boolean;
  startsChild: boolean;
  nested: NestedMode | undefined;
  /** An `aws-sdk:sfn:sendTask*` task, answered from the execution's tokens when no handler takes it. */
  sends: ReturnType<typeof sfnCallbackAction>;
  /** A `.waitForTaskToken` task, or an activity that waits for a worker. */
  waitsForToken: boolean;
  tokenTask: TokenTask | undefined;
  stateName: string;
  /** Records TaskSubmitted for a child machine, given StartExecution's answer. */
  submitted: (output: unknown) => void;
}

const noop = (): void => {};

/**
 * What performs the task, or undefined when nothing can: the handler (a callback task can
 * also be completed through its token), a registered child machine, or the test answering
 * the token (send* on the execution handle, or an activity worker).
 */
function taskWork(t: Thread, spec: WorkSpec): TaskHandler | undefined {
  const { handler, tokenTask } = spec;
  const tokens = t.exec.tokens;
  const waitForToken = (_input: unknown, context: TaskContext): Promise<unknown> => {
    const waiting = tokens.wait(tokenTask!, context.signal, context.heartbeat);
    waiting.catch(noop);
    return waiting;
  };
  if (spec.startsChild) {
    const mode = spec.nested!;
    if (mode !== 'callback') return (input, context) => startNested(t, spec.stateName, mode, input, context.signal, spec.submitted);
    return (input, context) => {
      // The child may answer at once, so the token waits before the child starts.
      const waiting = waitForToken(input, context);
      return startNested(t, spec.stateName, mode, input, context.signal, spec.submitted).then(() => waiting);
    };
  }
  if (handler !== undefined) {
    if (!spec.waitsForToken || tokenTask === undefined) return handler;
    return (input, context) => {
      const waiting = waitForToken(input, context);
      // A Lambda handler's error is converted here, where the race would otherwise hide whose it is.
      const called = spec.lambda ? callLambda(handler, input, context) : handler(input, context);
      return Promise.race([called, waiting]);
    };
  }
  if (spec.waitsForToken && tokenTask !== undefined) return waitForToken;
  const sends = spec.sends;
  if (sends !== undefined) return (input) => sendFromTask(tokens, sends, input, t.exec.random);
  return undefined;
}

/** A Lambda handler's call, its thrown or rejected Error reported as Lambda reports it. */
function callLambda(handler: TaskHandler, input: unknown, context: TaskContext): unknown {
  try {
    return Promise.resolve(handler(input, context)).catch((error: unknown) => {
      throw lambdaFailure(error);
    });
  } catch (error) {
    throw lambdaFailure(error);
  }
}

/**
 * A task's AbortSignal, made when the handler first reads `context.signal`: most handlers
 * never do, and an AbortController costs microseconds per attempt. An abort before then is
 * kept, so a signal read late is already aborted with the same reason.
 */
class TaskSignal {
  private controller: AbortController | undefined;
  private aborted = false;
  private reason: unknown;

  constructor(private readonly hold: Hold | undefined) {}

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      if (this.aborted) controller.abort(this.reason);
      if (this.hold !== undefined) parkOnListen(controller.signal, this.hold);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.controller !== undefined) this.controller.abort(reason);
    else if (!this.aborted) {
      this.aborted = true;
      this.reason = reason;
    }
  }
}

/** Where a TaskContext keeps its TaskSignal (not enumerable: a copy of the context does not carry it). */
const TASK_SIGNAL = Symbol('aslkit.taskSignal');

/**
 * `context.signal`, one accessor shared by every context: an accessor closure per context
 * would give each its own hidden class, which keeps the attempt alive until a full GC.
 */
const SIGNAL_ACCESSOR: PropertyDescriptor = {
  get(this: { [TASK_SIGNAL]: TaskSignal }): AbortSignal {
    return this[TASK_SIGNAL].signal;
  },
  enumerable: true,
  configurable: true,
};

interface InvokeOptions {
  partial: Omit<TaskContext, 'signal' | 'heartbeat'>;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
  /** Whether the work is a Lambda function's (its Errors are reported as Lambda reports them). */
  lambda: boolean;
  /** The handler key when a handler runs: it holds a simulated clock, and is named if stuck. */
  stuckKey: string | undefined;
}

/**
 * Performs the task with its own AbortSignal, racing TimeoutSeconds and HeartbeatSeconds on
 * the injected clock. Expiry aborts the task's signal and fails with States.Timeout. A
 * handler holds a simulated clock while it runs; waiting for a token or a child does not.
 */
function invoke(t: Thread, work: TaskHandler, input: unknown, options: InvokeOptions): Promise<unknown> {
  const { timeoutSeconds, heartbeatSeconds, lambda, stuckKey } = options;
  const clock = t.exec.clock;
  return new Promise((resolve, reject) => {
    const timers = timeoutSeconds !== undefined || heartbeatSeconds !== undefined ? new AbortController() : undefined;
    let heartbeatTimer: AbortController | undefined;
    let settled = false;
    const hold = stuckKey !== undefined
      ? clock.hold?.(() => expire(handlerStuck(options.partial.stateName, stuckKey, t.exec.stuckAfterMs)))
      : undefined;
    const task = new TaskSignal(hold);
    const settle = (ok: boolean, value: unknown): void => {
      if (settled) return;
      settled = true;
      hold?.release();
      timers?.abort(DONE);
      heartbeatTimer?.abort(DONE);
      t.signal.removeEventListener('abort', onStop);
      if (ok) resolve(value);
      else reject(value);
    };
    const expire = (failure: StateFailure): void => {
      if (settled) return;
      task.abort(failure);
      settle(false, failure);
    };
    const onStop = (): void => {
      task.abort(t.signal.reason);
      settle(false, t.signal.reason);
    };
    if (t.signal.aborted) {
      onStop();
      return;
    }
    t.signal.addEventListener('abort', onStop, { once: true });
    if (timeoutSeconds !== undefined) {
      clock.sleep(timeoutSeconds * 1000, timers!.signal).then(() => expire(new TaskTimeout(false)), noop);
    }
    const armHeartbeat = (): void => {
      if (heartbeatSeconds === undefined || settled) return;
      heartbeatTimer?.abort(DONE);
      const own = new AbortController();
      heartbeatTimer = own;
      clock.sleep(heartbeatSeconds * 1000, own.signal).then(
        () => expire(new TaskTimeout(true)),
        noop,
      );
    };
    armHeartbeat();
    const context = options.partial as TaskContext;
    Object.defineProperty(context, TASK_SIGNAL, { value: task });
    Object.defineProperty(context, 'signal', SIGNAL_ACCESSOR);
    context.heartbeat = armHeartbeat;
    const fail = (error: unknown): void => settle(false, handlerFailure(lambda ? lambdaFailure(error) : error));
    try {
      Promise.resolve(work(input, context)).then((value) => settle(true, value), fail);
    } catch (error) {
      fail(error);
    }
  });
}
