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

/** createStateMachine's options: the engine's, with `stateMachines` also taking definitions. */
export interface CreateStateMachineOptions extends Omit<StateMachineOptions, 'stateMachines'> {
  /**
   * Machines `states:startExecution` tasks may start, keyed by state machine ARN or name: a
   * StateMachine, or a definition (object or JSON/YAML text) compiled here with these options'
   * handlers, random, roleArn and limits, named by its key.
   */
  stateMachines?: Readonly<Record<string, StateMachine | string | object>>;
}

/** A StateMachine whose execution input and output are typed: `createStateMachine<Order, Receipt>(…)`. */
export interface TypedStateMachine<Input = unknown, Output = unknown> extends StateMachine {
  execute(input?: Input, options?: ExecuteOptions): Promise<ExecutionResult & { output?: Output }>;
}

export function createStateMachine<Input = unknown, Output = unknown>(
  definition: string | object,
  options: CreateStateMachineOptions = {},
): TypedStateMachine<Input, Output> {
  const machine = options.stateMachines === undefined
    ? compileChecked(definition, options as StateMachineOptions)
    : compileChecked(definition, { ...options, stateMachines: registeredMachines(options) });
  return machine as TypedStateMachine<Input, Output>;
}

/**
 * The registry of nested machines, compiled once. Every machine compiled from it shares the
 * one registry, so children can start each other (and their parent).
 */
function registeredMachines(options: CreateStateMachineOptions): Record<string, StateMachine> {
  const { stateMachines = {}, name: _name, stateMachineArn: _arn, type: _type, inspect: _inspect, ...inherited } = options;
  const registry: Record<string, StateMachine> = {};
  for (const [key, value] of Object.entries(stateMachines)) {
    if (value instanceof StateMachine) {
      registry[key] = value;
      continue;
    }
    const identity = key.startsWith('arn:') ? { stateMachineArn: key } : { name: key };
    try {
      registry[key] = compileChecked(value, { ...inherited, ...identity, stateMachines: registry } as StateMachineOptions);
    } catch (error) {
      if (error instanceof DefinitionError) error.message = `options.stateMachines['${key}']: ${error.message}`;
      throw error;
    }
  }
  return registry;
}

function compileChecked(
  definition: string | object,
  options: StateMachineOptions,
): StateMachine {
  const { valid, diagnostics } = lint(definition, options.type ? { type: options.type } : {});
  if (!valid) throw new DefinitionError(diagnostics.filter((d) => d.severity === 'error'));
  let object: unknown = definition;
  if (typeof definition === 'string') {
    const loaded = loadSource(definition).definitions[0];
    if (!loaded) throw new DefinitionError(diagnostics);
    object = loaded.definition;
  }
  try {
    return new StateMachine(compileStateMachine(object as StateMachineDefinition), options);
  } catch (error) {
    if (error instanceof CompileFailure) {
      throw new DefinitionError([{ ruleId: 'compile', severity: 'error', message: error.message, pointer: error.pointer }]);
    }
    throw error;
  }
}
