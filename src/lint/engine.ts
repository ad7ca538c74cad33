import type { Diagnostic } from '../definition/diagnostic.js';
import type { StateMachineType } from '../definition/types.js';
import { walkDefinition, type DefinitionWalk } from '../definition/walk.js';
import type { ReportDescriptor, RuleContext, RuleListener, RuleModule, RuleSetting, Severity } from './rule.js';

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

/** One enabled rule during one run: its listener, and whether it has thrown. */
interface Running {
  readonly rule: RuleModule;
  listener: RuleListener;
  failed: boolean;
}

/**
 * The context of one rule in one run. `report` is a method, not a closure: a run creates no
 * function per rule, which is most of the cost of linting a small definition.
 */
class RuleRunContext implements RuleContext {
  constructor(
    readonly definition: unknown,
    readonly walk: DefinitionWalk,
    readonly stateMachineType: StateMachineType,
    private readonly meta: RuleModule['meta'],
    private readonly severity: Severity,
    private readonly findings: RuleFinding[],
  ) {}

  report(descriptor: ReportDescriptor<string>): void {
    const { meta } = this;
    const template = meta.messages[descriptor.messageId] ?? descriptor.messageId;
    const diagnostic: Diagnostic = {
      ruleId: meta.id,
      severity: this.severity,
      message: formatMessage(template, descriptor.data),
      pointer: descriptor.pointer,
    };
    if (meta.awsCode !== undefined) diagnostic.code = meta.awsCode;
    const finding: RuleFinding = { diagnostic, at: descriptor.at ?? 'value' };
    if (descriptor.index !== undefined) finding.index = descriptor.index;
    this.findings.push(finding);
  }
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
  // One list per listener kind, so that each state costs one call per rule that wants states.
  const onScope: Running[] = [];
  const onState: Running[] = [];
  const onEnd: Running[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options.settings);
    if (severity === undefined) continue;
    const running: Running = { rule, listener: {}, failed: false };
    try {
      running.listener = rule.create(new RuleRunContext(definition, walk, options.stateMachineType, rule.meta, severity, findings));
    } catch (error) {
      fail(running, error, findings);
      continue;
    }
    if (running.listener.scope !== undefined) onScope.push(running);
    if (running.listener.state !== undefined) onState.push(running);
    if (running.listener.end !== undefined) onEnd.push(running);
  }

  // Scope by scope (root first, then nested scopes in document order); a scope's
  // listener runs before its states.
  for (const scope of walk.scopes) {
    for (const running of onScope) {
      if (running.failed) continue;
      try {
        running.listener.scope?.(scope);
      } catch (error) {
        fail(running, error, findings);
      }
    }
    for (const walked of scope.walkedStates) {
      for (const running of onState) {
        if (running.failed) continue;
        try {
          running.listener.state?.(walked);
        } catch (error) {
          fail(running, error, findings);
        }
      }
    }
  }
  for (const running of onEnd) {
    if (running.failed) continue;
    try {
      running.listener.end?.();
    } catch (error) {
      fail(running, error, findings);
    }
  }
  return findings;
}

function fail(running: Running, error: unknown, findings: RuleFinding[]): void {
  running.failed = true;
  const reason = error instanceof Error ? error.message : String(error);
  findings.push({
    diagnostic: {
      ruleId: running.rule.meta.id,
      severity: 'error',
      message: `Internal error in rule '${running.rule.meta.id}': ${reason}. The definition was not fully checked by this rule; please report this.`,
      pointer: '',
    },
    at: 'value',
  });
}
