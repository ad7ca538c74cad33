import { scopeGraph } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-unreachable-state',
    description: 'Disallow states that cannot be reached from StartAt',
    severity: 'error',
    recommended: true,
    awsCode: 'MISSING_TRANSITION_TARGET',
    messages: {
      unreachable: 'State "{{name}}" is not reachable.',
      onlyFromUnreachable:
        'State "{{name}}" is not reachable. (It is the target of transitions only from states that are themselves unreachable.)',
    },
    docs: {
      rationale:
        'AWS rejects a definition with a state that no path from StartAt reaches. Reachability is computed by walking the graph of each scope from its StartAt, so a cycle that nothing enters is found too. When a scope has no terminal state at all, AWS reports only that (see require-terminal-state), and so does this rule.',
      valid: [{ definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } } }],
      invalid: [
        { definition: { StartAt: 'A', States: { A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } } },
        {
          title: 'A cycle that no path from StartAt enters.',
          definition: {
            StartAt: 'A',
            States: {
              A: { Type: 'Succeed' },
              X: { Type: 'Pass', Next: 'Y' },
              Y: { Type: 'Pass', Next: 'X' },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      scope(scope) {
        const graph = scopeGraph(scope);
        if (graph.reachable === undefined || graph.terminals.length === 0) return;
        const { reachable } = graph;
        if (reachable.size === graph.names.size) return;
        const targeted = new Set<string>();
        for (const transitions of graph.transitions.values()) for (const t of transitions) targeted.add(t.target);
        for (const walked of scope.walkedStates) {
          if (reachable.has(walked.name)) continue;
          context.report({
            messageId: targeted.has(walked.name) ? 'onlyFromUnreachable' : 'unreachable',
            pointer: walked.pointer,
            data: { name: walked.name },
            at: 'key',
          });
        }
      },
    };
  },
});
