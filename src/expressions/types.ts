/**
 * Contracts shared by every expression language (paths, payload templates,
 * intrinsic functions, JSONata): compile once to a value or a list of issues,
 * then evaluate many times. Evaluation failures throw `StatesError` (from
 * definition/errors) carrying AWS's error name and cause text, without the
 * "An error occurred while executing the state ..." prefix, which the engine adds.
 */

/** A compile problem, as data. `offset` is a 0-based index into the expression text. */
export interface ExpressionIssue {
  message: string;
  offset?: number;
  /** AWS's code, where AWS has one (SCHEMA_VALIDATION_FAILED, INVALID_JSONATA_EXPRESSION, ...). */
  code?: string;
  /**
   * The parts of the message as data, for a caller that words its own: `detail` (a path's or
   * intrinsic's problem without the "Value is not a …" lead), `name` (what an expression refers to).
   */
  data?: Readonly<{ detail?: string; name?: string }>;
}

export type CompileResult<T> = { ok: true; value: T } | { ok: false; issues: ExpressionIssue[] };

/**
 * What an expression may read besides `$`: the context object (`$$` / `$states.context`),
 * the workflow variables visible to the state (looked up with `in`, so a scope may be an
 * object whose prototype is its parent scope), and an injected random source.
 */
export interface EvaluationEnv {
  context: unknown;
  variables: Readonly<Record<string, unknown>>;
  random: () => number;
}
