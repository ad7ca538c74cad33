import { StatesError } from '../../definition/errors.js';
import type { ChoiceRuleBase, ChoiceState } from '../../definition/types.js';
import { compileStringMatches } from '../../expressions/string-matches.js';
import type { EvaluationEnv } from '../../expressions/types.js';
import { CompileFailure, inputPath, optionalPath, optionalTemplate, outputPath, readPath, requiredPath } from '../io/expressions.js';
import type { CompiledTemplate } from '../io/expressions.js';
import { parseTimestamp } from '../io/timestamp.js';
import type { CompileContext, CompiledState, Step, Thread } from '../runtime.js';
import type { JsonataBindings } from '../../expressions/jsonata/index.js';
import { bindings, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import type { CompiledJsonataTemplate, TypedField } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';

/** A compiled JSONPath Choice condition over the effective input. */
export type Condition = (input: unknown, env: EvaluationEnv) => boolean;

type Compare = (a: unknown, b: unknown) => boolean;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

function strings(test: (a: string, b: string) => boolean): Compare {
  return (a, b) => isString(a) && isString(b) && test(a, b);
}
function numbers(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => isNumber(a) && isNumber(b) && test(a, b);
}
function timestamps(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => {
    if (!isString(a) || !isString(b)) return false;
    const x = parseTimestamp(a);
    const y = parseTimestamp(b);
    return x !== undefined && y !== undefined && test(x, y);
  };
}

/** Code-point order, as AWS compares strings (no locale, no normalisation). */
function codePointCompare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The binary comparison families of https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html; each also has a `…Path` twin. */
const COMPARISONS: Record<string, Compare> = {
  StringEquals: strings((a, b) => a === b),
  StringLessThan: strings((a, b) => codePointCompare(a, b) < 0),
  StringGreaterThan: strings((a, b) => codePointCompare(a, b) > 0),
  StringLessThanEquals: strings((a, b) => codePointCompare(a, b) <= 0),
  StringGreaterThanEquals: strings((a, b) => codePointCompare(a, b) >= 0),
  NumericEquals: numbers((a, b) => a === b),
  NumericLessThan: numbers((a, b) => a < b),
  NumericGreaterThan: numbers((a, b) => a > b),
  NumericLessThanEquals: numbers((a, b) => a <= b),
  NumericGreaterThanEquals: numbers((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && typeof b === 'boolean' && a === b,
  TimestampEquals: timestamps((a, b) => a === b),
  TimestampLessThan: timestamps((a, b) => a < b),
  TimestampGreaterThan: timestamps((a, b) => a > b),
  TimestampLessThanEquals: timestamps((a, b) => a <= b),
  TimestampGreaterThanEquals: timestamps((a, b) => a >= b),
};

const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  IsNull: (v) => v === null,
  IsNumeric: isNumber,
  IsString: isString,
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => isString(v) && parseTimestamp(v) !== undefined,
};

function invalidPath(path: string): StatesError {
  return new StatesError('States.Runtime', `Invalid path '${path}': The choice state's condition path references an invalid value.`);
}

export function compileCondition(rule: ChoiceRuleBase, at: string): Condition {
  if (rule.And) {
    const parts = rule.And.map((r, i) => compileCondition(r, `${at}/And/${i}`));
    return (input, env) => parts.every((p) => p(input, env));
  }
  if (rule.Or) {
    const parts = rule.Or.map((r, i) => compileCondition(r, `${at}/Or/${i}`));
    return (input, env) => parts.some((p) => p(input, env));
  }
  if (rule.Not) {
    const inner = compileCondition(rule.Not, `${at}/Not`);
    return (input, env) => !inner(input, env);
  }
  const variableText = rule.Variable ?? '$';
  const variable = requiredPath(variableText, 'ReferencePath', `${at}/Variable`);
  for (const [key, operand] of Object.entries(rule)) {
    if (key === 'Variable' || key === 'Next' || key === 'Comment' || key === 'Assign' || key === 'Output') continue;
    if (key === 'IsPresent') {
      return (input, env) => (readPath(variable, input, env) !== undefined) === operand;
    }
    const read = (input: unknown, env: EvaluationEnv): unknown => {
      const value = readPath(variable, input, env);
      if (value === undefined) throw invalidPath(variableText);
      return value;
    };
    const typeTest = TYPE_TESTS[key];
    if (typeTest) return (input, env) => typeTest(read(input, env)) === operand;
    if (key === 'StringMatches') {
      const matches = compileStringMatches(String(operand));
      return (input, env) => {
        const v = read(input, env);
        return isString(v) && matches(v);
      };
    }
    if (key.endsWith('Path') && COMPARISONS[key.slice(0, -4)]) {
      const compare = COMPARISONS[key.slice(0, -4)]!;
      const otherText = String(operand);
      const other = requiredPath(otherText, 'ReferencePath', `${at}/${key}`);
      return (input, env) => {
        const v = read(input, env);
        const o = readPath(other, input, env);
        if (o === undefined) throw invalidPath(otherText);
        return compare(v, o);
      };
    }
    const compare = COMPARISONS[key];
    if (compare) return (input, env) => compare(read(input, env), operand);
  }
  throw new CompileFailure(at, 'A Choice rule needs Variable and one comparison operator, or And, Or or Not');
}

interface CompiledRule {
  condition: Condition;
  nextName: string;
  assign: CompiledTemplate | undefined;
}

/** Choice: the first matching rule's Next, else Default, else States.NoChoiceMatched (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). */
export function compileChoice(name: string, def: ChoiceState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') return compileJsonataChoice(name, def, cc, at);
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const rules: CompiledRule[] = def.Choices.map((rule, i) => ({
    condition: compileCondition(rule, `${at}/Choices/${i}`),
    nextName: rule.Next,
    assign: optionalTemplate(rule.Assign, 'Assign', `${at}/Choices/${i}/Assign`),
  }));
  const base = baseFields(name, def, cc);
  for (const r of rules) base.targets.set(r.nextName, null);
  if (def.Default !== undefined) base.targets.set(def.Default, null);
  // Object.assign, not a spread: on Node 20 a spread then more properties costs 1-3 µs per state.
  const state: CompiledState = Object.assign(base, {
    run(t: Thread, raw: unknown): Step {
      prepareEnv(t, state);
      const env = t.env;
      const effective = inputPath(input, raw, env);
      let chosen: string | undefined;
      let chosenAssign = assign;
      for (const rule of rules) {
        if (rule.condition(effective, env)) {
          chosen = rule.nextName;
          chosenAssign = rule.assign;
          break;
        }
      }
      if (chosen === undefined) {
        if (def.Default === undefined) {
          throw new StatesError('States.NoChoiceMatched', `No Matches!`);
        }
        chosen = def.Default;
      }
      const assigned = chosenAssign !== undefined ? (chosenAssign.evaluate(effective, env) as Record<string, unknown>) : undefined;
      return { output: outputPath(output, effective, env), next: state.targets.get(chosen) ?? null, assigned };
    },
  });
  return state;
}

interface JsonataRule {
  condition: TypedField;
  nextName: string;
  assign: CompiledJsonataTemplate | undefined;
  output: CompiledJsonataTemplate | undefined;
}

/**
 * JSONata Choice (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html): the first rule whose Condition is true; its Assign and Output,
 * or the state-level ones when Default is taken. A non-boolean Condition is
 * States.QueryEvaluationError.
 */
function compileJsonataChoice(name: string, def: ChoiceState, cc: CompileContext, at: string): CompiledState {
  const assign = optionalJsonataTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const output = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
  const rules: JsonataRule[] = def.Choices.map((rule, i) => ({
    condition: typedField(rule.Condition, 'Condition', 'boolean', `${at}/Choices/${i}/Condition`)!,
    nextName: rule.Next,
    assign: optionalJsonataTemplate(rule.Assign, 'Assign', `${at}/Choices/${i}/Assign`),
    output: optionalJsonataTemplate(rule.Output, 'Output', `${at}/Choices/${i}/Output`),
  }));
  const base = baseFields(name, def, cc);
  for (const r of rules) base.targets.set(r.nextName, null);
  if (def.Default !== undefined) base.targets.set(def.Default, null);
  /** The chosen rule's (or, on Default, the state's) Assign, Next and Output. */
  const choose = (rule: JsonataRule | undefined, t: Thread, b: JsonataBindings, raw: unknown): Step | Promise<Step> => {
    if (rule === undefined && def.Default === undefined) throw new StatesError('States.NoChoiceMatched', 'No Matches!');
    const chosenAssign = rule ? rule.assign : assign;
    const chosenOutput = rule ? rule.output : output;
    const next = state.targets.get(rule ? rule.nextName : def.Default!) ?? null;
    if (chosenAssign === undefined) return finishChoice(chosenOutput, b, raw, next, undefined);
    const assigned = chosenAssign.evaluate(b);
    if (assigned instanceof Promise) {
      return assigned.then((value) => finishChoice(chosenOutput, b, raw, next, value as Record<string, unknown>));
    }
    return finishChoice(chosenOutput, b, raw, next, assigned as Record<string, unknown>);
  };
  /** The rest of the rules once one condition needed jsonata itself. */
  const decideAsync = async (first: Promise<unknown>, from: number, t: Thread, b: JsonataBindings, raw: unknown): Promise<Step> => {
    if ((await first) === true) return choose(rules[from], t, b, raw);
    for (let i = from + 1; i < rules.length; i++) {
      if ((await rules[i]!.condition.evaluate(b)) === true) return choose(rules[i], t, b, raw);
    }
    return choose(undefined, t, b, raw);
  };
  // Object.assign, not a spread: on Node 20 a spread then more properties costs 1-3 µs per state.
  const state: CompiledState = Object.assign(base, {
    // Synchronous while the conditions are (no closure per run).
    run(t: Thread, raw: unknown): Step | Promise<Step> {
      prepareEnv(t, state);
      const b = bindings(t, raw);
      for (let i = 0; i < rules.length; i++) {
        const matched = rules[i]!.condition.evaluate(b);
        if (matched instanceof Promise) return decideAsync(matched, i, t, b, raw);
        if (matched === true) return choose(rules[i], t, b, raw);
      }
      return choose(undefined, t, b, raw);
    },
  });
  return state;
}

/**
 * The step once the chosen Assign is known; Output is evaluated after it. A function of its
 * own, not a closure per run: a Choice in a loop runs it at every iteration.
 */
function finishChoice(
  output: CompiledJsonataTemplate | undefined,
  b: JsonataBindings,
  raw: unknown,
  next: CompiledState | null,
  assigned: Record<string, unknown> | undefined,
): Step | Promise<Step> {
  if (output === undefined) return { output: raw, next, assigned };
  const value = output.evaluate(b);
  if (value instanceof Promise) return value.then((v) => ({ output: v, next, assigned }));
  return { output: value, next, assigned };
}
