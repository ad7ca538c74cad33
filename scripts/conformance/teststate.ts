/**
 * The TestState corpus (README of the corpus folder): each recorded request goes through
 * testState() and the response, or the refusal, is compared with AWS's, placeholders as in the
 * exec corpus. A Task that AWS ran for real (no mock) is answered with the result AWS recorded
 * for it (inspectionData.result); a case without one needs the real service and is skipped.
 */
import { readFileSync } from 'node:fs';
import { testState } from '../../src/index.js';
import type { TestStateInput, TestStateOutput } from '../../src/index.js';
import { isLambdaInvoke, lambdaResult } from '../../src/interpreter/integrations/lambda.js';
import type { LambdaInvokeResponse } from '../../src/interpreter/integrations/lambda.js';
import type { TaskHandler } from '../../src/interpreter/runtime.js';
import { matches } from './exec.js';
import type { CorpusReport, RunOptions } from './judge.js';
import { oneLine } from './judge.js';

interface TestStateCase {
  id: string;
  definition: unknown;
  input: unknown;
  request: {
    inspectionLevel?: 'INFO' | 'DEBUG' | 'TRACE';
    stateName?: string;
    variables?: unknown;
    context?: unknown;
    revealSecrets?: boolean;
    mock?: { result?: string; errorOutput?: { error?: string; cause?: string }; fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE' };
    stateConfiguration?: TestStateInput['stateConfiguration'];
  };
  expected_response: Record<string, unknown>;
  expected_placeholders: string[];
  raised: boolean;
}

/** The role the recorded calls passed (its ARN is a placeholder in the recordings). */
const ROLE_ARN = 'arn:aws:iam::111111111111:role/TestStateRole';

function requestOf(c: TestStateCase): TestStateInput {
  const r = c.request;
  const request: TestStateInput = { definition: JSON.stringify(c.definition), input: JSON.stringify(c.input), roleArn: ROLE_ARN };
  if (r.inspectionLevel !== undefined) request.inspectionLevel = r.inspectionLevel;
  if (r.stateName !== undefined) request.stateName = r.stateName;
  if (r.variables !== undefined) request.variables = JSON.stringify(r.variables);
  if (r.context !== undefined) request.context = JSON.stringify(r.context);
  if (r.revealSecrets !== undefined) request.revealSecrets = r.revealSecrets;
  if (r.stateConfiguration !== undefined) request.stateConfiguration = r.stateConfiguration;
  if (r.mock !== undefined) {
    const { result, errorOutput, fieldValidationMode } = r.mock;
    request.mock = {
      ...(result !== undefined && { result }),
      ...(errorOutput !== undefined && { errorOutput }),
      ...(fieldValidationMode !== undefined && { fieldValidationMode }),
    };
  }
  return request;
}

/** The recorded result of a Task AWS ran without a mock. */
function recordedResult(c: TestStateCase): { found: boolean; value?: unknown } {
  const text = (c.expected_response['inspectionData'] as { result?: unknown } | undefined)?.result;
  if (text === undefined) return { found: false };
  return { found: true, value: typeof text === 'string' ? JSON.parse(text) : text };
}

function needsRealService(c: TestStateCase): boolean {
  const type = (c.definition as { Type?: string }).Type;
  const stateName = c.request.stateName;
  const states = (c.definition as { States?: Record<string, { Type?: string }> }).States;
  const tested = stateName !== undefined && states ? states[stateName]?.Type : type;
  return tested === 'Task' && c.request.mock === undefined && !c.raised;
}

function parsedText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The response with its JSON text fields (output, the inspection data's) parsed: the recordings
 * keep some as text and some parsed, and README rule 4 compares JSON text parsed.
 */
function jsonTextParsed(response: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...response };
  if ('output' in out) out['output'] = parsedText(out['output']);
  const inspection = out['inspectionData'];
  if (inspection !== null && typeof inspection === 'object') {
    out['inspectionData'] = Object.fromEntries(Object.entries(inspection).map(([k, v]) => [k, parsedText(v)]));
  }
  return out;
}

/** The recording holds Lambda's whole Invoke response for lambda:invoke, not the function's payload. */
function recordedHandler(value: unknown): TaskHandler {
  return (_, context) => (isLambdaInvoke(context.resource) ? lambdaResult(value as LambdaInvokeResponse) : value);
}

async function judge(c: TestStateCase): Promise<string | undefined> {
  const expected = c.expected_response;
  const tokens = c.expected_placeholders;
  const recorded = recordedResult(c);
  let response: TestStateOutput;
  try {
    response = await testState(requestOf(c), recorded.found ? { handlers: { '*': recordedHandler(recorded.value) } } : {});
  } catch (error) {
    const e = error as Error;
    if (!c.raised) return `rejected ${e.name}: ${e.message}`;
    const want = expected['Error'] as { Code: string; Message: string };
    if (e.name !== want.Code || e.message !== want.Message) return `rejected ${e.name}: ${e.message} (expected ${want.Code}: ${want.Message})`;
    return undefined;
  }
  if (c.raised) {
    const want = expected['Error'] as { Code: string; Message: string };
    return `resolved ${JSON.stringify(response).slice(0, 200)} (expected ${want.Code}: ${want.Message})`;
  }
  const actual = jsonTextParsed(response as Record<string, unknown>);
  const wanted = jsonTextParsed(expected);
  if (!matches(wanted, actual, tokens)) {
    for (const key of new Set([...Object.keys(wanted), ...Object.keys(actual)])) {
      if (!matches(wanted[key], actual[key], tokens)) {
        return `${key} ${JSON.stringify(actual[key])?.slice(0, 400)} (expected ${JSON.stringify(wanted[key])?.slice(0, 400)})`;
      }
    }
  }
  return undefined;
}

export async function runTestStateCorpus(file: string, options: RunOptions = {}): Promise<CorpusReport> {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TestStateCase)
    .filter((c) => options.filter === undefined || c.id.includes(options.filter));
  const lines = [`teststate corpus ${file}`];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const c of cases) {
    if (needsRealService(c) && !recordedResult(c).found) {
      skipped++;
      if (options.verbose) lines.push(`skip ${c.id} (a Task run against the real service, its result not recorded)`);
      continue;
    }
    let reason: string | undefined;
    try {
      reason = await judge(c);
    } catch (error) {
      reason = `threw: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`;
    }
    if (reason === undefined) {
      passed++;
      if (options.verbose) lines.push(`ok   ${c.id}`);
    } else {
      failed++;
      lines.push(`FAIL ${c.id}`, `     ${oneLine(reason, 900)}`);
    }
  }
  lines.push(`  skipped ${skipped} (Tasks AWS ran against the real service with no recorded result)`);
  return { passed, failed, skipped, lines };
}
