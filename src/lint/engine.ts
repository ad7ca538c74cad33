import type { Diagnostic } from '../definition/diagnostic.js';
import type { StateMachineType } from '../definition/types.js';
import { walkDefinition, type DefinitionWalk } from '../definition/walk.js';
import type { ReportDescriptor, RuleListener, RuleModule, RuleSetting, Severity } from './rule.js';

/** A rule finding before it is placed in the source: the rule chose key or value. */
export interface RuleFinding {
  diagnostic: Diagnostic;
  at: 'key' | 'value';
  /** A character index inside the string value at the pointer. */
  index?: number;
}

export interface RunOptions {
  stateMachineType: StateMachineType;
  /** Per-rule settings; a rule not named here runs when it is recommended, at its default severity. */
  settings?: Readonly<Record<string, RuleSetting>>;
}

/** The severity a rule runs at, or undefined when it is off. */
export function effectiveSeverity(rule: RuleModule, settings: Readonly<Record<string, RuleSetting>> | undefined): Severity | undefined {
  const setting = settings?.[rule.meta.id];
  if (setting === 'off') return undefined;
  if (setting === 'warn') return 'warning';
  if (setting === 'error') return 'error';
  return rule.meta.recommended ? rule.meta.severity : undefined;
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/**
 * Run the rules over one definition: one walk, every enabled rule's listeners called scope
 * by scope. A rule that throws is reported as an internal-error finding of that
 * rule and stops running for this definition; the linter itself never throws.
 */
export function runRules(definition: unknown, rules: readonly RuleModule[], options: RunOptions): RuleFinding[] {
  const findings: RuleFinding[] = [];
  let walk: DefinitionWalk;
  try {
    walk = walkDefinition(definition);
  } catch (error) {
    // Only an object whose property getters throw gets here: JSON data cannot.
    const reason = error instanceof Error ? error.message : String(error);
    findings.push({ diagnostic: { ruleId: 'lint', severity: 'error', message: `The definition could not be read: ${reason}`, pointer: '' }, at: 'value' });
    return findings;
  }
  const active: { rule: RuleModule; listener: RuleListener; failed: boolean }[] = [];

  const fail = (entry: { rule: RuleModule; failed: boolean }, error: unknown): void => {
    entry.failed = true;
    const reason = error instanceof Error ? error.message : String(error);
    findings.push({
      diagnostic: {
        ruleId: entry.rule.meta.id,
        severity: 'error',
        message: `Internal error in rule '${entry.rule.meta.id}': ${reason}. The definition was not fully checked by this rule; please report this.`,
        pointer: '',
      },
      at: 'value',
    });
  };

  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options.settings);
    if (severity === undefined) continue;
    const { meta } = rule;
    const entry = { rule, listener: {} as RuleListener, failed: false };
    const report = (descriptor: ReportDescriptor<string>): void => {
      const template = meta.messages[descriptor.messageId] ?? descriptor.messageId;
      const diagnostic: Diagnostic = {
        ruleId: meta.id,
        severity,
        message: formatMessage(template, descriptor.data),
        pointer: descriptor.pointer,
      };
      if (meta.awsCode !== undefined) diagnostic.code = meta.awsCode;
      const finding: RuleFinding = { diagnostic, at: descriptor.at ?? 'value' };
      if (descriptor.index !== undefined) finding.index = descriptor.index;
      findings.push(finding);
    };
    try {
      entry.listener = rule.create({ definition, walk, stateMachineType: options.stateMachineType, report });
      active.push(entry);
    } catch (error) {
      fail(entry, error);
    }
  }

  // One list per listener kind, so that each state costs one call per rule that wants states.
  const listeners = (kind: keyof RuleListener): { entry: (typeof active)[number]; fn: (arg: never) => void }[] =>
    active.flatMap((entry) => {
      const fn = entry.listener[kind];
      return fn === undefined ? [] : [{ entry, fn: fn.bind(entry.listener) as (arg: never) => void }];
    });
  const run = <T>(list: ReturnType<typeof listeners>, arg: T): void => {
    for (const { entry, fn } of list) {
      if (entry.failed) continue;
      try {
        (fn as (value: T) => void)(arg);
      } catch (error) {
        fail(entry, error);
      }
    }
  };
  const onScope = listeners('scope');
  const onState = listeners('state');
  const onEnd = listeners('end');

  // Scope by scope (root first, then nested scopes in document order); a scope's
  // listener runs before its states.
  for (const scope of walk.scopes) {
    run(onScope, scope);
    for (const walked of scope.walkedStates) run(onState, walked);
  }
  run(onEnd, undefined);
  return findings;
}
