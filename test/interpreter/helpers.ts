import { createStateMachine } from '../../src/api.js';
import type { StateMachineOptions } from '../../src/interpreter/engine.js';
import type { ExecutionResult } from '../../src/interpreter/engine.js';

export function run(definition: object, input: unknown = {}, options: StateMachineOptions = {}): Promise<ExecutionResult> {
  return createStateMachine(definition, { clock: 'simulated', ...options }).execute(input);
}

export function types(result: ExecutionResult): string[] {
  return result.history.map((e) => e.type);
}

/** A one-state machine around `state`, named S. */
export function single(state: object, extra: object = {}): object {
  return { StartAt: 'S', States: { S: { ...state } }, ...extra };
}
