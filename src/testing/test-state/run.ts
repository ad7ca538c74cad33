/**
 * Runs the one state of a TestState request and builds AWS's response: the state's input and
 * output processing step by step (recorded as inspection data at DEBUG and TRACE), the mocked or
 * handled Task result, and the Retry / Catch decision for the mocked attempt
 * (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 * Expressions are the engine's (src/expressions, src/interpreter/io), as are the Retry/Catch
 * matching rules (src/interpreter/retry-catch.ts).
 */
import { StatesError } from '../../definition/errors.js';
import type {
  Catcher,
  ChoiceRule,
  ChoiceState,
  FailState,
  MapState,
  ParallelState,
  PassState,
  Retrier,
  State,
  TaskState,
} from '../../definition/types.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, executionArn, formatTimestamp, stateMachineArn } from '../../expressions/context.js';
import type { JsonataBindings } from '../../expressions/jsonata/index.js';
import type { EvaluationEnv } from '../../expressions/types.js';
import { StateFailure, toErrorOutput } from '../../interpreter/errors.js';
import { invokesLambda, isLambdaInvoke, isLambdaResult, lambdaEnvelope, lambdaFailure } from '../../interpreter/integrations/lambda.js';
import {
  CompileFailure,
  inputPath,
  optionalPath,
  optionalTemplate,
  outputPath,
  readPath,
  requiredPath,
  resultPath,
} from '../../interpreter/io/expressions.js';
import { jsonataTemplate, optionalJsonataTemplate, typedField } from '../../interpreter/io/jsonata.js';
import { compileRetrier, decideRetry, errorEqualsMatches, findCatcher } from '../../interpreter/retry-catch.js';
import type { TaskContext, TaskHandler } from '../../interpreter/runtime.js';
import { uuid } from '../../interpreter/runtime.js';
import { compileCondition } from '../../interpreter/states/choice.js';
import { Refusal, SINGLE_STATE_NAME, awsException } from './request.js';
import type { ParsedRequest } from './request.js';
import type { InspectionData, InspectionErrorDetails, TestStateOptions, TestStateOutput } from './types.js';

type Recorded = Exclude<keyof InspectionData, 'request' | 'response' | 'errorDetails'>;

/** Inspection fields AWS returns as numbers; the others are JSON text. */
const NUMBER_FIELDS: ReadonlySet<Recorded> = new Set(['maxConcurrency', 'toleratedFailureCount', 'toleratedFailurePercentage']);

/** The error AWS raises when a mocked Map run fails more iterations than it tolerates. */
const THRESHOLD_EXCEEDED = new StateFailure(
  'States.ExceedToleratedFailureThreshold',
  'The specified tolerated failure threshold was exceeded',
);

const POINTER = '/States/StateName';

/** One TestState run: the parsed request, its inspection data, and the variables it assigns. */
class Run {
  readonly inspection: InspectionData = {};
  readonly env: EvaluationEnv;
  readonly random: () => number;
  readonly now: () => number;
  assigned: Record<string, unknown> | undefined;

  constructor(readonly request: ParsedRequest, readonly options: TestStateOptions) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.env = { context: this.contextObject(), variables: request.variables, random: this.random };
  }

  get state(): State {
    return this.request.state;
  }

  get jsonata(): boolean {
    return this.request.queryLanguage === 'JSONata';
  }

  record(field: Recorded, value: unknown): void {
    if (this.request.level === 'INFO') return;
    (this.inspection as Record<string, unknown>)[field] = NUMBER_FIELDS.has(field) ? value : JSON.stringify(value);
  }

  errorDetails(details: InspectionErrorDetails): void {
    if (this.request.level !== 'INFO') this.inspection.errorDetails = { ...this.inspection.errorDetails, ...details };
  }

  bindings(input: unknown, extra?: { result?: unknown; errorOutput?: unknown }): JsonataBindings {
    return {
      states: { input, context: this.env.context, ...extra },
      variables: this.request.variables,
      random: this.random,
      now: this.now,
    };
  }

  /**
   * The request's context object as given, else one built as TestState builds it: an Express
   * execution of a generated machine, the role ARN of the request (null without one),
   * State.RetryCount for the states that retry.
   */
  private contextObject(): unknown {
    const r = this.request;
    if (r.context !== undefined) return r.context;
    const account = r.roleArn?.split(':')[4] || DEFAULT_ACCOUNT;
    const region = this.options.region ?? DEFAULT_REGION;
    const machineName = uuid(this.random);
    const executionName = uuid(this.random);
    const time = formatTimestamp(this.now());
    // AWS names the tested state StateName here even when the request names it otherwise.
    const state: Record<string, unknown> = { Name: SINGLE_STATE_NAME, EnteredTime: time };
    if (r.state.Type === 'Task' || r.state.Type === 'Map' || r.state.Type === 'Parallel') state['RetryCount'] = r.retrierRetryCount;
    return {
      Execution: {
        Id: executionArn(machineName, executionName, { region, account, type: 'EXPRESS', expressExecutionId: uuid(this.random) }),
        Input: r.input,
        Name: executionName,
        RoleArn: r.roleArn ?? null,
        StartTime: time,
      },
      StateMachine: { Id: stateMachineArn(machineName, { region, account }), Name: machineName },
      State: state,
    };
  }

  /** A JSONPath Assign, or a JSONata one, evaluated before the state's variables change. */
  async assign(value: unknown, input: unknown, extra?: { result?: unknown; errorOutput?: unknown }): Promise<void> {
    if (value === undefined) return;
    this.assigned = this.jsonata
      ? ((await jsonataTemplate(value, 'Assign', `${POINTER}/Assign`).evaluate(this.bindings(input, extra))) as Record<string, unknown>)
      : (optionalTemplate(value, 'Assign', `${POINTER}/Assign`)!.evaluate(input, this.env) as Record<string, unknown>);
  }

  /** `Output` of a JSONata state; `fallback` when the state has none. */
  async output(value: unknown, input: unknown, fallback: unknown, extra?: { result?: unknown; errorOutput?: unknown }): Promise<unknown> {
    if (value === undefined) return fallback;
    return jsonataTemplate(value, 'Output', `${POINTER}/Output`).evaluate(this.bindings(input, extra));
  }

  finish(response: TestStateOutput): TestStateOutput {
    const r = this.request;
    const variables = { ...r.variables, ...this.assigned };
    if (Object.keys(variables).length > 0) this.record('variables', variables);
    if (r.level !== 'INFO') response.inspectionData = this.inspection;
    return response;
  }
}

function succeeded(output: unknown, next: string | undefined): TestStateOutput {
  const response: TestStateOutput = { output: JSON.stringify(output), status: 'SUCCEEDED' };
  if (next !== undefined) response.nextState = next;
  return response;
}

function failed(error: string | undefined, cause: string | undefined): TestStateOutput {
  const response: TestStateOutput = { status: 'FAILED' };
  if (error) response.error = error;
  if (cause) response.cause = cause;
  return response;
}

/**
 * A failed attempt of a Task, Map or Parallel: RETRIABLE when the retrier that matches has
 * attempts left after `retrierRetryCount`, else CAUGHT_ERROR through the first matching catcher,
 * else FAILED.
 */
async function afterFailure(run: Run, failure: StateFailure, raw: unknown): Promise<TestStateOutput> {
  const def = run.state as { Retry?: Retrier[]; Catch?: Catcher[] };
  const retriers = (def.Retry ?? []).map(compileRetrier);
  const retryIndex = retriers.findIndex((r) => errorEqualsMatches(r.errorEquals, failure));
  if (retryIndex >= 0) {
    run.errorDetails({ retryIndex });
    const attempts = retriers.map(() => run.request.retrierRetryCount);
    const decision = decideRetry(retriers, attempts, failure, run.random);
    if (decision.retry) {
      run.errorDetails({ retryBackoffIntervalSeconds: Math.round(decision.delayMs / 1000) });
      return { error: failure.error, cause: failure.cause, status: 'RETRIABLE' };
    }
  }
  const catchers = def.Catch ?? [];
  const catchIndex = findCatcher(catchers.map((c) => ({ errorEquals: c.ErrorEquals })), failure);
  if (catchIndex < 0) return failed(failure.error, failure.cause);
  run.errorDetails({ catchIndex });
  const catcher = catchers[catchIndex]!;
  const errorOutput = { Error: failure.error, Cause: failure.cause };
  let output: unknown;
  if (run.jsonata) {
    await run.assign(catcher.Assign, raw, { errorOutput });
    output = await run.output(catcher.Output, raw, errorOutput, { errorOutput });
  } else {
    await run.assign(catcher.Assign, errorOutput);
    output = resultPath(optionalPath(catcher.ResultPath, 'ReferencePath', `${POINTER}/Catch/${catchIndex}/ResultPath`), raw, errorOutput);
  }
  return { ...succeeded(output, catcher.Next), error: failure.error, cause: failure.cause, status: 'CAUGHT_ERROR' };
}

function asFailure(thrown: unknown): StateFailure {
  if (thrown instanceof StateFailure) return thrown;
  const { error, cause } = toErrorOutput(thrown);
  return new StateFailure(error, cause);
}

/** The result of a Task: the mock, else the handler the caller passed. */
async function taskResult(run: Run, def: TaskState, effective: unknown): Promise<unknown> {
  const mock = run.request.mock;
  if (mock?.kind === 'error') throw new StateFailure(mock.error, mock.cause);
  if (mock?.kind === 'result') return mock.value;
  const handlers = run.options.handlers ?? {};
  const name = run.request.stateName;
  // Own keys only: a state named `constructor` must not find Object.prototype.constructor.
  const key = [name, def.Resource, '*'].find((k) => Object.hasOwn(handlers, k));
  const handler: TaskHandler | undefined = key === undefined ? undefined : handlers[key];
  if (handler === undefined) {
    throw new Refusal(
      'MissingTaskHandler',
      `Task state '${name}' calls ${def.Resource}: give the request a mock, or testState a handler ` +
        `(testState(request, { handlers: { '${name}': (input) => result } }))`,
    );
  }
  const context: TaskContext = {
    stateName: name,
    resource: def.Resource,
    attempt: run.request.retrierRetryCount,
    // TestState runs the state once; the retries before it are its only earlier invocations.
    invocation: run.request.retrierRetryCount,
    signal: new AbortController().signal,
    context: run.env.context,
    heartbeat: () => undefined,
  };
  // A handler answers as it does for an execution: a lambda:invoke payload gets Lambda's envelope.
  try {
    const result = await handler(effective, context);
    if (!isLambdaInvoke(def.Resource)) return result;
    return isLambdaResult(result) ? result.response : lambdaEnvelope(result, run.now(), run.random);
  } catch (thrown) {
    throw asFailure(invokesLambda(def.Resource) ? lambdaFailure(thrown) : thrown);
  }
}

const HTTP_INVOKE = 'arn:aws:states:::http:invoke';

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields that have a value (the inspection types take no explicit undefined). */
function defined(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * An HTTP Task's request and response at TRACE, read from its arguments and its result
 * (`{ Headers, ResponseBody, StatusCode, StatusText }`, the http:invoke output):
 * https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
function recordHttp(run: Run, effective: unknown, result: unknown): void {
  const args = (effective ?? {}) as Record<string, unknown>;
  const query = args['QueryParameters'];
  let url = typeof args['ApiEndpoint'] === 'string' ? args['ApiEndpoint'] : undefined;
  if (url !== undefined && query !== null && typeof query === 'object') {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    if (search !== '') url += `?${search}`;
  }
  run.inspection.request = defined({
    protocol: 'https',
    method: text(args['Method']),
    url,
    headers: text(args['Headers']),
    body: text(args['RequestBody']),
  });
  const r = (result ?? {}) as Record<string, unknown>;
  run.inspection.response = defined({
    protocol: 'https',
    statusCode: text(r['StatusCode']),
    statusMessage: text(r['StatusText']),
    headers: text(r['Headers']),
    body: text(r['ResponseBody']),
  });
}

/** The JSONPath tail of Task, Map and Parallel: Assign over the result, ResultSelector, ResultPath, OutputPath. */
async function jsonPathTail(run: Run, def: TaskState | MapState | ParallelState, raw: unknown, result: unknown): Promise<unknown> {
  const selector = optionalTemplate(def.ResultSelector, 'ResultSelector', `${POINTER}/ResultSelector`);
  const selected = selector === undefined ? result : selector.evaluate(result, run.env);
  run.record('afterResultSelector', selected);
  await run.assign(def.Assign, result);
  const placed = resultPath(optionalPath(def.ResultPath, 'ReferencePath', `${POINTER}/ResultPath`), raw, selected);
  run.record('afterResultPath', placed);
  return outputPath(optionalPath(def.OutputPath, 'Path', `${POINTER}/OutputPath`), placed, run.env);
}

async function runTask(run: Run, def: TaskState, raw: unknown): Promise<TestStateOutput> {
  let effective: unknown;
  let result: unknown;
  try {
    if (run.jsonata) {
      effective = def.Arguments === undefined ? raw : await jsonataTemplate(def.Arguments, 'Arguments', `${POINTER}/Arguments`).evaluate(run.bindings(raw));
      run.record('afterArguments', effective);
    } else {
      const afterInputPath = inputPath(optionalPath(def.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
      run.record('afterInputPath', afterInputPath);
      const parameters = optionalTemplate(def.Parameters, 'Parameters', `${POINTER}/Parameters`);
      effective = parameters === undefined ? afterInputPath : parameters.evaluate(afterInputPath, run.env);
      run.record('afterParameters', effective);
    }
    result = await taskResult(run, def, effective);
  } catch (thrown) {
    if (thrown instanceof Refusal) throw thrown;
    return afterFailure(run, asFailure(thrown), raw);
  }
  run.record('result', result);
  if (def.Resource === HTTP_INVOKE && run.request.level === 'TRACE') recordHttp(run, effective, result);
  if (run.jsonata) {
    await run.assign(def.Assign, raw, { result });
    return succeeded(await run.output(def.Output, raw, result, { result }), def.Next);
  }
  return succeeded(await jsonPathTail(run, def, raw, result), def.Next);
}

async function runPass(run: Run, def: PassState, raw: unknown): Promise<TestStateOutput> {
  if (run.jsonata) {
    await run.assign(def.Assign, raw);
    return succeeded(await run.output(def.Output, raw, raw), def.Next);
  }
  let result: unknown;
  if (def.Result !== undefined) {
    result = def.Result;
    run.record('result', result);
  } else {
    const afterInputPath = inputPath(optionalPath(def.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
    run.record('afterInputPath', afterInputPath);
    const parameters = optionalTemplate(def.Parameters, 'Parameters', `${POINTER}/Parameters`);
    result = parameters === undefined ? afterInputPath : parameters.evaluate(afterInputPath, run.env);
    run.record('afterParameters', result);
  }
  run.record('afterResultSelector', result);
  await run.assign(def.Assign, result);
  const placed = resultPath(optionalPath(def.ResultPath, 'ReferencePath', `${POINTER}/ResultPath`), raw, result);
  run.record('afterResultPath', placed);
  return succeeded(outputPath(optionalPath(def.OutputPath, 'Path', `${POINTER}/OutputPath`), placed, run.env), def.Next);
}

/** Choice, Wait and Succeed: the state's output is its input, through InputPath/OutputPath or Output. */
async function runPassThrough(run: Run, def: State, raw: unknown, next: string | undefined): Promise<TestStateOutput> {
  const d = def as { InputPath?: string | null; OutputPath?: string | null; Output?: unknown; Assign?: unknown };
  if (run.jsonata) {
    await run.assign(d.Assign, raw);
    return succeeded(await run.output(d.Output, raw, raw), next);
  }
  const afterInputPath = inputPath(optionalPath(d.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
  run.record('afterInputPath', afterInputPath);
  await run.assign(d.Assign, afterInputPath);
  return succeeded(outputPath(optionalPath(d.OutputPath, 'Path', `${POINTER}/OutputPath`), afterInputPath, run.env), next);
}

async function runChoice(run: Run, def: ChoiceState, raw: unknown): Promise<TestStateOutput> {
  if (run.jsonata) {
    const b = run.bindings(raw);
    for (const [i, rule] of def.Choices.entries()) {
      const condition = typedField((rule as { Condition?: unknown }).Condition, 'Condition', 'boolean', `${POINTER}/Choices/${i}/Condition`);
      if (condition !== undefined && (await condition.evaluate(b)) === true) {
        const r = rule as ChoiceRule & { Output?: unknown; Assign?: unknown };
        await run.assign(r.Assign, raw);
        return succeeded(await run.output(r.Output, raw, raw), rule.Next);
      }
    }
    if (def.Default === undefined) throw new StatesError('States.NoChoiceMatched', 'No Matches!');
    return runPassThrough(run, def, raw, def.Default);
  }
  const afterInputPath = inputPath(optionalPath(def.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
  const chosen = def.Choices.findIndex((rule, i) => compileCondition(rule, `${POINTER}/Choices/${i}`)(afterInputPath, run.env));
  const next = chosen >= 0 ? def.Choices[chosen]!.Next : def.Default;
  if (next === undefined) {
    run.record('afterInputPath', afterInputPath);
    throw new StatesError('States.NoChoiceMatched', 'No Matches!');
  }
  const assign = chosen >= 0 ? (def.Choices[chosen] as { Assign?: unknown }).Assign : undefined;
  if (assign !== undefined) {
    run.record('afterInputPath', afterInputPath);
    await run.assign(assign, afterInputPath);
    return succeeded(outputPath(optionalPath(def.OutputPath, 'Path', `${POINTER}/OutputPath`), afterInputPath, run.env), next);
  }
  return runPassThrough(run, def, raw, next);
}

async function runFail(run: Run, def: FailState, raw: unknown): Promise<TestStateOutput> {
  if (run.jsonata) {
    const b = run.bindings(raw);
    const error = (await typedField(def.Error, 'Error', 'string', `${POINTER}/Error`)?.evaluate(b)) as string | undefined;
    const cause = (await typedField(def.Cause, 'Cause', 'string', `${POINTER}/Cause`)?.evaluate(b)) as string | undefined;
    return failed(error, cause);
  }
  run.record('afterInputPath', raw);
  const read = (text: string | undefined, field: string): string | undefined => {
    if (text === undefined) return undefined;
    const value = readPath(requiredPath(text, 'ReferencePath', `${POINTER}/${field}`), raw, run.env);
    if (typeof value !== 'string') throw new StatesError('States.Runtime', `The ${field} field must resolve to a string`);
    return value;
  };
  return failed(read(def.ErrorPath, 'ErrorPath') ?? def.Error, read(def.CausePath, 'CausePath') ?? def.Cause);
}

/** A literal number field, its `…Path` twin (JSONPath) or a `{% %}` expression (JSONata). */
async function numberField(run: Run, def: Record<string, unknown>, field: string, effective: unknown, raw: unknown): Promise<number | undefined> {
  const pathText = def[`${field}Path`];
  if (typeof pathText === 'string') {
    const value = readPath(requiredPath(pathText, 'ReferencePath', `${POINTER}/${field}Path`), effective, run.env);
    return typeof value === 'number' ? value : Number(value);
  }
  const typed = typedField(def[field], field, 'number', `${POINTER}/${field}`);
  return typed === undefined ? undefined : ((await typed.evaluate(run.bindings(raw))) as number);
}

function itemsProblem(text: string): StateFailure {
  // AWS names a context path (`$$.x`) by its path inside the context object (`$.x`).
  return new StateFailure('States.Runtime', `Reference path "${text.replace(/^\$\$/, '$')}" must point to array.`);
}

async function mapItems(run: Run, def: MapState, raw: unknown): Promise<{ effective: unknown; items: unknown[] | undefined }> {
  const reader = def.ItemReader !== undefined;
  const readerData = run.request.mapItemReaderData;
  if (run.jsonata) {
    if (reader) return { effective: raw, items: Array.isArray(readerData) ? readerData : undefined };
    const items = def.Items === undefined ? raw : await jsonataTemplate(def.Items, 'Items', `${POINTER}/Items`).evaluate(run.bindings(raw));
    if (!Array.isArray(items)) {
      throw new StatesError('States.QueryEvaluationError', `The Items field must evaluate to a JSON array, but was: ${JSON.stringify(items)}`);
    }
    return { effective: raw, items };
  }
  const afterInputPath = inputPath(optionalPath(def.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
  run.record('afterInputPath', afterInputPath);
  if (reader) return { effective: afterInputPath, items: Array.isArray(readerData) ? readerData : undefined };
  const items = def.ItemsPath === undefined
    ? afterInputPath
    : readPath(requiredPath(def.ItemsPath, 'ReferencePath', `${POINTER}/ItemsPath`), afterInputPath, run.env);
  if (!Array.isArray(items)) throw itemsProblem(def.ItemsPath ?? '$');
  if (def.ItemsPath !== undefined) run.record('afterItemsPath', items);
  return { effective: afterInputPath, items };
}

/**
 * ItemSelector (or the older Parameters) per item, with `$$.Map.Item` set, then ItemBatcher's
 * batches (`{ ...BatchInput, Items }`, MaxItemsPerBatch items each), as inspection data.
 */
async function recordItemInputs(run: Run, def: MapState, effective: unknown, raw: unknown, items: unknown[]): Promise<void> {
  const selected = await selectItems(run, def, effective, raw, items);
  if (selected !== items) run.record('afterItemSelector', selected);
  const batcher = def.ItemBatcher as Record<string, unknown> | undefined;
  if (batcher === undefined) return;
  const size = (await numberField(run, batcher, 'MaxItemsPerBatch', effective, raw)) ?? selected.length;
  const batchInput = batcher['BatchInput'] === undefined
    ? undefined
    : run.jsonata
      ? await jsonataTemplate(batcher['BatchInput'], 'BatchInput', `${POINTER}/ItemBatcher/BatchInput`).evaluate(run.bindings(raw))
      : optionalTemplate(batcher['BatchInput'], 'BatchInput', `${POINTER}/ItemBatcher/BatchInput`)!.evaluate(effective, run.env);
  const batches: unknown[] = [];
  for (let i = 0; i < selected.length; i += Math.max(1, size)) {
    batches.push({ ...(batchInput as object | undefined), Items: selected.slice(i, i + Math.max(1, size)) });
  }
  run.record('afterItemBatcher', batches);
}

async function selectItems(run: Run, def: MapState, effective: unknown, raw: unknown, items: unknown[]): Promise<unknown[]> {
  const selector = def.ItemSelector ?? (run.jsonata ? undefined : def.Parameters);
  if (selector === undefined) return items;
  const selected: unknown[] = [];
  for (const [index, value] of items.entries()) {
    const context = { ...(run.env.context as object), Map: { Item: { Index: index, Value: value } } };
    if (run.jsonata) {
      const b = run.bindings(raw);
      b.states.context = context;
      selected.push(await jsonataTemplate(selector, 'ItemSelector', `${POINTER}/ItemSelector`).evaluate(b));
    } else {
      selected.push(optionalTemplate(selector, 'ItemSelector', `${POINTER}/ItemSelector`)!.evaluate(effective, { ...run.env, context }));
    }
  }
  return selected;
}

async function runMap(run: Run, def: MapState, raw: unknown): Promise<TestStateOutput> {
  const failures = run.request.mapIterationFailureCount ?? 0;
  let exceeded = false;
  try {
    const { effective, items } = await mapItems(run, def, raw);
    if (items !== undefined) await recordItemInputs(run, def, effective, raw, items);
    const fields = def as unknown as Record<string, unknown>;
    run.record('maxConcurrency', (await numberField(run, fields, 'MaxConcurrency', effective, raw)) ?? 0);
    const count = await numberField(run, fields, 'ToleratedFailureCount', effective, raw);
    const percentage = await numberField(run, fields, 'ToleratedFailurePercentage', effective, raw);
    if (count !== undefined) run.record('toleratedFailureCount', count);
    if (percentage !== undefined) run.record('toleratedFailurePercentage', percentage);
    if (items !== undefined && failures > items.length) {
      throw awsException('ValidationException', 'Map iteration failure count must be less than or equal to the number of Map iterations');
    }
    exceeded = (count !== undefined && failures > count)
      || (percentage !== undefined && items !== undefined && items.length > 0 && (failures * 100) / items.length > percentage);
  } catch (thrown) {
    if (thrown instanceof Refusal) throw thrown;
    return afterFailure(run, asFailure(thrown), raw);
  }
  const mock = run.request.mock!;
  if (mock.kind === 'error') return afterFailure(run, new StateFailure(mock.error, mock.cause), raw);
  if (exceeded) return afterFailure(run, THRESHOLD_EXCEEDED, raw);
  return blockResult(run, def, raw, mock.value);
}

async function blockResult(run: Run, def: MapState | ParallelState, raw: unknown, result: unknown): Promise<TestStateOutput> {
  if (run.jsonata) {
    await run.assign(def.Assign, raw, { result });
    return succeeded(await run.output(def.Output, raw, result, { result }), def.Next);
  }
  return succeeded(await jsonPathTail(run, def, raw, result), def.Next);
}

async function runParallel(run: Run, def: ParallelState, raw: unknown): Promise<TestStateOutput> {
  const mock = run.request.mock!;
  try {
    if (run.jsonata) {
      if (def.Arguments !== undefined) await jsonataTemplate(def.Arguments, 'Arguments', `${POINTER}/Arguments`).evaluate(run.bindings(raw));
    } else {
      const afterInputPath = inputPath(optionalPath(def.InputPath, 'Path', `${POINTER}/InputPath`), raw, run.env);
      optionalTemplate(def.Parameters, 'Parameters', `${POINTER}/Parameters`)?.evaluate(afterInputPath, run.env);
    }
    if (mock.kind === 'error') throw new StateFailure(mock.error, mock.cause);
  } catch (thrown) {
    return afterFailure(run, asFailure(thrown), raw);
  }
  return blockResult(run, def, raw, mock.value);
}

export async function runState(request: ParsedRequest, options: TestStateOptions): Promise<TestStateOutput> {
  const run = new Run(request, options);
  const raw = request.input;
  run.record('input', raw);
  const def = request.state;
  let response: TestStateOutput;
  try {
    switch (def.Type) {
      case 'Task':
        response = await runTask(run, def, raw);
        break;
      case 'Pass':
        response = await runPass(run, def, raw);
        break;
      case 'Choice':
        response = await runChoice(run, def, raw);
        break;
      case 'Wait':
      case 'Succeed':
        response = await runPassThrough(run, def, raw, 'Next' in def ? def.Next : undefined);
        break;
      case 'Fail':
        response = await runFail(run, def, raw);
        break;
      case 'Map':
        response = await runMap(run, def, raw);
        break;
      case 'Parallel':
        response = await runParallel(run, def, raw);
        break;
    }
  } catch (thrown) {
    if (thrown instanceof Refusal) throw thrown;
    if (thrown instanceof CompileFailure) throw awsException('InvalidDefinition', `Invalid State Machine Definition: '${thrown.message}'`);
    const { error, cause } = toErrorOutput(thrown);
    response = failed(error, cause);
  }
  return run.finish(response);
}
