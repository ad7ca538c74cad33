/**
 * The public entry that composes the linter and the engine: a definition AWS would refuse
 * never reaches the engine, and everything compilable is compiled here, once.
 */
import type { Diagnostic } from './definition/diagnostic.js';
import { substitutePlaceholders } from './definition/placeholders.js';
import { suggestName } from './definition/schema/suggest.js';
import type { LoadedDefinition, LoadResult } from './definition/source.js';
import type { StateMachineDefinition } from './definition/types.js';
import { CompileFailure, StateMachine, compileStateMachine } from './interpreter/engine.js';
import type { CompiledMachine, ExecuteOptions, ExecutionResult, StateMachineOptions } from './interpreter/engine.js';
import { lintAndLoad } from './lint/index.js';
import type { LintOptions, LintResult } from './lint/index.js';

/** Thrown by createStateMachine when CreateStateMachine would refuse the definition. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`Invalid state machine definition:\n${errors.map((d) => `  ${describe(d)}`).join('\n')}`);
  }

  static is(value: unknown): value is DefinitionError {
    return value instanceof DefinitionError;
  }
}

/** `file /pointer (line:column): message`, as much of it as is known. */
function describe(d: Diagnostic): string {
  const place = d.line === undefined ? '' : ` (${d.line}:${d.column ?? 1})`;
  return `${d.file === undefined ? '' : `${d.file} `}${d.pointer || '/'}${place}: ${d.message}`;
}

export interface CreateStateMachineOptions extends Omit<StateMachineOptions, 'stateMachines'> {
  /**
   * Machines `states:startExecution` tasks may start, keyed by state machine ARN or name: a
   * StateMachine, or a definition (object or JSON/YAML text) compiled here with these options'
   * handlers, random, roleArn and limits, named by its key.
   */
  stateMachines?: Readonly<Record<string, StateMachine | string | object>>;
  /** For a CloudFormation/SAM template: the logical id of the state machine resource to run (required when it has several). */
  machine?: string;
  /** Values for `${Name}` placeholders; they override the template's DefinitionSubstitutions. */
  substitutions?: Record<string, unknown>;
  /** Reads a template's local DefinitionUri, given the path as the template writes it. */
  readFile?: (path: string) => string | undefined;
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
  const { stateMachines: _registered, ...rest } = options;
  const own = compileDefinition(definition, registry === undefined ? rest : { ...rest, stateMachines: registry });
  // Registered definitions share these handlers, so a key may name their states too.
  const sharing = registry === undefined ? [] : registerMachines(options, registry);
  const strays = strayHandlerKeys([own.compiled, ...sharing], options.handlers);
  if (strays.length > 0) throw new DefinitionError(strays);
  return own.machine as TypedStateMachine<Input, Output>;
}

/** What compileDefinition takes: the engine's options and the template choices. */
type CompileOptions = StateMachineOptions & Pick<CreateStateMachineOptions, 'machine' | 'substitutions' | 'readFile'>;

/**
 * Fills the registry of nested machines, compiling each definition once with the parent's
 * options; every machine compiled here shares the one registry, so children can start each
 * other (and their parent). Returns the compiled definitions that share the parent's handlers.
 */
function registerMachines(options: CreateStateMachineOptions, registry: Record<string, StateMachine>): CompiledMachine[] {
  const {
    stateMachines = {}, name: _name, stateMachineArn: _arn, type: _type, inspect: _inspect,
    machine: _machine, substitutions: _substitutions, readFile: _readFile, ...inherited
  } = options;
  const sharing: CompiledMachine[] = [];
  for (const [key, value] of Object.entries(stateMachines)) {
    if (value instanceof StateMachine) {
      registry[key] = value;
      continue;
    }
    const identity = key.startsWith('arn:') ? { stateMachineArn: key } : { name: key };
    try {
      const child = compileDefinition(value, { ...inherited, ...identity, stateMachines: registry });
      registry[key] = child.machine;
      sharing.push(child.compiled);
    } catch (error) {
      if (error instanceof DefinitionError) error.message = `options.stateMachines['${key}']: ${error.message}`;
      throw error;
    }
  }
  return sharing;
}

/** Lints and loads a definition or one template machine once, then compiles it for the engine. */
function compileDefinition(definition: string | object, options: CompileOptions): { machine: StateMachine; compiled: CompiledMachine } {
  const { machine: machineName, substitutions, readFile, ...machineOptions } = options;
  const lintOptions: LintOptions = {};
  if (options.type !== undefined) lintOptions.type = options.type;
  if (readFile !== undefined) lintOptions.readFile = readFile;
  const { result, loaded } = lintAndLoad(definition, lintOptions);
  const chosen = chooseDefinition(loaded, machineName, result);
  const target = machineName ?? chosen?.resourceName;
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && concerns(d, target, result));
  if (errors.length > 0) throw new DefinitionError(errors);
  if (chosen === undefined) throw new DefinitionError([nothingToRun(result.diagnostics)]);

  const values = { ...chosen.substitutions, ...substitutions };
  const object = Object.keys(values).length === 0 ? chosen.definition : substitutePlaceholders(chosen.definition, values, chosen.placeholders);
  if (machineOptions.type === undefined && chosen.stateMachineType !== undefined) machineOptions.type = chosen.stateMachineType;
  let compiled: CompiledMachine;
  try {
    compiled = compileStateMachine(object as StateMachineDefinition);
  } catch (error) {
    if (error instanceof CompileFailure) {
      throw new DefinitionError([{ ruleId: 'compile', severity: 'error', message: error.message, pointer: error.pointer }]);
    }
    throw error;
  }
  return { machine: new StateMachine(compiled, machineOptions), compiled };
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

function usageError(message: string, pointer = ''): DefinitionError {
  return new DefinitionError([{ ruleId: 'create-state-machine', severity: 'error', message, pointer }]);
}

/** The definition to run: the only one, or the template machine `machine` names. */
function chooseDefinition(loaded: LoadResult | undefined, machine: string | undefined, result: LintResult): LoadedDefinition | undefined {
  if (loaded === undefined) return undefined;
  const { definitions } = loaded;
  if (loaded.format !== 'cloudformation') {
    if (machine !== undefined) throw usageError(`The 'machine' option names a resource of a CloudFormation/SAM template, but this is a state machine definition`);
    return definitions[0];
  }
  const names = machineNames(loaded, result);
  if (machine === undefined) {
    if (names.length > 1) {
      throw usageError(`The template has ${names.length} state machines (${names.join(', ')}); choose one with the 'machine' option`, '/Resources');
    }
    return definitions[0];
  }
  const found = definitions.find((d) => d.resourceName === machine);
  if (found !== undefined || (names.includes(machine) && result.diagnostics.some((d) => d.severity === 'error'))) return found;
  const suggestion = suggestName(machine, names);
  throw usageError(
    `The template has no state machine '${machine}'${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`} (it has ${names.length === 0 ? 'none' : names.join(', ')})`,
    '/Resources',
  );
}

/** The logical ids of the template's state machines, including those whose definition did not load. */
function machineNames(loaded: LoadResult, result: LintResult): string[] {
  const names = new Set(loaded.definitions.map((d) => d.resourceName).filter((n): n is string => n !== undefined));
  for (const resource of Object.values(result.definitionFiles ?? {})) names.add(resource);
  for (const d of result.diagnostics) {
    const owner = ownerOf(d, result);
    if (owner !== undefined) names.add(owner);
  }
  return [...names];
}

/** The template machine a finding is about (its `file` is the machine, or its DefinitionUri file). */
function ownerOf(d: Diagnostic, result: LintResult): string | undefined {
  if (d.file === undefined) return undefined;
  return result.definitionFiles?.[d.file] ?? d.file;
}

/** Whether a finding stops the chosen machine: one of another template machine does not. */
function concerns(d: Diagnostic, machine: string | undefined, result: LintResult): boolean {
  if (machine === undefined) return true;
  const owner = ownerOf(d, result);
  return owner === undefined || owner === machine;
}

/** No definition loaded and no error said why: the warnings do (a DefinitionUri not read, a DefinitionS3Location). */
function nothingToRun(diagnostics: readonly Diagnostic[]): Diagnostic {
  const reasons = diagnostics.map((d) => d.message);
  return {
    ruleId: 'create-state-machine',
    severity: 'error',
    message: `No state machine definition to run${reasons.length === 0 ? '' : `: ${reasons.join('; ')}`}`,
    pointer: '',
  };
}
