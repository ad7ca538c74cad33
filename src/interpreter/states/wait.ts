import { StatesError } from '../../definition/errors.js';
import { MAX_WAIT_SECONDS } from '../../definition/types.js';
import type { WaitState } from '../../definition/types.js';
import { inputPath, optionalPath, optionalTemplate, outputPath, readPath, requiredPath } from '../io/expressions.js';
import { parseTimestamp } from '../io/timestamp.js';
import type { CompileContext, CompiledState, Step, Thread } from '../runtime.js';
import { bindings, integerField, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';


/** A delay in seconds AWS runs: finite and at most MAX_WAIT_SECONDS, else States.Runtime. */
function checkSeconds(seconds: number): void {
  if (!(seconds <= MAX_WAIT_SECONDS)) throw new StatesError('States.Runtime', 'Wait state delay is too long.');
}

/** Milliseconds from now until a timestamp, held to the same maximum delay. */
function untilTimestamp(when: number, t: Thread): number {
  const ms = when - t.exec.clock.now();
  if (!(ms <= MAX_WAIT_SECONDS * 1000)) throw new StatesError('States.Runtime', 'Wait state delay is too long.');
  return Math.max(0, ms);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * How long a Wait lasts, from its effective input: a pure decision, with AWS's runtime
 * messages for bad SecondsPath / TimestampPath values (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html, https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 */
export type WaitDelay = (effectiveInput: unknown, t: Thread) => number;

export function compileWaitDelay(def: WaitState, at: string): WaitDelay {
  if (def.Seconds !== undefined) {
    const seconds = Number(def.Seconds);
    return () => {
      checkSeconds(seconds);
      return seconds * 1000;
    };
  }
  if (def.Timestamp !== undefined) {
    const when = parseTimestamp(def.Timestamp);
    return (_input, t) => untilTimestamp(when ?? 0, t);
  }
  if (def.SecondsPath !== undefined) {
    const text = def.SecondsPath;
    const path = requiredPath(text, 'ReferencePath', `${at}/SecondsPath`);
    return (input, t) => {
      const value = readPath(path, input, t.env);
      if (value === undefined) {
        throw new StatesError('States.Runtime', `The SecondsPath parameter does not reference an input value: ${text}`);
      }
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new StatesError(
          'States.Runtime',
          `The SecondsPath parameter cannot be parsed as a long value: ${text} == ${shown(value)}`,
        );
      }
      if (value < 0) {
        throw new StatesError('States.Runtime', `The SecondsPath parameter references a negative value: ${text} == ${value}`);
      }
      checkSeconds(value);
      return value * 1000;
    };
  }
  if (def.TimestampPath !== undefined) {
    const text = def.TimestampPath;
    const path = requiredPath(text, 'ReferencePath', `${at}/TimestampPath`);
    return (input, t) => {
      const value = readPath(path, input, t.env);
      if (value === undefined) {
        throw new StatesError('States.Runtime', `The TimestampPath parameter does not reference an input value: ${text}`);
      }
      const when = typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (when === undefined) {
        throw new StatesError(
          'States.Runtime',
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${text} == ${shown(value)}`,
        );
      }
      return untilTimestamp(when, t);
    };
  }
  return () => 0;
}

/** Wait: InputPath -> (delay) -> OutputPath. */
export function compileWait(name: string, def: WaitState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') return compileJsonataWait(name, def, cc, at);
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const delay = compileWaitDelay(def, at);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    async run(t: Thread, raw: unknown): Promise<Step> {
      prepareEnv(t, state);
      const effective = inputPath(input, raw, t.env);
      const ms = delay(effective, t);
      const assigned = assign !== undefined ? (assign.evaluate(effective, t.env) as Record<string, unknown>) : undefined;
      if (ms > 0) await t.exec.clock.sleep(ms, t.signal);
      return { output: outputPath(output, effective, t.env), next: state.next, assigned };
    },
  });
  return state;
}

/** JSONata Wait: Seconds or Timestamp (literal or expression), Output and Assign (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html). */
function compileJsonataWait(name: string, def: WaitState, cc: CompileContext, at: string): CompiledState {
  const seconds = typedField(def.Seconds, 'Seconds', 'integer', `${at}/Seconds`);
  const timestamp = typedField(def.Timestamp, 'Timestamp', 'string', `${at}/Timestamp`);
  const output = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
  const assign = optionalJsonataTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    async run(t: Thread, raw: unknown): Promise<Step> {
      prepareEnv(t, state);
      const b = bindings(t, raw);
      let ms = 0;
      const s = await integerField(seconds, b, 'Seconds', 0);
      if (s !== undefined) {
        checkSeconds(s);
        ms = s * 1000;
      }
      if (timestamp !== undefined) {
        const text = (await timestamp.evaluate(b)) as string;
        const when = parseTimestamp(text);
        if (when === undefined) {
          throw new StatesError(
            'States.QueryEvaluationError',
            `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`,
          );
        }
        ms = untilTimestamp(when, t);
      }
      const assigned = assign !== undefined ? ((await assign.evaluate(b)) as Record<string, unknown>) : undefined;
      if (ms > 0) await t.exec.clock.sleep(ms, t.signal);
      return { output: output === undefined ? raw : await output.evaluate(b), next: state.next, assigned };
    },
  });
  return state;
}
