/**
 * compileIntrinsic: tokens -> CST -> AST -> static checks -> one closure per node. Compiling
 * happens once per definition; `evaluate` only walks the prebuilt closures.
 */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { StatesError } from '../../definition/errors.js';
import type { CompileResult, EvaluationEnv } from '../types.js';
import { buildAst } from './ast.js';
import type { CallNode, IntrinsicIssue, IntrinsicNode } from './ast.js';
import { checkCall } from './check.js';
import { INTRINSIC_FUNCTIONS_BY_NAME, arityMismatch, describeType, invalidArguments, jsonTypeOf, parameterType } from './functions.js';
import type { ArgumentType, IntrinsicFunction } from './functions.js';
import { parseIntrinsic } from './parser.js';
import { LParen, RParen, UnterminatedString, intrinsicLexer } from './tokens.js';

/** At most 10 levels of nested calls in one field (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html); the outermost call is level 1. */
export const MAX_NESTING = 10;

export interface CompiledIntrinsic {
  readonly text: string;
  /**
   * Findings that do not stop compilation: AWS accepts the definition, but the call fails
   * whenever it runs (literal argument types, a literal range over 1000 elements, ...) or
   * is questionable (unescaped braces, https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). Their `check` says which.
   */
  readonly warnings: readonly IntrinsicIssue[];
  /** The outermost call, for tools that inspect the expression (docs, lint). */
  readonly call: CallNode;
  /** What the outermost function returns ('any' when it depends on the data). */
  readonly returns: ArgumentType;
  /**
   * `input` is what `$` means for the field; `fieldName` (e.g. `value.$`) appears in the
   * missing-path message. Throws StatesError: `States.Runtime` for a missing path argument,
   * INTRINSIC_FAILURE_ERROR for invalid arguments.
   */
  evaluate(input: unknown, env: EvaluationEnv, fieldName: string): unknown;
}

type Evaluator = (input: unknown, env: EvaluationEnv, fieldName: string) => unknown;

function syntaxIssue(message: string, offset: number): IntrinsicIssue {
  return { message, offset, code: 'SCHEMA_VALIDATION_FAILED', check: 'syntax' };
}

function lexingIssue(text: string, error: ILexingError): IntrinsicIssue {
  return syntaxIssue(`Unexpected character '${text[error.offset] as string}'`, error.offset);
}

function parsingIssue(text: string, error: IRecognitionException): IntrinsicIssue {
  const offset = Number.isNaN(error.token.startOffset) ? text.length : error.token.startOffset;
  return syntaxIssue(error.message, offset);
}

/** Refuses deeper nesting before parsing, which also keeps the recursive parser's stack shallow. */
function nestingIssue(tokens: readonly IToken[]): IntrinsicIssue | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (token.tokenType === RParen) depth--;
    else if (token.tokenType === LParen && ++depth > MAX_NESTING) {
      const offset = tokens[i - 1]?.startOffset ?? token.startOffset;
      return { message: `Intrinsic functions may be nested at most ${MAX_NESTING} levels deep`, offset, code: 'SCHEMA_VALIDATION_FAILED', check: 'nesting' };
    }
  }
  return undefined;
}

function missingPath(path: string, fieldName: string, input: unknown): StatesError {
  return new StatesError(
    'States.Runtime',
    `The JSONPath '${path}' specified for the field '${fieldName}' could not be found in the input '${JSON.stringify(input)}'`,
  );
}

function typeMismatch(fn: IntrinsicFunction, index: number, expected: ArgumentType, value: unknown): StatesError {
  return invalidArguments(fn.name, `argument ${index + 1} must be ${describeType(expected)}, but was ${describeType(jsonTypeOf(value))}`);
}

function compileNode(node: IntrinsicNode): Evaluator {
  if (node.kind === 'literal') {
    const value = node.value;
    return () => value;
  }
  if (node.kind === 'path') {
    const path = node.compiled!;
    const text = node.text;
    return (input, env, fieldName) => {
      const value = path.evaluate(input, env);
      if (value === undefined) throw missingPath(text, fieldName, input);
      return value;
    };
  }
  const fn = INTRINSIC_FUNCTIONS_BY_NAME.get(node.name)!;
  const args = node.args.map(compileNode);
  const count = args.length;
  if (count < fn.minArgs || count > fn.maxArgs) {
    // AWS creates the machine and fails the call when it runs, after reading its arguments.
    const failure = invalidArguments(fn.name, arityMismatch(fn, count));
    return (input, env, fieldName) => {
      for (const arg of args) arg(input, env, fieldName);
      throw failure;
    };
  }
  const impl = fn.specialize?.(node.args) ?? fn.impl;
  const expected = node.args.map((_, index) => parameterType(fn, index));
  return (input, env, fieldName) => {
    const values = new Array<unknown>(count);
    for (let i = 0; i < count; i++) {
      const value = (args[i] as Evaluator)(input, env, fieldName);
      const type = expected[i] as ArgumentType;
      if (type !== 'any' && jsonTypeOf(value) !== type) throw typeMismatch(fn, i, type, value);
      values[i] = value;
    }
    return impl(values, env);
  };
}

/** Whether a `.$` value is meant as an intrinsic call rather than a path. */
export function isIntrinsicCall(text: string): boolean {
  return /^\s*States\./.test(text);
}

/** The message AWS gives for a `.$` field whose value is neither a path nor a valid intrinsic call. */
export function invalidIntrinsicFieldMessage(fieldName: string): string {
  return `The value for the field '${fieldName}' must be a valid JSONPath or a valid intrinsic function call`;
}

/**
 * Results by text: the linter's rules, payload templates and the interpreter all compile the
 * same strings, and a compiled intrinsic is immutable. Cleared when full, which bounds memory.
 */
const cache = new Map<string, CompileResult<CompiledIntrinsic>>();
const CACHE_LIMIT = 5000;

/**
 * Compiles an intrinsic call. `ok: false` only for what AWS refuses at CreateStateMachine
 * (grammar, illegal escapes, invalid path arguments, nesting, unknown names); the rest
 * are `warnings` on the compiled value, and the call raises States.Runtime when evaluated.
 */
export function compileIntrinsic(text: string): CompileResult<CompiledIntrinsic> {
  let result = cache.get(text);
  if (result === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    result = compileUncached(text);
    cache.set(text, result);
  }
  return result;
}

function compileUncached(text: string): CompileResult<CompiledIntrinsic> {
  const lexed = intrinsicLexer.tokenize(text);
  // After the first lexing error the lexer resynchronises on guesswork; later errors are noise.
  const lexError = lexed.errors[0];
  if (lexError) return { ok: false, issues: [lexingIssue(text, lexError)] };
  const unterminated = lexed.tokens.find((token) => token.tokenType === UnterminatedString);
  if (unterminated) return { ok: false, issues: [syntaxIssue('Unterminated string literal', unterminated.startOffset)] };
  const nesting = nestingIssue(lexed.tokens);
  if (nesting) return { ok: false, issues: [nesting] };
  const parsed = parseIntrinsic(lexed.tokens);
  if (parsed.errors.length > 0 || !parsed.cst) return { ok: false, issues: parsed.errors.map((error) => parsingIssue(text, error)) };

  const issues: IntrinsicIssue[] = [];
  const warnings: IntrinsicIssue[] = [];
  const call = buildAst(parsed.cst, issues);
  checkCall(call, { issues, warnings });
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.offset - b.offset) };

  const evaluate = compileNode(call);
  const returns = INTRINSIC_FUNCTIONS_BY_NAME.get(call.name)!.returns;
  warnings.sort((a, b) => a.offset - b.offset);
  return { ok: true, value: { text, warnings, call, returns, evaluate } };
}
