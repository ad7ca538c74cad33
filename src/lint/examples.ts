/**
 * Docs examples of the error-handling and Task rules: a machine whose one state `T` is a Lambda
 * task with `fields` (Retry, Catch, TimeoutSeconds…) and that ends, plus `others` (a catcher's
 * target). The rule's point is then all the example spells out.
 */
export function lambdaTaskMachine(fields: Readonly<Record<string, unknown>>, others: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...fields, End: true }, ...others } };
}
