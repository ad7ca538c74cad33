import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../definition/diagnostic.js';
import { oversizedSource } from '../definition/load.js';
import { CONFIGURABLE_NON_RULES, formatters, NON_RULES } from '../lint/formatters/index.js';
import type { FileResult, RuleDescriptor } from '../lint/formatters/index.js';
import { lint, ruleDocsUrl } from '../lint/index.js';
import type { LintResult } from '../lint/index.js';
import { rules } from '../lint/rules/index.js';
import type { LintCommand } from './args.js';
import { didYouMean, parseArgs, USAGE } from './args.js';
import { collectTargets } from './files.js';
import type { Target } from './files.js';
import type { CliIo } from './io.js';
import { describeIoError, MAX_FILE_BYTES, nodeIo, NotUtf8, TooLarge } from './io.js';

export type { CliIo } from './io.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

/**
 * The `aslkit` command. Returns the exit code: 0 clean, 1 errors or more warnings than
 * --max-warnings, 2 usage or I/O error. Never throws: every failure is one line on stderr.
 */
export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return usageError(io, parsed.error);
    switch (parsed.value.command) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case 'version':
        io.stdout(`${io.version}\n`);
        return EXIT_OK;
      case 'lint':
        return await runLint(parsed.value, io);
    }
  } catch (error) {
    io.stderr(`aslkit: internal error: ${describeError(error)}\n`);
    if (argv.includes('--debug')) io.stderr(stackOf(error));
    return EXIT_USAGE;
  }
}

/** One line for any thrown value, even one whose message or toString throws. */
function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unprintable value was thrown';
  }
}

/** The stack --debug prints, each line prefixed so that stderr stays `aslkit: ` lines. */
function stackOf(error: unknown): string {
  let stack: unknown;
  try {
    stack = error instanceof Error ? error.stack : undefined;
  } catch {
    stack = undefined;
  }
  if (typeof stack !== 'string') return '';
  return stack
    .split('\n')
    .map((line) => `aslkit: debug: ${line}\n`)
    .join('');
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`aslkit: ${message}\n`);
  return EXIT_USAGE;
}

function checkRuleIds(command: LintCommand): string | undefined {
  const known = [...new Set([...rules.map((rule) => rule.meta.id), ...CONFIGURABLE_NON_RULES])];
  for (const id of Object.keys(command.rules)) {
    if (known.includes(id)) continue;
    const suggestion = didYouMean(id, known);
    return `unknown rule '${id}' in --rule${suggestion === undefined ? '.' : `; did you mean '${suggestion}'?`} Valid rules are: ${known.join(', ')}`;
  }
  return undefined;
}

async function readTarget(io: CliIo, target: Target): Promise<string> {
  return target.path === '-' ? await io.readStdin() : io.readFile(target.path);
}

/** A file lint() cannot be given (too large, not UTF-8) is a finding about the file, not an I/O error. */
function unreadableSource(error: unknown, file: string): Diagnostic | undefined {
  if (error instanceof TooLarge) return oversizedSource(`${error.bytes} bytes`, `${MAX_FILE_BYTES} bytes`, file);
  if (error instanceof NotUtf8) {
    return {
      ruleId: 'parse',
      severity: 'error',
      message: `The file is ${error.message}; definitions and templates are UTF-8 text`,
      pointer: '',
      code: 'INVALID_JSON_DESCRIPTION',
      line: error.line,
      column: error.column,
      file,
    };
  }
  return undefined;
}

/** One target's findings, or the one line that says why it could not be linted. */
async function lintTarget(command: LintCommand, io: CliIo, target: Target): Promise<{ result: FileResult } | { error: string }> {
  let source: string;
  try {
    source = await readTarget(io, target);
  } catch (error) {
    const finding = unreadableSource(error, target.display);
    if (finding !== undefined) return { result: { file: target.display, diagnostics: [finding] } };
    return { error: `cannot read '${target.display}': ${describeIoError(error)}` };
  }
  const base = target.path === '-' ? io.cwd : dirname(target.path);
  let linted: LintResult;
  try {
    linted = lint(source, {
      filename: target.display,
      format: 'auto',
      ...(command.type === undefined ? {} : { type: command.type }),
      rules: command.rules,
      // A template's DefinitionUri is relative to the template.
      readFile: (path) => {
        try {
          return io.readFile(resolve(base, path));
        } catch (error) {
          throw new Error(describeIoError(error));
        }
      },
    });
  } catch (error) {
    if (command.debug) io.stderr(stackOf(error));
    return { error: `internal error while linting '${target.display}': ${describeError(error)}` };
  }
  const diagnostics = command.quiet ? linted.diagnostics.filter((d) => d.severity === 'error') : linted.diagnostics;
  return {
    result: {
      file: target.display,
      diagnostics,
      ...(linted.definitionFiles === undefined ? {} : { definitionFiles: linted.definitionFiles }),
    },
  };
}

async function runLint(command: LintCommand, io: CliIo): Promise<number> {
  const ruleError = checkRuleIds(command);
  if (ruleError !== undefined) return usageError(io, ruleError);

  const { targets, errors } = collectTargets(io, command.patterns);
  if (errors.length > 0 && targets.length === 0) {
    for (const error of errors) io.stderr(`aslkit: ${error}\n`);
    return EXIT_USAGE;
  }

  const outcomes: { target: Target; result?: FileResult; error?: string }[] = [];
  for (const target of targets) outcomes.push({ target, ...(await lintTarget(command, io, target)) });

  // A file that a template reads through DefinitionUri and that a search or glob also found is
  // reported through the template only, where its placeholders are substituted the template's way.
  // A template read by another (a mistake) still reads its own files, so nothing drops out twice.
  const readBy = new Map<string, Target[]>();
  for (const { target, result } of outcomes) {
    for (const file of Object.keys(result?.definitionFiles ?? {})) {
      const path = resolve(io.cwd, file);
      readBy.set(path, [...(readBy.get(path) ?? []), target]);
    }
  }
  const throughTemplate = (target: Target): boolean =>
    !target.named && (readBy.get(target.path) ?? []).some((reader) => reader !== target && !readBy.has(reader.path));

  const results: FileResult[] = [];
  for (const { target, result, error } of outcomes) {
    if (throughTemplate(target)) continue;
    if (error !== undefined) errors.push(error);
    if (result !== undefined) results.push(result);
  }

  const color = command.color && io.isTTY && !io.env['NO_COLOR'];
  io.stdout(
    formatters[command.format](results, {
      color,
      toolVersion: io.version,
      rules: [
        ...rules.map((rule) => ({ id: rule.meta.id, description: rule.meta.description, helpUri: ruleDocsUrl(rule.meta.id) })),
        ...NON_RULES.map((meta) => ({ id: meta.id, description: meta.description, helpUri: ruleDocsUrl(meta.id) })),
      ],
    }),
  );
  for (const error of errors) io.stderr(`aslkit: ${error}\n`);
  if (errors.length > 0) return EXIT_USAGE;

  const all = results.flatMap((result) => result.diagnostics);
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (all.some((d) => d.severity === 'error')) return EXIT_FINDINGS;
  if (command.maxWarnings >= 0 && warnings > command.maxWarnings) {
    io.stderr(`aslkit: too many warnings (${warnings}, --max-warnings ${command.maxWarnings})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
