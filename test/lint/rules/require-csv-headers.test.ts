import rule from '../../../src/lint/rules/require-csv-headers.js';
import { ruleTester } from '../rule-tester.js';

const map = (readerConfig: string): string => `
StartAt: M
States:
  M:
    Type: Map
    ItemReader:
      Resource: arn:aws:states:::s3:getObject
      ReaderConfig: ${readerConfig}
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States:
        P: { Type: Pass, End: true }
    End: true
`;

ruleTester(rule, {
  valid: [
    { code: map('{ InputType: CSV, CSVHeaderLocation: GIVEN, CSVHeaders: [id, name] }') },
    { code: map('{ InputType: CSV, CSVHeaderLocation: FIRST_ROW }') },
  ],
  invalid: [
    {
      code: map('{ InputType: CSV, CSVHeaderLocation: GIVEN }'),
      errors: [{ messageId: 'missing', pointer: '/States/M/ItemReader/ReaderConfig', line: 8, column: 21 }],
    },
  ],
});
