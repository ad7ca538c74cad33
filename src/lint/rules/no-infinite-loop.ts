import { scopeGraph } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-infinite-loop',
    description: 'Disallow states from which no terminal state can be reached',
    severity: 'warning',
    recommended: true,
    messages: {
      noExit: 'No terminal state can be reached from state "{{name}}": it is caught in a loop with no exit.',
    },
    docs: {
      rationale:
        'A loop with no way out runs until the execution times out (a year for a STANDARD machine) or hits the history limit. AWS accepts it, so this is a warning. Catch transitions count as ways out.',
      valid: [
        {
          definition: {
            StartAt: 'Poll',
            States: {
              Poll: { Type: 'Wait', Seconds: 5, Next: 'Ready?' },
              'Ready?': { Type: 'Choice', Choices: [{ Variable: '$.ready', BooleanEquals: true, Next: 'Done' }], Default: 'Poll' },
              Done: { Type: 'Succeed' },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'Start',
            States: {
              Start: { Type: 'Choice', Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Spin' }], Default: 'Done' },
              Spin: { Type: 'Wait', Seconds: 5, Next: 'Spin' },
              Done: { Type: 'Succeed' },
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
        // No terminal at all is require-terminal-state's finding.
        if (graph.terminals.length === 0) return;
        // Walk backwards from the exits. A dangling transition counts as an exit, so that a
        // missing target is reported once (by no-missing-transition-target), not twice.
        const incoming = new Map<string, string[]>();
        const exits = new Set<string>();
        for (const [walked, transitions] of graph.transitions) {
          // A state with no transition at all is require-next-or-end's finding.
          if (transitions.length === 0) exits.add(walked.name);
          for (const { target } of transitions) {
            if (!graph.names.has(target)) exits.add(walked.name);
            const list = incoming.get(target);
            if (list === undefined) incoming.set(target, [walked.name]);
            else list.push(walked.name);
          }
        }
        for (const terminal of graph.terminals) exits.add(terminal.name);
        // States that are not objects, or whose Type is unknown, are the schema's finding.
        for (const name of graph.names) if (!KNOWN_TYPES.has(graph.byName.get(name)?.type ?? '')) exits.add(name);
        const canExit = new Set(exits);
        const stack = [...exits];
        for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
          for (const source of incoming.get(name) ?? []) {
            if (!canExit.has(source)) {
              canExit.add(source);
              stack.push(source);
            }
          }
        }
        for (const walked of scope.walkedStates) {
          // Unreachable states are no-unreachable-state's finding.
          if (canExit.has(walked.name) || (graph.reachable !== undefined && !graph.reachable.has(walked.name))) continue;
          context.report({ messageId: 'noExit', pointer: walked.pointer, data: { name: walked.name }, at: 'key' });
        }
      },
    };
  },
});

const KNOWN_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
