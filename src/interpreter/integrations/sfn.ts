/**
 * The SDK integration's SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat
 * (`arn:aws:states:::aws-sdk:sfn:sendTaskSuccess`, ...), answered from the execution's own task
 * tokens when no handler takes them, so a child machine can complete its parent's
 * `.waitForTaskToken` task. Refusals are named as the SDK integration names them
 * (`Sfn.InvalidTokenException`, ...; https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 */
import { StatesError } from '../../definition/errors.js';
import type { TaskTokens } from '../callbacks.js';
import { StateFailure } from '../errors.js';
import { uuid } from '../runtime.js';

type Action = 'sendTaskSuccess' | 'sendTaskFailure' | 'sendTaskHeartbeat';

const SEND = /^arn:[^:]+:states:::aws-sdk:sfn:(sendTaskSuccess|sendTaskFailure|sendTaskHeartbeat)$/;

export function sfnCallbackAction(resource: string): Action | undefined {
  return SEND.exec(resource)?.[1] as Action | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Performs the request against `tokens`; the SDK answers `{}`. */
export function sendFromTask(tokens: TaskTokens, action: Action, request: unknown, random: () => number): Record<string, never> {
  const r = (request ?? {}) as { TaskToken?: unknown; Output?: unknown; Error?: unknown; Cause?: unknown };
  const token = r.TaskToken as string;
  try {
    if (action === 'sendTaskHeartbeat') tokens.sendTaskHeartbeat(token);
    else if (action === 'sendTaskFailure') tokens.sendTaskFailure(token, text(r.Error), text(r.Cause));
    else {
      // Output is JSON text; text that does not parse is refused as InvalidOutput, after the token.
      let output: unknown = r.Output;
      if (typeof r.Output === 'string') {
        try {
          output = JSON.parse(r.Output) as unknown;
        } catch {
          output = undefined;
        }
      }
      tokens.sendTaskSuccess(token, output);
    }
  } catch (thrown) {
    if (!(thrown instanceof StatesError)) throw thrown;
    throw new StateFailure(
      `Sfn.${thrown.error}Exception`,
      `${thrown.cause} (Service: Sfn, Status Code: 400, Request ID: ${uuid(random)}) (SDK Attempt Count: 1)`,
    );
  }
  return {};
}
