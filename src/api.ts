/**
 * The public entry that composes the linter and the engine: a definition AWS would refuse
 * never reaches the engine, and everything compilable is compiled here, once.
 */
import type { Diagnostic } from './definition/diagnostic.js';
import { loadSource } from './definition/load.js';
import type { StateMachineDefinition } from './definition/types.js';
import { CompileFailure, StateMachine, compileStateMachine } from './interpreter/engine.js';
import type { CompiledMachine, ExecuteOptions, ExecutionResult, StateMachineOptions } from './interpreter/engine.js';
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
  const registry: Record<string, StateMachine> | undefined = options.stateMachines === undefined ? undefined : {};
  const own = compileDefinition(definition, { ...options, stateMachines: registry } as StateMachineOptions);
  // Registered definitions share these handlers, so a key may name their states too.
  const sharing = registry === undefined ? [] : registerMachines(options, registry);
  const strays = strayHandlerKeys([own.compiled, ...sharing], options.handlers);
  if (strays.length > 0) throw new DefinitionError(strays);
  return own.machine as TypedStateMachine<Input, Output>;
}

/**
 * Fills the registry of nested machines, compiling each definition once with the parent's
 * options; every machine compiled here shares the one registry, so children can start each
 * other (and their parent). Returns the compiled definitions that share the parent's handlers.
 */
function registerMachines(options: CreateStateMachineOptions, registry: Record<string, StateMachine>): CompiledMachine[] {
  const { stateMachines = {}, name: _name, stateMachineArn: _arn, type: _type, inspect: _inspect, ...inherited } = options;
  const sharing: CompiledMachine[] = [];
  for (const [key, value] of Object.entries(stateMachines)) {
    if (value instanceof StateMachine) {
      registry[key] = value;
      continue;
    }
    const identity = key.startsWith('arn:') ? { stateMachineArn: key } : { name: key };
    try {
      const child = compileDefinition(value, { ...inherited, ...identity, stateMachines: registry } as StateMachineOptions);
      registry[key] = child.machine;
      sharing.push(child.compiled);
    } catch (error) {
      if (error instanceof DefinitionError) error.message = `options.stateMachines['${key}']: ${error.message}`;
      throw error;
    }
  }
  return sharing;
}

function compileDefinition(
  definition: string | object,
  options: StateMachineOptions,
): { machine: StateMachine; compiled: CompiledMachine } {
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
  return { machine: new StateMachine(compiled, options), compiled };
}

/**
 * Handler keys that name no state and no Resource of the definition (`'*'` aside): a
 * misspelt key would otherwise leave its task without a handler, found only at run time.
 */
function strayHandlerKeys(machines: readonly CompiledMachine[], handlers: StateMachineOptions['handlers']): Diagnostic[] {
  if (handlers === undefined) return [];
  const stateNames = new Set(machines.flatMap((m) => [...m.handlerTargets.stateNames]));
  const resources = new Set(machines.flatMap((m) => [...m.handlerTargets.resources]));
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
