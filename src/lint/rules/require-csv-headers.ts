import { isObject } from '../../definition/walk.js';
import { defineRule } from '../rule.js';

/** The docs' example: a Distributed Map reading a CSV file with this ReaderConfig. */
function csvMap(readerConfig: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: readerConfig, Parameters: { Bucket: 'my-bucket', Key: 'items.csv' } },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  };
}

export default defineRule({
  meta: {
    id: 'require-csv-headers',
    description: 'Require CSVHeaders in an ItemReader ReaderConfig whose CSVHeaderLocation is GIVEN',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      missing: "The field 'CSVHeaders' is required but was missing",
    },
    docs: {
      rationale:
        'With `CSVHeaderLocation: GIVEN` the first row of the CSV file is data, and the column names come from `CSVHeaders`, which must then be present.',
      valid: [{ definition: csvMap({ InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'] }) }],
      invalid: [{ definition: csvMap({ InputType: 'CSV', CSVHeaderLocation: 'GIVEN' }) }],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Map') return;
        const reader = walked.state['ItemReader'];
        const config = isObject(reader) ? reader['ReaderConfig'] : undefined;
        if (isObject(config) && config['CSVHeaderLocation'] === 'GIVEN' && config['CSVHeaders'] === undefined) {
          context.report({ messageId: 'missing', pointer: `${walked.pointer}/ItemReader/ReaderConfig` });
        }
      },
    };
  },
});
