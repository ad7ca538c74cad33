import type { DefinitionWalk, Scope, WalkedState } from '../definition/walk.js';
import type { QueryLanguage, StateMachineType } from '../definition/types.js';

/**
 * A lint rule: metadata (the one source for docs/rules/<id>.md and the README table)
 * plus `create(context)`, which returns listeners. The engine walks each definition
 * once (src/definition/walk.ts) and calls every enabled rule's listeners scope by scope,
 * so a rule is linear as long as each listener only looks at what it is given. Per-scope
 * graph facts (transitions, terminal states, reachability) are built once and shared:
 * src/lint/graph.ts.
 *
 * THE EXPRESSION SEAM. Rules that check expressions (paths, payload templates,
 * intrinsics, JSONata, variables) are each one more file in rules/: they implement
 * `state(state)`, read `state.queryLanguage` (the effective query language,
 * https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html) to decide how a field is to be read, compile the field with src/expressions,
 * and report each issue at the field's pointer. Nothing in the engine needs to change
 * for them: `context.walk` also gives the scopes (for variable visibility, https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html) and
 * `scope(scope)` runs before the states of each scope. A sketch:
 *
 *   export default defineRule({
 *     meta: { id: 'valid-input-path', messages: { invalid: '{{detail}}' }, ... },
 *     create(context) {
 *       return {
 *         state({ state, pointer, queryLanguage }) {
 *           if (queryLanguage !== 'JSONPath' || typeof state['InputPath'] !== 'string') return;
 *           const compiled = compilePath(state['InputPath']);        // from src/expressions
 *           if (!compiled.ok) for (const issue of compiled.issues)
 *             context.report({ messageId: 'invalid', pointer: `${pointer}/InputPath`, data: { detail: issue.message } });
 *         },
 *       };
 *     },
 *   });
 *
 * Choice rules and catchers take the query language of their state; Parallel branches and
 * Map processors are scopes whose states carry their own (never the enclosing state's).
 */

export type Severity = 'error' | 'warning';
export type RuleSetting = 'off' | 'warn' | 'error';

/** An ASL example for the docs and the structure test. */
export interface RuleExample {
  /** One short sentence shown above the example. */
  title?: string;
  definition: Readonly<Record<string, unknown>>;
  /** The machine type the example is linted as (STANDARD by default). */
  type?: StateMachineType;
}

export interface RuleMeta<MessageIds extends string = string> {
  /** kebab-case, equal to the file name under src/lint/rules/. */
  id: string;
  /** One sentence starting with Disallow, Require or Enforce. */
  description: string;
  /** Default severity. */
  severity: Severity;
  /** On by default. */
  recommended: boolean;
  /** AWS's diagnostic code, where AWS has one. */
  awsCode?: string;
  /** Message texts with {{placeholders}}; AWS's wording where it is known. */
  messages: Readonly<Record<MessageIds, string>>;
  docs: {
    /** Why the rule exists, in a sentence or two (Markdown). */
    rationale: string;
    valid: readonly RuleExample[];
    invalid: readonly RuleExample[];
  };
}

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  /** RFC 6901 pointer into the definition. */
  pointer: string;
  data?: Readonly<Record<string, string | number>>;
  /** Locate the finding at the property name ('key') or at the value ('value', the default). */
  at?: 'key' | 'value';
  /**
   * For a string value: the 0-based index of the character the finding is about (a JSONata
   * syntax error, a bad intrinsic argument). Placed there when the source allows, else at the value.
   */
  index?: number;
}

export interface RuleContext<MessageIds extends string = string> {
  /** The definition as loaded (unvalidated; treat every field as unknown). */
  readonly definition: unknown;
  /** The scoped walk of the definition, shared by all rules. */
  readonly walk: DefinitionWalk;
  /** STANDARD unless the template or the caller says EXPRESS. */
  readonly stateMachineType: StateMachineType;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** Called by the engine; each listener is optional. */
export interface RuleListener {
  /** Once per scope, before its states. */
  scope?(scope: Scope): void;
  /** Once per state object, in document order within its scope. */
  state?(state: WalkedState): void;
  /** After the whole walk. */
  end?(): void;
}

export interface RuleModule<MessageIds extends string = string> {
  meta: RuleMeta<MessageIds>;
  create(context: RuleContext<MessageIds>): RuleListener;
}

/** Typed rule definition: `report({ messageId })` fails to compile on an unknown id. */
export function defineRule<MessageIds extends string>(rule: RuleModule<MessageIds>): RuleModule<MessageIds> {
  return rule;
}

export type { DefinitionWalk, QueryLanguage, Scope, WalkedState };
