import type { RuleSetting } from '../lint/rule.js';
import type { FormatterName } from '../lint/formatters/index.js';
import { isFormatterName } from '../lint/formatters/index.js';

export interface LintCommand {
  command: 'lint';
  patterns: string[];
  format: FormatterName;
  maxWarnings: number;
  quiet: boolean;
  rules: Record<string, RuleSetting>;
  type?: 'STANDARD' | 'EXPRESS';
  color: boolean;
  /** Print the stack of an internal error (a bug in aslkit) after its one line. */
  debug: boolean;
}

export type Command = LintCommand | { command: 'help' } | { command: 'version' };

export type ParseResult = { ok: true; value: Command } | { ok: false; error: string };

export const USAGE = `Usage: aslkit lint [files | directories | globs ...] [options]

Lints Amazon States Language definitions (*.asl.json, *.asl.yaml, *.asl.yml) and the state
machines of CloudFormation/SAM templates. With no paths, searches the current directory;
'-' reads standard input.

Options:
  --format stylish|json|sarif|github  output format (default: stylish)
  --max-warnings N                    exit 1 when there are more than N warnings
  --quiet                             report errors only
  --rule id=off|warn|error            change one rule's severity (repeatable)
  --type STANDARD|EXPRESS             the state machine type (default: STANDARD)
  --no-color                          plain output (also NO_COLOR, or when not a terminal)
  --debug                             print the stack trace of an internal error
  -h, --help                          print this help
  -v, --version                       print the version

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage or I/O error.
`;

const SETTINGS: readonly string[] = ['off', 'warn', 'error'];

/** Parses argv (without node and the script). Knows nothing about files or rule ids. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });
  const [command, ...rest] = argv;
  if (command === undefined) return fail(`missing command; run 'aslkit --help' for usage`);
  if (command === '-h' || command === '--help' || command === 'help') return { ok: true, value: { command: 'help' } };
  if (command === '-v' || command === '--version') return { ok: true, value: { command: 'version' } };
  if (command !== 'lint') return fail(`unknown command '${command}'; run 'aslkit --help' for usage`);

  // No prototype: `--rule __proto__=off` is a key like any other, and so an unknown rule.
  const rules = Object.create(null) as Record<string, RuleSetting>;
  const result: LintCommand = { command: 'lint', patterns: [], format: 'stylish', maxWarnings: -1, quiet: false, rules, color: true, debug: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--') {
      result.patterns.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      result.patterns.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string | undefined => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = rest[i + 1];
      if (next === undefined) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        return { ok: true, value: { command: 'help' } };
      case '--quiet':
        result.quiet = true;
        break;
      case '--no-color':
        result.color = false;
        break;
      case '--debug':
        result.debug = true;
        break;
      case '--format': {
        const value = takeValue();
        if (value === undefined || !isFormatterName(value)) {
          return fail(`--format must be one of stylish, json, sarif, github${value === undefined ? '' : ` (got '${value}')`}`);
        }
        result.format = value;
        break;
      }
      case '--max-warnings': {
        const value = takeValue();
        if (value === undefined || !/^(-1|\d+)$/.test(value)) {
          return fail(`--max-warnings needs a whole number${value === undefined ? '' : ` (got '${value}')`}`);
        }
        result.maxWarnings = Number(value);
        break;
      }
      case '--type': {
        // As the AWS CLI spells it, but lenient: lint() itself takes only the uppercase names.
        const value = takeValue();
        const type = value?.toUpperCase();
        if (type !== 'STANDARD' && type !== 'EXPRESS') {
          return fail(`--type must be STANDARD or EXPRESS${value === undefined ? '' : ` (got '${value}')`}`);
        }
        result.type = type;
        break;
      }
      case '--rule': {
        const value = takeValue();
        if (value === undefined) return fail(`--rule needs id=off|warn|error`);
        for (const entry of value.split(',')) {
          const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(entry);
          if (!match || !SETTINGS.includes(match[2] as string)) {
            return fail(`--rule needs id=off|warn|error (got '${entry}')`);
          }
          result.rules[match[1] as string] = match[2] as RuleSetting;
        }
        break;
      }
      default:
        return fail(`unknown option '${name}'; run 'aslkit --help' for usage`);
    }
  }
  return { ok: true, value: result };
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The closest known id, when it is close enough to be a typo. */
export function didYouMean(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
