import { isDistributedProcessor, variablesOf, visibleScopes } from '../../expressions/jsonata/index.js';
import type { Scope } from '../rule.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-undefined-variable',
    description: 'Disallow reading a variable that no state visible from the reader assigns',
    severity: 'warning',
    recommended: true,
    messages: {
      undefined: "The variable '{{name}}' is never assigned in this scope or an enclosing one; reading it fails at run time",
      distributed:
        "The variable '{{name}}' is assigned outside this Distributed Map, whose iterations run as child workflows that cannot read outer variables",
    },
    docs: {
      rationale:
        'A variable exists once an `Assign` in the same scope or an enclosing one has run. Reading a name that nothing visible assigns (a typo such as `$state` for `$states`, or a name assigned only inside a Parallel branch or Map iteration, whose variables disappear when it ends) is accepted at creation but fails at run time: JSONata raises `States.QueryEvaluationError`, a JSONPath path `States.Runtime`. Distributed Map iterations cannot read outer variables at all.',
      valid: [
        {
          definition: {
            StartAt: 'Init',
            States: {
              Init: { Type: 'Pass', Assign: { greeting: 'hello' }, Next: 'Use' },
              Use: { Type: 'Pass', Parameters: { 'text.$': '$greeting' }, End: true },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            QueryLanguage: 'JSONata',
            StartAt: 'Use',
            States: { Use: { Type: 'Pass', Output: '{% $greting %}', End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      scope(scope) {
        const variables = variablesOf(context.walk);
        const reads = variables.scopes.get(scope)?.reads;
        if (reads === undefined || reads.length === 0) return;
        const visible = visibleScopes(scope);
        const hidden: Scope[] = [];
        const last = visible[visible.length - 1];
        if (last !== undefined && isDistributedProcessor(last)) for (let s = last.parent; s !== undefined; s = s.parent) hidden.push(s);
        const reported = new Set<string>();
        for (const read of reads) {
          if (read.mayBeFunction) continue;
          if (visible.some((s) => variables.scopes.get(s)?.assigned.has(read.name))) continue;
          const key = `${read.pointer}\n${read.name}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const outside = hidden.some((s) => variables.scopes.get(s)?.assigned.has(read.name));
          context.report({ messageId: outside ? 'distributed' : 'undefined', pointer: read.pointer, data: { name: read.name } });
        }
      },
    };
  },
});
