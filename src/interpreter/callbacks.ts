/**
 * Task tokens: what a `.waitForTaskToken` task or an activity waits for, and how the test
 * answers it, as SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat and GetActivityTask do
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token,
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html). One registry
 * serves an execution and the executions it starts, like one account's tokens.
 */
import { StatesError } from '../definition/errors.js';
import { StateFailure } from './errors.js';
import { copyJson } from './io/json.js';

/** A `.waitForTaskToken` task waiting for its token, as `waitForTask` hands it over. */
export interface WaitingTask {
  token: string;
  /** The task's effective input (after Parameters / Arguments). */
  input: unknown;
}

/** An activity task, as GetActivityTask returns it. */
export interface ActivityTask {
  taskToken: string;
  input: unknown;
}

/** The callback API of an execution handle (ExecutionHandle extends it). */
export interface TaskCallbacks {
  /**
   * Completes the task waiting for `token` with `output` (a JSON value). Throws a StatesError
   * named as AWS's SendTaskSuccess errors: `InvalidToken`, `TaskDoesNotExist`, `TaskTimedOut`
   * (the task has closed: it succeeded, failed, timed out or its execution ended), `InvalidOutput`.
   */
  sendTaskSuccess(token: string, output: unknown): void;
  /** Fails the task waiting for `token` with `error` and `cause`; throws as sendTaskSuccess. */
  sendTaskFailure(token: string, error?: string, cause?: string): void;
  /** Resets the task's HeartbeatSeconds timer; throws as sendTaskSuccess. */
  sendTaskHeartbeat(token: string): void;
  /**
   * Resolves when a `.waitForTaskToken` task of the state `stateName` waits for its token (at
   * once if one already does); each waiting task is handed to one call, in the order they
   * started. Rejects when the execution ends first.
   */
  waitForTask(stateName: string): Promise<WaitingTask>;
  /**
   * A worker's GetActivityTask: resolves with the next activity task scheduled for
   * `activityArn` that has no handler, and records ActivityStarted (with `workerName`).
   * Rejects when the execution ends first.
   */
  getActivityTask(activityArn: string, workerName?: string): Promise<ActivityTask>;
}

/** A task that waits for its token. */
export interface TokenTask {
  token: string;
  stateName: string;
  input: unknown;
  /** Set for an activity: the task waits for a worker of that ARN first. */
  activityArn?: string;
  /** Called when a worker takes the activity task. */
  onStarted?(workerName: string | undefined): void;
}

interface OpenTask extends TokenTask {
  /** Handed to a waitForTask or getActivityTask caller already. */
  delivered: boolean;
  succeed(output: unknown): void;
  fail(failure: StateFailure): void;
  heartbeat(): void;
}

interface Waiter {
  activity: boolean;
  /** The state name, or the activity ARN. */
  key: string;
  workerName?: string;
  resolve(task: OpenTask): void;
  reject(error: Error): void;
}

/** Tokens look like the ones the engine issues (32 hex digits); anything else is InvalidToken. */
const TOKEN_SHAPE = /^[0-9a-f]{32}$/;

function refuse(error: string, message: string): StatesError {
  return new StatesError(error, message);
}

export class TaskTokens implements TaskCallbacks {
  private readonly open = new Map<string, OpenTask>();
  private readonly closed = new Set<string>();
  private waiters: Waiter[] = [];
  private ended: string | undefined;

  /**
   * Waits for the token of `task`: settles with the output sent, or rejects with the failure
   * sent or with the signal's reason. `heartbeat` is the task's HeartbeatSeconds reset.
   */
  wait(task: TokenTask, signal: AbortSignal, heartbeat: () => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        this.closed.add(task.token);
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        this.close(task.token);
        reject(signal.reason);
      };
      const entry: OpenTask = {
        ...task,
        delivered: false,
        heartbeat,
        succeed: (output) => {
          signal.removeEventListener('abort', onAbort);
          this.close(task.token);
          resolve(output);
        },
        fail: (failure) => {
          signal.removeEventListener('abort', onAbort);
          this.close(task.token);
          reject(failure);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.open.set(task.token, entry);
      const activity = task.activityArn !== undefined;
      const key = task.activityArn ?? task.stateName;
      const index = this.waiters.findIndex((w) => w.activity === activity && w.key === key);
      if (index >= 0) this.deliver(entry, this.waiters.splice(index, 1)[0]!);
    });
  }

  /** The task of `token` is over (whatever ended it): later sends get TaskTimedOut. */
  close(token: string): void {
    this.open.delete(token);
    this.closed.add(token);
  }

  /** The execution ended: pending waitForTask / getActivityTask calls reject. */
  end(status: string): void {
    this.ended = status;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(this.endedError(w));
  }

  /** The states whose tasks wait for a token or a worker (for a "stuck" report). */
  waitingStates(): string[] {
    return [...this.open.values()].map((task) => task.stateName);
  }

  sendTaskSuccess(token: string, output: unknown): void {
    const task = this.find(token);
    let copy: unknown;
    try {
      copy = output === undefined ? undefined : copyJson(output);
    } catch {
      copy = undefined;
    }
    if (copy === undefined) throw refuse('InvalidOutput', 'The provided JSON output data is not valid.');
    task.succeed(copy);
  }

  sendTaskFailure(token: string, error = '', cause = ''): void {
    this.find(token).fail(new StateFailure(error, cause, { terminal: false }));
  }

  sendTaskHeartbeat(token: string): void {
    this.find(token).heartbeat();
  }

  waitForTask(stateName: string): Promise<WaitingTask> {
    return this.take(false, stateName, undefined).then((task) => ({ token: task.token, input: task.input }));
  }

  getActivityTask(activityArn: string, workerName?: string): Promise<ActivityTask> {
    return this.take(true, activityArn, workerName).then((task) => ({ taskToken: task.token, input: task.input }));
  }

  private take(activity: boolean, key: string, workerName: string | undefined): Promise<OpenTask> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { activity, key, resolve, reject, ...(workerName !== undefined ? { workerName } : {}) };
      for (const task of this.open.values()) {
        if (!task.delivered && (task.activityArn !== undefined) === activity && (task.activityArn ?? task.stateName) === key) {
          this.deliver(task, waiter);
          return;
        }
      }
      if (this.ended !== undefined) reject(this.endedError(waiter));
      else this.waiters.push(waiter);
    });
  }

  private deliver(task: OpenTask, waiter: Waiter): void {
    task.delivered = true;
    task.onStarted?.(waiter.workerName);
    waiter.resolve(task);
  }

  private endedError(w: Waiter): Error {
    const what = w.activity ? `getActivityTask('${w.key}')` : `waitForTask('${w.key}')`;
    const waited = w.activity ? `an activity task of '${w.key}' was scheduled` : `the state '${w.key}' waited for a task token`;
    return new Error(`${what}: the execution ended (${this.ended}) before ${waited}.`);
  }

  private find(token: string): OpenTask {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) {
      throw refuse('InvalidToken', "Invalid Token: 'Invalid token'");
    }
    const task = this.open.get(token);
    if (task !== undefined) return task;
    if (this.closed.has(token)) {
      throw refuse('TaskTimedOut', 'The task token has either expired or the task associated with the token has already been closed.');
    }
    throw refuse('TaskDoesNotExist', `No task was issued the token '${token}'.`);
  }
}
