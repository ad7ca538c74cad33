import { joinPointer } from '../../definition/diagnostic.js';
import { isObject } from '../../definition/walk.js';
import { lambdaTaskMachine } from '../examples.js';
import { errorHandlers } from '../handlers.js';
import { defineRule } from '../rule.js';

/** A bound as AWS prints it: integers plainly, decimals with one fraction digit ("1.0"). */
interface Range {
  min?: number;
  max?: number;
  decimal?: boolean;
}

const TASK: Record<string, Range> = {
  TimeoutSeconds: { min: 1, max: 99999999 },
  HeartbeatSeconds: { min: 1, max: 99999999 },
};
const WAIT: Record<string, Range> = { Seconds: { min: 0 } };
const MAP: Record<string, Range> = {
  MaxConcurrency: { min: 0 },
  ToleratedFailureCount: { min: 0 },
  ToleratedFailurePercentage: { min: 0, max: 100, decimal: true },
};
const READER_CONFIG: Record<string, Range> = { MaxItems: { min: 0, max: 100000000 } };
const ITEM_BATCHER: Record<string, Range> = {
  MaxItemsPerBatch: { min: 1 },
  MaxInputBytesPerBatch: { min: 1, max: 262144 },
};
const RETRIER: Record<string, Range> = {
  IntervalSeconds: { min: 1, max: 99999999 },
  MaxAttempts: { min: 0, max: 99999999 },
  BackoffRate: { min: 1, decimal: true },
  MaxDelaySeconds: { min: 1, max: 31622400 },
};
const ROOT: Record<string, Range> = { TimeoutSeconds: { min: 0, max: 99999999 } };

export default defineRule({
  meta: {
    id: 'valid-number-range',
    description:
      'Enforce the ranges of numeric fields: timeouts, heartbeats, Wait seconds, Map limits and the IntervalSeconds, MaxAttempts, BackoffRate and MaxDelaySeconds of retriers',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      min: 'Minimum value is {{min}}',
      max: 'Maximum value is {{max}}',
      notFinite: 'The value must be a finite number',
    },
    docs: {
      rationale: [
        'AWS rejects numbers outside these ranges when the machine is created:',
        '',
        '| Field | Range |',
        '|---|---|',
        '| machine `TimeoutSeconds` | 0..99999999 |',
        '| Task `TimeoutSeconds`, `HeartbeatSeconds` | 1..99999999 |',
        '| Wait `Seconds` | 0 or more (a wait AWS creates but cannot run is `no-wait-beyond-maximum`) |',
        '| Map `MaxConcurrency`, `ToleratedFailureCount` | ≥ 0 |',
        '| Map `ToleratedFailurePercentage` | 0..100 |',
        '| `ItemReader.ReaderConfig.MaxItems` | 0..100000000 |',
        '| `ItemBatcher.MaxItemsPerBatch` | ≥ 1 |',
        '| `ItemBatcher.MaxInputBytesPerBatch` | 1..262144 |',
        '| retrier `IntervalSeconds` | 1..99999999 |',
        '| retrier `MaxAttempts` | 0..99999999 (0 = never retry) |',
        '| retrier `BackoffRate` | ≥ 1.0 |',
        '| retrier `MaxDelaySeconds` | 1..31622400 |',
        '',
        'A value that is not a finite number (`Infinity`, `NaN`, possible only in an object passed to `lint()`) is reported too. Values given as JSONata expressions are checked when they are evaluated, not here.',
      ].join('\n'),
      valid: [
        { definition: lambdaTaskMachine({ TimeoutSeconds: 30, Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 0, BackoffRate: 1.5 }] }) },
      ],
      invalid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5 }] }) },
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: -1, End: true } } } },
      ],
    },
  },
  create(context) {
    const check = (object: unknown, pointer: string, ranges: Record<string, Range>): void => {
      if (!isObject(object)) return;
      for (const [field, range] of Object.entries(ranges)) {
        const value = object[field];
        if (typeof value !== 'number') continue;
        if (!Number.isFinite(value)) {
          context.report({ messageId: 'notFinite', pointer: joinPointer(pointer, field) });
        } else if (range.min !== undefined && value < range.min) {
          context.report({ messageId: 'min', pointer: joinPointer(pointer, field), data: { min: show(range.min, range) } });
        } else if (range.max !== undefined && value > range.max) {
          context.report({ messageId: 'max', pointer: joinPointer(pointer, field), data: { max: show(range.max, range) } });
        }
      }
    };
    return {
      scope(scope) {
        if (scope.kind === 'root') check(context.definition, '', ROOT);
      },
      state(walked) {
        const { state, pointer, type } = walked;
        if (type === 'Task') check(state, pointer, TASK);
        else if (type === 'Wait') check(state, pointer, WAIT);
        else if (type === 'Map') {
          check(state, pointer, MAP);
          const reader = state['ItemReader'];
          if (isObject(reader)) check(reader['ReaderConfig'], joinPointer(pointer, 'ItemReader', 'ReaderConfig'), READER_CONFIG);
          check(state['ItemBatcher'], joinPointer(pointer, 'ItemBatcher'), ITEM_BATCHER);
        }
        for (const handler of errorHandlers(walked, 'Retry')) check(handler.entry, handler.pointer, RETRIER);
      },
    };
  },
});

/** A bound as the message shows it: 1.0, not 1, for a decimal field. */
function show(n: number, range: Range): string {
  return range.decimal === true && Number.isInteger(n) ? n.toFixed(1) : String(n);
}
