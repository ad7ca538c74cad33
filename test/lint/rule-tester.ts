import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/definition/diagnostic.js';
import { formatMessage } from '../../src/lint/engine.js';
import { lint } from '../../src/lint/index.js';
import type { RuleModule, RuleSetting } from '../../src/lint/rule.js';
import { rules } from '../../src/lint/rules/index.js';

/**
 * ESLint RuleTester style: each case is linted with only the rule under test enabled
 * (schema and other rules off), and every finding must be accounted for.
 * `code` is YAML or JSON text, so lines and columns are those of the text as written.
 */
export interface ValidCase {
  name?: string;
  code: string;
  type?: 'STANDARD' | 'EXPRESS';
}

export interface ExpectedError<MessageIds extends string> {
  messageId: MessageIds;
  pointer: string;
  line: number;
  column: number;
  /** When given, the message must equal the template filled with it. */
  data?: Record<string, string | number>;
}

export interface InvalidCase<MessageIds extends string> extends ValidCase {
  errors: ExpectedError<MessageIds>[];
}

export function lintWithOnly(rule: RuleModule, code: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Diagnostic[] {
  const settings: Record<string, RuleSetting> = { schema: 'off' };
  for (const other of rules) settings[other.meta.id] = other === rule ? 'error' : 'off';
  // lint() runs registered rules only.
  if (!rules.includes(rule)) throw new Error(`rule ${rule.meta.id} is not in the registry`);
  return lint(code, { type, rules: settings }).diagnostics;
}

/** The message template as a pattern: each placeholder matches any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]+?')}$`);
}

export function ruleTester<MessageIds extends string>(
  rule: RuleModule<MessageIds>,
  cases: { valid: ValidCase[]; invalid: InvalidCase<MessageIds>[] },
): void {
  const { meta } = rule;
  const seen = new Set<string>();
  const key = (c: ValidCase): string => `${c.type ?? 'STANDARD'}\n${c.code}`;
  for (const c of [...cases.valid, ...cases.invalid]) {
    if (seen.has(key(c))) throw new Error(`${meta.id}: duplicate test case:\n${c.code}`);
    seen.add(key(c));
  }

  describe(meta.id, () => {
    describe('valid', () => {
      for (const [i, c] of cases.valid.entries()) {
        it(c.name ?? `valid #${i + 1}`, () => {
          const findings = lintWithOnly(rule as RuleModule, c.code, c.type).filter((d) => d.ruleId === meta.id);
          expect(findings).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const [i, c] of cases.invalid.entries()) {
        it(c.name ?? `invalid #${i + 1}`, () => {
          expect(c.errors.length, 'an invalid case names at least one error').toBeGreaterThan(0);
          const findings = lintWithOnly(rule as RuleModule, c.code, c.type).filter((d) => d.ruleId === meta.id);
          for (const finding of findings) {
            expect(finding.message, 'every placeholder is filled').not.toMatch(/\{\{\s*\w+\s*\}\}/);
            expect(finding.severity).toBe('error');
            expect(finding.code).toBe(meta.awsCode);
          }
          const actual = findings.map((f) => ({ message: f.message, pointer: f.pointer, line: f.line, column: f.column }));
          const expected = c.errors.map((e) => {
            const template = (meta.messages as Record<string, string>)[e.messageId];
            if (template === undefined) throw new Error(`${meta.id}: unknown messageId '${e.messageId}'`);
            if (e.data !== undefined) {
              const message = formatMessage(template, e.data);
              if (/\{\{\s*\w+\s*\}\}/.test(message)) throw new Error(`${meta.id}: data leaves a placeholder unfilled in '${e.messageId}'`);
            }
            return {
              message: e.data === undefined ? expect.stringMatching(templatePattern(template)) : formatMessage(template, e.data),
              pointer: e.pointer,
              line: e.line,
              column: e.column,
            };
          });
          expect(actual).toEqual(expected);
        });
      }
    });
  });
}
