import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/engine.js';
import { lint } from '../../src/lint/index.js';
import { defineRule } from '../../src/lint/rule.js';

const good = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };

describe('lint', () => {
  it('passes a valid machine with no diagnostics', () => {
    expect(lint(good)).toEqual({ valid: true, diagnostics: [] });
    expect(lint(JSON.stringify(good), { filename: 'ok.asl.json' })).toEqual({ valid: true, diagnostics: [] });
  });

  it('gives each finding its rule, severity, AWS wording, pointer, place, code and file, sorted by place', () => {
    const text = [
      '{',
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": { "Type": "Pass", "Next": "Gone" },',
      '    "B": { "Type": "Pass", "Next": "A" }',
      '  }',
      '}',
    ].join('\n');
    expect(lint(text, { filename: 'm.asl.json' })).toEqual({
      valid: false,
      diagnostics: [
        {
          ruleId: 'require-terminal-state',
          severity: 'error',
          message: 'Workflow has no terminal state',
          pointer: '/States',
          line: 3,
          column: 3,
          code: 'MISSING_END_STATE',
          file: 'm.asl.json',
        },
        {
          ruleId: 'no-missing-transition-target',
          severity: 'error',
          message: "Missing 'Next' target: Gone",
          pointer: '/States/A/Next',
          line: 4,
          column: 36,
          code: 'MISSING_TRANSITION_TARGET',
          file: 'm.asl.json',
        },
        // No "State "B" is not reachable.": AWS suppresses it when the scope has no terminal state.
      ],
    });
  });

  it('reports each machine of a template under its resource name, with the template type', () => {
    const template = [
      'Resources:',
      '  First:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A: { Type: Pass, Next: B }',
      '          B: { Type: Succeed }',
      '          C: { Type: Succeed }',
      '  Second:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      StateMachineType: EXPRESS',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", End: true }',
    ].join('\n');
    const { diagnostics } = lint(template, { filename: 't.yaml' });
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.pointer, d.line, d.column, d.message])).toEqual([
      ['t.yaml#First', 'no-unreachable-state', '/States/C', 10, 11, 'State "C" is not reachable.'],
      [
        't.yaml#Second',
        'no-express-unsupported-resource',
        '/States/A/Resource',
        18,
        38,
        "Express state machine does not support '.sync' service integration",
      ],
    ]);
  });

  it('lints as EXPRESS when asked', () => {
    const machine = { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:x', End: true } } };
    expect(lint(machine).valid).toBe(true);
    expect(lint(machine, { type: 'EXPRESS' }).diagnostics.map((d) => d.message)).toEqual(['Express state machine does not support Activity ARN']);
  });

  describe('rule settings', () => {
    const loop = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' }, B: { Type: 'Succeed' } } };

    it('turns a rule off, down to a warning, or up to an error', () => {
      expect(lint(loop).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
        ['no-infinite-loop', 'warning'],
        ['no-unreachable-state', 'error'],
      ]);
      const result = lint(loop, { rules: { 'no-unreachable-state': 'warn', 'no-infinite-loop': 'error' } });
      expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
        ['no-infinite-loop', 'error'],
        ['no-unreachable-state', 'warning'],
      ]);
      expect(lint(loop, { rules: { 'no-unreachable-state': 'off', 'no-infinite-loop': 'off' } })).toEqual({ valid: true, diagnostics: [] });
    });

    it('applies to the schema findings too', () => {
      const bad = { StartAt: 'A', States: { A: { Type: 'Pass', End: true, Foo: 1 } } };
      expect(lint(bad).valid).toBe(false);
      expect(lint(bad, { rules: { schema: 'warn' } }).valid).toBe(true);
    });

    it('reports unknown rules and settings instead of ignoring them', () => {
      const result = lint(good, { rules: { 'no-such-rule': 'off', 'no-infinite-loop': 'loud' as 'off' } });
      expect(result.valid).toBe(false);
      expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
        ['lint-options', "Unknown rule 'no-such-rule' in options.rules"],
        ['lint-options', `Invalid setting "loud" for rule 'no-infinite-loop': use 'off', 'warn' or 'error'`],
      ]);
    });
  });

  describe('never throws on bad input', () => {
    it.each([
      ['an empty string', ''],
      ['text that is not JSON', '{"StartAt": '],
      ['null', null],
      ['a number', 42],
      ['an array', []],
      ['States that is not an object', { StartAt: 'A', States: 5 }],
      ['states that are not objects', { StartAt: 1, States: { A: 3, B: null, C: [] } }],
      ['a Type that is an Object.prototype name', { StartAt: 'A', States: { A: { Type: 'constructor', Next: 'toString' } } }],
      ['hostile nesting of Choice rules', { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [nestNot(5000)] } } }],
    ])('%s', (_name, input) => {
      const result = lint(input as object);
      expect(result.valid).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    });

    it('an object whose getters throw', () => {
      const hostile = {
        StartAt: 'A',
        get States(): never {
          throw new Error('boom');
        },
      };
      const result = lint(hostile);
      expect(result.valid).toBe(false);
      expect(result.diagnostics.find((d) => d.ruleId === 'lint')?.message).toBe('The definition could not be read: boom');
    });
  });

  it('never mutates the caller\'s object', () => {
    const definition = deepFreeze({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Y' } } }], End: true },
      },
    });
    expect(() => lint(definition)).not.toThrow();
  });
});

describe('runRules', () => {
  it('turns a rule that throws into an internal-error finding and keeps the other rules running', () => {
    const broken = defineRule({
      meta: {
        id: 'broken',
        description: 'Require nothing',
        severity: 'error',
        recommended: true,
        messages: { never: 'never' },
        docs: { rationale: 'test', valid: [], invalid: [] },
      },
      create() {
        return {
          state() {
            throw new Error('bug');
          },
        };
      },
    });
    const counting = defineRule({
      meta: { ...broken.meta, id: 'counting', messages: { seen: 'saw {{name}}' } },
      create(context) {
        return { state: (s) => context.report({ messageId: 'seen', pointer: s.pointer, data: { name: s.name } }) };
      },
    });
    const findings = runRules({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }, [broken, counting], {
      stateMachineType: 'STANDARD',
    });
    expect(findings.map((f) => [f.diagnostic.ruleId, f.diagnostic.message])).toEqual([
      ['broken', "Internal error in rule 'broken': bug. The definition was not fully checked by this rule; please report this."],
      ['counting', 'saw A'],
      ['counting', 'saw B'],
    ]);
  });
});

function nestNot(depth: number): Record<string, unknown> {
  let rule: Record<string, unknown> = { Variable: '$.x', TimestampEquals: 'nope' };
  for (let i = 0; i < depth; i++) rule = { Not: rule };
  return { ...rule, Next: 'C' };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

describe('lint options from plain JavaScript', () => {
  it.each([
    ['null options', null, []],
    ['a bad type', { type: 'express' }, [`Invalid options.type "express": use 'STANDARD' or 'EXPRESS'`]],
    ['a bad format', { format: 'xml' }, [`Invalid options.format "xml": use 'auto', 'json', 'yaml' or 'cloudformation'`]],
    ['rules that are not an object', { rules: 'all' }, [`options.rules must be an object of rule id to 'off' | 'warn' | 'error'`]],
  ])('%s: reported, never thrown', (_name, options, messages) => {
    const result = lint({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, options as never);
    expect(result.diagnostics.map((d) => d.message)).toEqual(messages);
    expect(result.valid).toBe(messages.length === 0);
  });
});
