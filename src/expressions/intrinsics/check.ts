/**
 * Static checks on the AST, run once at compile time. Errors are what AWS refuses at
 * CreateStateMachine: an unknown function name (the parser and the AST builder report grammar,
 * escapes, paths and nesting). AWS's grammar knows the 18 names but not their signatures, so
 * everything else is a warning: AWS creates the machine and the call fails whenever it runs
 * (States.Runtime, `Invalid arguments in States.X`; recorded for argument counts, literal type
 * mismatches, a zero step and ranges over 1000 elements): the argument count, the types of
 * literal and nested-call arguments, each function's literal checks, unescaped braces outside
 * a States.Format template (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html) and a literal given to States.JsonToString.
 */
import type { CallNode, IntrinsicIssue, IntrinsicNode } from './ast.js';
import { INTRINSIC_FUNCTIONS, INTRINSIC_FUNCTIONS_BY_NAME, arityMismatch, describeType, jsonTypeOf, parameterType } from './functions.js';
import type { ArgumentType } from './functions.js';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known name closest to `name` (ignoring case and a missing `States.`), if close enough. */
export function suggestFunction(name: string): string | undefined {
  const wanted = (name.startsWith('States.') ? name : `States.${name}`).toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const fn of INTRINSIC_FUNCTIONS) {
    const distance = editDistance(wanted, fn.name.toLowerCase());
    if (distance <= 3 && (!best || distance < best.distance)) best = { name: fn.name, distance };
  }
  return best?.name;
}

function staticType(node: IntrinsicNode): ArgumentType | undefined {
  if (node.kind === 'literal') return jsonTypeOf(node.value);
  if (node.kind === 'call') return INTRINSIC_FUNCTIONS_BY_NAME.get(node.name)?.returns;
  return undefined;
}

function error(message: string, offset: number, check: IntrinsicIssue['check']): IntrinsicIssue {
  return { message, offset, code: 'SCHEMA_VALIDATION_FAILED', check };
}

function warning(message: string, offset: number, check: IntrinsicIssue['check']): IntrinsicIssue {
  return { message, offset, check };
}

export interface CheckOutcome {
  readonly issues: IntrinsicIssue[];
  readonly warnings: IntrinsicIssue[];
}

export function checkCall(call: CallNode, outcome: CheckOutcome): void {
  const fn = INTRINSIC_FUNCTIONS_BY_NAME.get(call.name);
  if (!fn) {
    const suggestion = suggestFunction(call.name);
    outcome.issues.push(
      error(`Unknown intrinsic function '${call.name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, call.offset, 'unknown-function'),
    );
  } else if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    outcome.warnings.push(warning(`${fn.name} ${arityMismatch(fn, call.args.length)}`, call.offset, 'arity'));
  } else {
    call.args.forEach((arg, index) => {
      const expected = parameterType(fn, index);
      const actual = staticType(arg);
      if (expected === 'any' || actual === undefined || actual === 'any' || actual === expected) return;
      const what = arg.kind === 'call' ? `${arg.name} returns ${describeType(actual)}` : `${describeType(actual)} was given`;
      outcome.warnings.push(warning(`${fn.name}: argument ${index + 1} must be ${describeType(expected)}, but ${what}`, arg.offset, 'argument-type'));
    });
    outcome.warnings.push(...(fn.checkLiterals?.(call) ?? []));
    const only = call.args[0];
    if (fn.name === 'States.JsonToString' && only?.kind === 'literal') {
      // https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html: the spec requires a path here and AWS's handling of a literal is unrecorded.
      outcome.warnings.push(warning('States.JsonToString expects a path argument; a literal argument is not documented', only.offset, 'literal-argument'));
    }
  }
  call.args.forEach((arg, index) => {
    if (arg.kind === 'call') checkCall(arg, outcome);
    // A Format template's lone braces are States.Format's own literal check (a sure failure).
    if (arg.kind !== 'literal' || !arg.string || (index === 0 && call.name === 'States.Format')) return;
    // One warning per literal, at its first brace: a JSON text would otherwise warn at every brace.
    const first = arg.string.unescapedBraces[0];
    if (first !== undefined) outcome.warnings.push(warning('Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', first, 'unescaped-brace'));
  });
}
