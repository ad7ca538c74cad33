/**
 * The public entry that composes the linter and the engine: a definition AWS would refuse
 * never reaches the engine, and everything compilable is compiled here, once.
 */
import type { Diagnostic } from './definition/diagnostic.js';
import { loadSource } from './definition/load.js';
import type { StateMachineDefinition } from './definition/types.js';
import { CompileFailure, StateMachine, compileStateMachine } from './interpreter/engine.js';
import type { CompiledMachine, StateMachineOptions } from './interpreter/engine.js';
import { suggestName } from './definition/schema/suggest.js';
import { lint } from './lint/index.js';

/** Thrown by createStateMachine when CreateStateMachine would refuse the definition. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Invalid state machine definition:\n${errors.map((d) => `  ${d.pointer || '/'}: ${d.message}`).join('\n')}`,
    );
  }

  static is(value: unknown): value is DefinitionError {
    return value instanceof DefinitionError;
  }
}

export function createStateMachine(
  definition: string | object,
  options: StateMachineOptions = {},
): StateMachine {
  const { valid, diagnostics } = lint(definition, options.type ? { type: options.type } : {});
  if (!valid) throw new DefinitionError(diagnostics.filter((d) => d.severity === 'error'));
  let object: unknown = definition;
  if (typeof definition === 'string') {
    const loaded = loadSource(definition).definitions[0];
    if (!loaded) throw new DefinitionError(diagnostics);
    object = loaded.definition;
  }
  let compiled: CompiledMachine;
  try {
    compiled = compileStateMachine(object as StateMachineDefinition);
  } catch (error) {
    if (error instanceof CompileFailure) {
      throw new DefinitionError([{ ruleId: 'compile', severity: 'error', message: error.message, pointer: error.pointer }]);
    }
    throw error;
  }
  const strays = strayHandlerKeys(compiled, options.handlers);
  if (strays.length > 0) throw new DefinitionError(strays);
  return new StateMachine(compiled, options);
}

/**
 * Handler keys that name no state and no Resource of the definition (`'*'` aside): a
 * misspelt key would otherwise leave its task without a handler, found only at run time.
 */
function strayHandlerKeys(machine: CompiledMachine, handlers: StateMachineOptions['handlers']): Diagnostic[] {
  if (handlers === undefined) return [];
  const { stateNames, resources } = machine.handlerTargets;
  const known = [...stateNames, ...resources];
  return Object.keys(handlers)
    .filter((key) => key !== '*' && !stateNames.has(key) && !resources.has(key))
    .map((key) => {
      const near = suggestName(key, known);
      return {
        ruleId: 'handler-key',
        severity: 'error' as const,
        message: `options.handlers has the key '${key}', which names no state and no Resource of the definition${near === undefined ? '' : `; did you mean '${near}'?`}`,
        pointer: '',
      };
    });
}
