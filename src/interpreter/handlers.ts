/**
 * Task handlers as the engine looks them up: by state name, then Resource, then `'*'`; and
 * the error for a lookup that finds nothing. Keys are data: a state named `constructor`
 * finds only a handler registered under that name.
 */
import { editDistance } from '../definition/schema/suggest.js';
import { StateFailure } from './errors.js';
import type { TaskHandler } from './runtime.js';

/** The error name of a task (or ItemReader, ResultWriter) that has no handler. */
export const HANDLER_NOT_FOUND = 'aslkit.HandlerNotFound';

/** The error name of a handler that blocks a simulated-clock execution and never settles. */
export const HANDLER_STUCK = 'aslkit.HandlerStuck';

/**
 * Under the simulated clock, a handler that has not settled while nothing else could happen
 * for `stuckAfterMs` of wall time ends the execution (terminal) instead of hanging the test.
 */
export function handlerStuck(stateName: string, key: string, stuckAfterMs: number | undefined): StateFailure {
  const waited = stuckAfterMs === undefined ? '' : ` for ${stuckAfterMs} ms`;
  return new StateFailure(
    HANDLER_STUCK,
    `The handler '${key}' of the state '${stateName}' has not settled, and under the simulated clock nothing else can happen until it does: no activity${waited} of wall time. Settle it, wait on context.signal (TimeoutSeconds and HeartbeatSeconds run on virtual time), or raise stuckAfterMs.`,
    { terminal: true },
  );
}

/** The key a task's handler is registered under, if any. */
export function findHandlerKey(handlers: Readonly<Record<string, TaskHandler>>, stateName: string, resource: string): string | undefined {
  if (Object.hasOwn(handlers, stateName)) return stateName;
  if (Object.hasOwn(handlers, resource)) return resource;
  return Object.hasOwn(handlers, '*') ? '*' : undefined;
}

/** An ItemReader's or ResultWriter's handler: registered under its Resource only. */
export function resourceHandler(handlers: Readonly<Record<string, TaskHandler>>, resource: string): TaskHandler | undefined {
  return Object.hasOwn(handlers, resource) ? handlers[resource] : undefined;
}

/** The key of `keys` nearest to any of `names` (edit distance), if there are keys. */
export function closestKey(keys: readonly string[], names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of keys) {
    for (const name of names) {
      const distance = editDistance(key.toLowerCase(), name.toLowerCase());
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/**
 * A missing handler ends the execution (terminal: neither Retry nor Catch sees it), naming
 * what needed it, its Resource and the closest registered key: a misspelt key must not send
 * a test down the workflow's error route.
 */
export function handlerNotFound(what: string, stateName: string, resource: string, keys: readonly string[]): StateFailure {
  const closest = closestKey(keys, stateName === '' ? [resource] : [stateName, resource]);
  const lookedUp = stateName === '' ? `'${resource}'` : `'${stateName}', '${resource}' or '*'`;
  const hint = closest === undefined ? ' options.handlers is empty.' : ` The closest handler key is '${closest}'.`;
  return new StateFailure(
    HANDLER_NOT_FOUND,
    `No handler for ${what} (Resource '${resource}'): options.handlers has no key ${lookedUp}.${hint}`,
    { terminal: true },
  );
}
