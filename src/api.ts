/**
 * The public entry that composes the linter and the engine: a definition AWS would refuse
 * never reaches the engine, and everything compilable is compiled here, once.
 */
import type { Diagnostic } from './definition/diagnostic.js';
import { loadSource } from './definition/load.js';
import type { StateMachineDefinition } from './definition/types.js';
import { CompileFailure, StateMachine, compileStateMachine } from './interpreter/engine.js';
import type { ExecuteOptions, ExecutionResult, StateMachineOptions } from './interpreter/engine.js';
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

/** A StateMachine whose execution input and output are typed: `createStateMachine<Order, Receipt>(…)`. */
export interface TypedStateMachine<Input = unknown, Output = unknown> extends StateMachine {
  execute(input?: Input, options?: ExecuteOptions): Promise<ExecutionResult & { output?: Output }>;
}

export function createStateMachine<Input = unknown, Output = unknown>(
  definition: string | object,
  options: StateMachineOptions = {},
): TypedStateMachine<Input, Output> {
  const { valid, diagnostics } = lint(definition, options.type ? { type: options.type } : {});
  if (!valid) throw new DefinitionError(diagnostics.filter((d) => d.severity === 'error'));
  let object: unknown = definition;
  if (typeof definition === 'string') {
    const loaded = loadSource(definition).definitions[0];
    if (!loaded) throw new DefinitionError(diagnostics);
    object = loaded.definition;
  }
  try {
    return new StateMachine(compileStateMachine(object as StateMachineDefinition), options) as TypedStateMachine<Input, Output>;
  } catch (error) {
    if (error instanceof CompileFailure) {
      throw new DefinitionError([{ ruleId: 'compile', severity: 'error', message: error.message, pointer: error.pointer }]);
    }
    throw error;
  }
}
