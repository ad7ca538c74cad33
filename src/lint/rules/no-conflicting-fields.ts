import { joinPointer } from '../../definition/diagnostic.js';
import { isObject } from '../../definition/walk.js';
import { lambdaTaskMachine } from '../examples.js';
import { defineRule } from '../rule.js';

type Pairs = readonly (readonly [string, string])[];

const BY_TYPE: ReadonlyMap<string, Pairs> = new Map(Object.entries({
  Task: [
    ['TimeoutSeconds', 'TimeoutSecondsPath'],
    ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ],
  Fail: [
    ['Error', 'ErrorPath'],
    ['Cause', 'CausePath'],
  ],
  Map: [
    ['ItemProcessor', 'Iterator'],
    ['ItemSelector', 'Parameters'],
    ['Items', 'ItemsPath'],
    ['MaxConcurrency', 'MaxConcurrencyPath'],
    ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
    ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ],
} satisfies Record<string, Pairs>));
const CREDENTIALS: Pairs = [['RoleArn', 'RoleArn.$']];
const READER_CONFIG: Pairs = [['MaxItems', 'MaxItemsPath']];
const ITEM_BATCHER: Pairs = [
  ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
];

export default defineRule({
  meta: {
    id: 'no-conflicting-fields',
    description:
      'Disallow fields that exclude each other: a field and its …Path twin, Error and ErrorPath, Items and ItemsPath, ItemSelector and Parameters, ItemProcessor and Iterator',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      conflict: 'There should only be one of the following fields: [{{fields}}]',
    },
    docs: {
      rationale: [
        'Each of these pairs gives one value two ways; AWS accepts only one of them:',
        '',
        '- Task: `TimeoutSeconds`/`TimeoutSecondsPath`, `HeartbeatSeconds`/`HeartbeatSecondsPath`, `Credentials.RoleArn`/`Credentials.RoleArn.$`',
        '- Fail: `Error`/`ErrorPath`, `Cause`/`CausePath`',
        '- Map: `ItemProcessor`/`Iterator`, `ItemSelector`/`Parameters`, `Items`/`ItemsPath`, `MaxConcurrency`, `ToleratedFailureCount` and `ToleratedFailurePercentage` with their `…Path` twins, `ItemReader.ReaderConfig.MaxItems`/`MaxItemsPath`, `ItemBatcher.MaxItemsPerBatch`/`MaxItemsPerBatchPath` and `MaxInputBytesPerBatch`/`MaxInputBytesPerBatchPath`',
      ].join('\n'),
      valid: [{ definition: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', CausePath: '$.reason' } } } }],
      invalid: [
        { definition: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', ErrorPath: '$.error' } } } },
        { definition: lambdaTaskMachine({ TimeoutSeconds: 30, TimeoutSecondsPath: '$.timeout' }) },
      ],
    },
  },
  create(context) {
    const check = (object: unknown, pointer: string, pairs: Pairs): void => {
      if (!isObject(object)) return;
      for (const [a, b] of pairs) {
        if (object[a] !== undefined && object[b] !== undefined) {
          context.report({ messageId: 'conflict', pointer: joinPointer(pointer, b), data: { fields: `${a}, ${b}` }, at: 'key' });
        }
      }
    };
    return {
      state(walked) {
        const { state, pointer, type } = walked;
        if (type === undefined) return;
        check(state, pointer, BY_TYPE.get(type) ?? []);
        if (type === 'Task' && isObject(state['Credentials'])) check(state['Credentials'], `${pointer}/Credentials`, CREDENTIALS);
        if (type === 'Map') {
          const reader = state['ItemReader'];
          if (isObject(reader)) check(reader['ReaderConfig'], `${pointer}/ItemReader/ReaderConfig`, READER_CONFIG);
          check(state['ItemBatcher'], `${pointer}/ItemBatcher`, ITEM_BATCHER);
        }
      },
    };
  },
});
