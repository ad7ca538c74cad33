import type { FailState } from '../../definition/types.js';
import { StatesError } from '../../definition/errors.js';
import { StateFailure } from '../errors.js';
import { readPath, requiredPath, template } from '../io/expressions.js';
import type { CompiledTemplate } from '../io/expressions.js';
import type { CompileContext, CompiledState, Thread } from '../runtime.js';
import { baseFields, pointerOf } from './base.js';
import { prepareEnv } from './common.js';

/**
 * Fail: raises Error/Cause as given, without AWS's state prefix (ASL-NOTES §5.5).
 * ErrorPath/CausePath take a reference path or an intrinsic; a missing path is States.Runtime.
 */
export function compileFail(name: string, def: FailState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  const errorPath = pathField(def.ErrorPath, 'ErrorPath', at);
  const causePath = pathField(def.CausePath, 'CausePath', at);
  const state: CompiledState = {
    ...baseFields(name, def, cc),
    run(t: Thread, raw: unknown): unknown {
      prepareEnv(t, state);
      const error = errorPath ? stringValue(errorPath, raw, t, 'ErrorPath') : def.Error;
      const cause = causePath ? stringValue(causePath, raw, t, 'CausePath') : def.Cause;
      throw new FailStateFailure(error, cause);
    },
  };
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
