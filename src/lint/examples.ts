// Docs examples that several rules show: the rule's point is then all an example spells out.

/**
 * A machine whose one state `T` is a Lambda task with `fields` (Retry, Catch, TimeoutSeconds…)
 * that ends, plus `others` (a catcher's target).
 */
export function lambdaTaskMachine(fields: Readonly<Record<string, unknown>>, others: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields, End: true }, ...others } };
}

/** A variable assigned by one state and read by the next: fine for every variable rule. */
export function assignThenRead(): Record<string, unknown> {
  return {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Assign: { greeting: 'hello' }, Next: 'Use' },
      Use: { Type: 'Pass', Parameters: { 'text.$': '$greeting' }, End: true },
    },
  };
}

/** A machine whose Choice state `C` has `choices`, each going to `A` or `B` (Default `A`, both Succeed). */
export function choiceMachine(choices: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  return { StartAt: 'C', States: { C: { Type: 'Choice', Choices: choices, Default: 'A' }, A: { Type: 'Succeed' }, B: { Type: 'Succeed' } } };
}
