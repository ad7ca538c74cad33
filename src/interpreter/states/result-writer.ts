/**
 * Distributed Map ResultWriter (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html): the child workflows' results are written
 * through the handler registered under the writer's Resource (`arn:aws:states:::s3:putObject`),
 * one `{ Bucket, Key, Body }` call a file, as AWS lays them out under
 * `<Prefix>/<map run id>/`: SUCCEEDED_0.json, FAILED_0.json and manifest.json. The Map's
 * result is then `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`. With a WriterConfig
 * and no Bucket, nothing is written and the transformed results are the Map's result.
 */
import type { JsonObject, QueryLanguage } from '../../definition/types.js';
import { StateFailure, toErrorOutput } from '../errors.js';
import { optionalTemplate } from '../io/expressions.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { handlerNotFound, resourceHandler } from '../handlers.js';
import { nextInvocation } from '../runtime.js';
import type { Thread } from '../runtime.js';

export interface MapRunOutcome {
  mapRunArn: string;
  inputs: readonly unknown[];
  /** The output of each child workflow, by item index; undefined where it failed. */
  results: readonly unknown[];
  /** `{ Error, Cause }` of each failed child workflow, by item index. */
  failures: ReadonlyMap<number, { Error: string; Cause: string }>;
}

export type ResultWriter = (t: Thread, raw: unknown, effective: unknown, run: MapRunOutcome) => Promise<unknown>;

function writerFailure(cause: string): StateFailure {
  return new StateFailure('States.ResultWriterFailed', cause);
}

export function compileResultWriter(writer: JsonObject, at: string, queryLanguage: QueryLanguage, stateName: string): ResultWriter {
  const resource = String(writer['Resource'] ?? '');
  const config = (writer['WriterConfig'] ?? {}) as Record<string, unknown>;
  const transformation = String(config['Transformation'] ?? 'NONE');
  const jsonl = config['OutputType'] === 'JSONL';
  let request: (t: Thread, raw: unknown, effective: unknown) => unknown;
  if (queryLanguage === 'JSONata') {
    const args = optionalJsonataTemplate(writer['Arguments'], 'Arguments', `${at}/ResultWriter/Arguments`);
    request = (t, raw) => (args === undefined ? {} : args.evaluate(bindings(t, raw)));
  } else {
    const parameters = optionalTemplate(writer['Parameters'], 'Parameters', `${at}/ResultWriter/Parameters`);
    request = (t, _raw, effective) => (parameters === undefined ? {} : parameters.evaluate(effective, t.env));
  }

  return async (t, raw, effective, run) => {
    const { Bucket, Prefix } = ((await request(t, raw, effective)) ?? {}) as { Bucket?: unknown; Prefix?: unknown };
    const succeeded: unknown[] = [];
    const failed: unknown[] = [];
    run.inputs.forEach((input, index) => {
      const failure = run.failures.get(index);
      if (transformation !== 'NONE') {
        if (failure === undefined) succeeded.push(run.results[index]);
        else failed.push(failure);
        return;
      }
      const entry = childEntry(run, index, input, failure);
      (failure === undefined ? succeeded : failed).push(entry);
    });
    const flattened = transformation === 'FLATTEN' ? succeeded.flat() : succeeded;
    if (typeof Bucket !== 'string') {
      if (transformation !== 'NONE') return flattened;
      throw writerFailure('The ResultWriter needs a Bucket to write to.');
    }
    const handler = resourceHandler(t.exec.handlers, resource);
    if (!handler) throw handlerNotFound(`the ResultWriter of the state '${stateName}'`, '', resource, Object.keys(t.exec.handlers));
    const runId = run.mapRunArn.slice(run.mapRunArn.lastIndexOf(':') + 1);
    const folder = `${typeof Prefix === 'string' && Prefix !== '' ? `${Prefix.replace(/\/+$/, '')}/` : ''}${runId}/`;
    const put = async (Key: string, Body: string): Promise<{ Key: string; Size: number }> => {
      try {
        await handler({ Bucket, Key, Body }, {
          stateName, resource, attempt: 0, invocation: nextInvocation(t.exec, resource), context: t.env.context, signal: t.signal, heartbeat: () => {},
        });
      } catch (thrown) {
        const { error, cause } = toErrorOutput(thrown);
        throw new StateFailure(error, cause);
      }
      return { Key, Size: Body.length };
    };
    const extension = jsonl ? 'jsonl' : 'json';
    const body = (values: unknown[]): string => (jsonl ? values.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(values));
    const files = { FAILED: [] as unknown[], PENDING: [] as unknown[], SUCCEEDED: [] as unknown[] };
    if (flattened.length > 0) files.SUCCEEDED.push(await put(`${folder}SUCCEEDED_0.${extension}`, body(flattened)));
    if (failed.length > 0) files.FAILED.push(await put(`${folder}FAILED_0.${extension}`, body(failed)));
    const manifestKey = `${folder}manifest.json`;
    await put(manifestKey, JSON.stringify({ DestinationBucket: Bucket, MapRunArn: run.mapRunArn, ResultFiles: files }));
    return { MapRunArn: run.mapRunArn, ResultWriterDetails: { Bucket, Key: manifestKey } };
  };
}

/** One child workflow as AWS lists it in a result file (Transformation NONE). */
function childEntry(
  run: MapRunOutcome,
  index: number,
  input: unknown,
  failure: { Error: string; Cause: string } | undefined,
): Record<string, unknown> {
  const name = `${run.mapRunArn.slice(run.mapRunArn.lastIndexOf(':') + 1)}_${index}`;
  const entry: Record<string, unknown> = {
    ExecutionArn: `${run.mapRunArn.replace(':mapRun:', ':execution:')}:${name}`,
    Input: JSON.stringify(input),
    InputDetails: { Included: true },
    Name: name,
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    StateMachineArn: run.mapRunArn.slice(0, run.mapRunArn.lastIndexOf(':')).replace(':mapRun:', ':stateMachine:'),
    Status: failure === undefined ? 'SUCCEEDED' : 'FAILED',
  };
  if (failure === undefined) {
    entry['Output'] = JSON.stringify(run.results[index]);
    entry['OutputDetails'] = { Included: true };
  } else {
    entry['Error'] = failure.Error;
    entry['Cause'] = failure.Cause;
  }
  return entry;
}
