import type { FailState } from '../../definition/types.js';
import { StatesError } from '../../definition/errors.js';
import { StateFailure } from '../errors.js';
import { readPath, requiredPath, template } from '../io/expressions.js';
import type { CompiledTemplate } from '../io/expressions.js';
import type { CompileContext, CompiledState, Step, Thread } from '../runtime.js';
import { bindings, typedField } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';

/**
 * Fail: raises Error/Cause as given, without AWS's state prefix (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
 * ErrorPath/CausePath take a reference path or an intrinsic; a missing path is States.Runtime.
 */
export function compileFail(name: string, def: FailState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') {
    const error = typedField(def.Error, 'Error', 'string', `${at}/Error`);
    const cause = typedField(def.Cause, 'Cause', 'string', `${at}/Cause`);
    const jsonataState: CompiledState = Object.assign(baseFields(name, def, cc), {
      async run(t: Thread, raw: unknown): Promise<Step> {
        prepareEnv(t, jsonataState);
        const b = bindings(t, raw);
        const e = (await error?.evaluate(b)) as string | undefined;
        const c = (await cause?.evaluate(b)) as string | undefined;
        throw new FailStateFailure(e, c);
      },
    });
    return jsonataState;
  }
  const errorPath = pathField(def.ErrorPath, 'ErrorPath', at);
  const causePath = pathField(def.CausePath, 'CausePath', at);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    run(t: Thread, raw: unknown): Step {
      prepareEnv(t, state);
      const error = errorPath ? stringValue(errorPath, raw, t, 'ErrorPath') : def.Error;
      const cause = causePath ? stringValue(causePath, raw, t, 'CausePath') : def.Cause;
      throw new FailStateFailure(error, cause);
    },
  });
  return state;
}

/** A Fail state's error; `error`/`cause` undefined when the state gave none (AWS then records no details). */
export class FailStateFailure extends StateFailure {
  constructor(readonly failError: string | undefined, readonly failCause: string | undefined) {
    super(failError ?? '', failCause ?? '', { terminal: false });
  }
}

type FieldReader = (raw: unknown, t: Thread) => unknown;

function pathField(text: string | undefined, field: string, at: string): FieldReader | undefined {
  if (text === undefined) return undefined;
  if (!text.startsWith('$')) {
    const tpl: CompiledTemplate = template({ 'value.$': text }, field, `${at}/${field}`);
    return (raw, t) => (tpl.evaluate(raw, t.env) as Record<string, unknown>)['value'];
  }
  const path = requiredPath(text, 'ReferencePath', `${at}/${field}`);
  return (raw, t) => {
    const value = readPath(path, raw, t.env);
    if (value === undefined) {
      throw new StatesError(
        'States.Runtime',
        `The JSONPath '${text}' specified for the field '${field}' could not be found in the input '${JSON.stringify(raw)}'`,
      );
    }
    return value;
  };
}

function stringValue(read: FieldReader, raw: unknown, t: Thread, field: string): string {
  const value = read(raw, t);
  if (typeof value !== 'string') {
    throw new StatesError('States.Runtime', `The value of the field '${field}' must be a string, but was: ${JSON.stringify(value)}`);
  }
  return value;
}
