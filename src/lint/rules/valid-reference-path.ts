import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { forEachReferencePath, referencePathProblem } from '../rule-utils.js';

type MessageIds = 'invalid' | 'context' | 'variable';

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-reference-path',
    description:
      'Require ResultPath, ItemsPath and the …Path fields of Wait, Task and Map to be Reference Paths; ResultPath may not read the context object or a variable',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'Value is not a Reference Path: {{detail}}',
      context: "Value is not a Reference Path: '{{field}}' cannot read the context object ('$$')",
      variable: "Value is not a Reference Path: '{{field}}' cannot refer to the variable '{{variable}}'; ResultPath writes into the state's output",
    },
    docs: {
      rationale:
        'A Reference Path names exactly one node: `$`, then names and single indices such as `$.order.items[0]` or `$[\'a b\']`. Wildcards, `..`, slices, unions and functions are rejected when the machine is created, as is a path that does not start with `$`. `ResultPath` writes into the state input, so it cannot start with `$$` (the context object) or name a variable; the Map number fields (`MaxConcurrencyPath`, `ToleratedFailure…Path`, `MaxItemsPath`, `MaxItemsPerBatchPath`, `MaxInputBytesPerBatchPath`) cannot read the context object either.',
      valid: [
        {
          definition: {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', SecondsPath: '$delay', Next: 'M' },
              M: {
                Type: 'Map',
                ItemsPath: '$$.Execution.Input.items',
                MaxConcurrencyPath: '$.limits.concurrency',
                ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
                ResultPath: "$['map results']",
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'A JSONPath without the leading `$`, and a wildcard',
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', ResultPath: '.guid', Next: 'M' },
              M: {
                Type: 'Map',
                ItemsPath: '$.orders[*].lines',
                ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
                End: true,
              },
            },
          },
        },
        {
          title: 'A variable in ResultPath',
          definition: { StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: '$result', End: true } } },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachReferencePath(walked, (text, field, roots, tokens) => {
          const problem = referencePathProblem(text, roots);
          if (problem === undefined) return;
          const pointer = joinPointer(walked.pointer, ...tokens);
          if (problem.kind === 'invalid') context.report({ messageId: 'invalid', pointer, data: { detail: problem.detail } });
          else if (problem.kind === 'context') context.report({ messageId: 'context', pointer, data: { field } });
          else context.report({ messageId: 'variable', pointer, data: { field, variable: problem.variable } });
        });
      },
    };
  },
});
