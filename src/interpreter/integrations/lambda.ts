/**
 * Lambda as Step Functions sees it. The optimized integration `arn:aws:states:::lambda:invoke`
 * returns Lambda's Invoke response, not the function's return value
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html); a function that
 * throws reports its error as JSON (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html).
 * A handler stands for the function: it returns the payload and the engine wraps it, unless
 * it hands over the whole response with `lambdaResult()`.
 */
import { StatesError } from '../../definition/errors.js';
import { StateFailure } from '../errors.js';
import { payloadBytes } from '../io/size.js';
import { uuid } from '../runtime.js';

/** Lambda's Invoke response as the `lambda:invoke` integration returns it. */
export interface LambdaInvokeResponse {
  ExecutedVersion?: string;
  Payload?: unknown;
  SdkHttpMetadata?: {
    AllHttpHeaders: Record<string, string[]>;
    HttpHeaders: Record<string, string>;
    HttpStatusCode: number;
  };
  SdkResponseMetadata?: { RequestId: string };
  StatusCode?: number;
  /** Set by Lambda when the function failed and the payload is its error. */
  FunctionError?: string;
  LogResult?: string;
  [field: string]: unknown;
}

/** A brand on the object, not a class, so a copy of aslkit loaded twice (ESM and CJS) still recognises it. */
const LAMBDA_RESULT = Symbol.for('aslkit.lambdaResult');

export interface LambdaResult {
  readonly [LAMBDA_RESULT]: true;
  readonly response: unknown;
}

/**
 * Marks a `lambda:invoke` handler's return value as the whole Invoke response, used as the
 * task's result unchanged (a handler's plain return value is the payload, wrapped as Lambda does).
 */
export function lambdaResult(response: LambdaInvokeResponse): LambdaResult {
  return { [LAMBDA_RESULT]: true, response };
}

export function isLambdaResult(value: unknown): value is LambdaResult {
  return typeof value === 'object' && value !== null && (value as Partial<LambdaResult>)[LAMBDA_RESULT] === true;
}

/** `arn:<partition>:states:::lambda:invoke`, without a suffix: the request-response integration. */
export function isLambdaInvoke(resource: string): boolean {
  return /^arn:[^:]+:states:::lambda:invoke$/.test(resource);
}

/** Direct function ARNs, `lambda:invoke` and its `.waitForTaskToken` run a Lambda function. */
export function invokesLambda(resource: string): boolean {
  return LAMBDA_FUNCTION.test(resource) || /^arn:[^:]+:states:::lambda:invoke(\.waitForTaskToken)?$/.test(resource);
}

/** A function ARN: `lambda` as its third `:`-separated part and `function` as its sixth. */
const LAMBDA_FUNCTION = /^[^:]*:[^:]*:lambda:[^:]*:[^:]*:function(?::|$)/;

function hex(random: () => number, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

/** The envelope's texts of one instant, kept for the next call: under a simulated clock most invocations share it. */
let lastTime: { now: number; date: string; epochHex: string } | undefined;

function timeTexts(now: number): { date: string; epochHex: string } {
  if (lastTime?.now !== now) {
    lastTime = { now, date: new Date(now).toUTCString(), epochHex: Math.floor(now / 1000).toString(16).padStart(8, '0') };
  }
  return lastTime;
}

/** The Invoke response around a payload (JSON data), with the headers Lambda sends (recorded from AWS). */
export function lambdaEnvelope(payload: unknown, now: number, random: () => number): unknown {
  const length = String(payloadBytes(payload, 0));
  const requestId = uuid(random);
  const { date, epochHex } = timeTexts(now);
  const traceId = `Root=1-${epochHex}-${hex(random, 24)};Sampled=0`;
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [requestId],
        'Content-Length': [length],
        Date: [date],
        'X-Amzn-Trace-Id': [traceId],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': length,
        'Content-Type': 'application/json',
        Date: date,
        'X-Amz-Executed-Version': '$LATEST',
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': requestId,
        'X-Amzn-Trace-Id': traceId,
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/**
 * A plain Error thrown by a Lambda handler, as the Node.js runtime reports it: the error is
 * its name, the cause Lambda's error document. StatesError (`Lambda.Unknown`,
 * `Lambda.ServiceException`, ...) and anything that is not an Error pass unchanged.
 */
export function lambdaFailure(thrown: unknown): unknown {
  // A hostile value (a Proxy, a throwing getter) is left to the general conversion.
  try {
    if (!(thrown instanceof Error) || thrown instanceof StatesError) return thrown;
    const { name, message } = thrown;
    if (typeof name !== 'string' || typeof message !== 'string') return thrown;
    return new LambdaFunctionError(name || 'Error', message, thrown);
  } catch {
    return thrown;
  }
}

/**
 * The failure of a Lambda function that threw an Error. Its cause (with `message`, which
 * quotes it) is written when first read: the trace is the error's stack, and formatting a
 * stack is costly (source-mapped under tsx or vitest), while a failure that Retry takes is
 * often never read. The error's name and message are read at once, as thrown.
 */
class LambdaFunctionError extends StateFailure {
  readonly #thrown: Error;
  readonly #errorMessage: string;
  #document: string | undefined;

  constructor(errorType: string, errorMessage: string, thrown: Error) {
    super(errorType, '');
    this.#thrown = thrown;
    this.#errorMessage = errorMessage;
    // Own properties, as StatesError's are; the accessors are shared, so no closure per failure.
    Object.defineProperty(this, 'cause', LAZY_CAUSE);
    Object.defineProperty(this, 'message', LAZY_MESSAGE);
  }

  document(): string {
    if (this.#document !== undefined) return this.#document;
    const errorType = this.error;
    const errorMessage = this.#errorMessage;
    let stack: unknown;
    try {
      stack = this.#thrown.stack;
    } catch {
      // An unreadable stack is a hostile value: the cause is its message, as for any thrown Error.
      return (this.#document = errorMessage);
    }
    const trace = typeof stack === 'string' ? stack.split('\n') : [`${errorType}: ${errorMessage}`];
    return (this.#document = JSON.stringify({ errorType, errorMessage, trace }));
  }
}

const LAZY_CAUSE: PropertyDescriptor = {
  get(this: LambdaFunctionError): string {
    return this.document();
  },
  enumerable: true,
  configurable: true,
};

const LAZY_MESSAGE: PropertyDescriptor = {
  get(this: LambdaFunctionError): string {
    return `${this.error}: ${this.document()}`;
  },
  configurable: true,
};

/**
 * `details.cause = failure.cause` for a history event, deferred for a Lambda function's error
 * until the event's cause is read (then it is a plain property): the failed attempts of a
 * retried task are recorded but seldom read.
 */
export function setEventCause(details: Record<string, unknown>, failure: StateFailure): void {
  if (!(failure instanceof LambdaFunctionError)) {
    details['cause'] = failure.cause;
    return;
  }
  Object.defineProperty(details, EVENT_FAILURE, { value: failure, configurable: true });
  Object.defineProperty(details, 'cause', EVENT_CAUSE);
}

/** Where an event's details keep the failure whose cause they defer to (not enumerable). */
const EVENT_FAILURE = Symbol('aslkit.eventFailure');

function settleCause(details: object, cause: unknown): void {
  Object.defineProperty(details, 'cause', { value: cause, enumerable: true, writable: true, configurable: true });
}

/** One accessor for every deferred cause: a closure per event would give each details object a hidden class of its own. */
const EVENT_CAUSE: PropertyDescriptor = {
  get(this: { [EVENT_FAILURE]: StateFailure }): string {
    const cause = this[EVENT_FAILURE].cause;
    settleCause(this, cause);
    return cause;
  },
  set(this: object, value: unknown): void {
    settleCause(this, value);
  },
  enumerable: true,
  configurable: true,
};
