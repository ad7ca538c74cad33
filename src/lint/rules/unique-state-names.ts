import { joinPointer } from '../../definition/diagnostic.js';
import { stateNames } from '../graph.js';
import { defineRule, type Scope } from '../rule.js';

export default defineRule({
  meta: {
    id: 'unique-state-names',
    description: 'Require state names to be unique across the whole definition, nested Parallel branches and Map processors included',
    severity: 'error',
    recommended: true,
    awsCode: 'DUPLICATE_STATE_NAME',
    messages: {
      duplicate: 'Duplicate state name "{{name}}": a state of that name is already defined at {{first}}',
    },
    docs: {
      rationale:
        'State names identify states in the execution history, the console and the APIs, so the States Language requires them to be unique in the whole definition, even across scopes that cannot transition to each other.',
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: { Type: 'Parallel', Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Succeed' } } }], End: true },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Succeed' } } }], End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      end() {
        const { first, duplicates } = stateNames(context.walk);
        for (const { name, scope } of duplicates) {
          const firstScope = first.get(name) as Scope;
          context.report({
            messageId: 'duplicate',
            pointer: joinPointer(scope.statesPointer, name),
            data: { name, first: joinPointer(firstScope.statesPointer, name) },
            at: 'key',
          });
        }
      },
    };
  },
});
