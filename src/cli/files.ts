import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CliIo } from './io.js';
import { describeIoError } from './io.js';

export interface Target {
  /** Absolute path, or '-' for standard input. */
  path: string;
  /** What the reports call it: relative to the working directory, forward slashes. */
  display: string;
  /** Named on the command line (a file or '-'), not found by searching a directory or matching a glob. */
  named: boolean;
}

export interface Collected {
  targets: Target[];
  /** One line each: a pattern that matched nothing, a path that does not exist, a directory that cannot be read. */
  errors: string[];
}

const DEFINITION_FILE = /\.asl\.(json|ya?ml)$/i;
const TEMPLATE_CANDIDATE = /\.(json|ya?ml|template)$/i;
const STATE_MACHINE_RESOURCE = /AWS::(StepFunctions|Serverless)::StateMachine/;
const GLOB_CHARS = /[*?]/;
/** More alternatives than any command line needs: `{a,b}` twenty times over would be a million globs. */
const MAX_ALTERNATIVES = 1024;

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path) || '.';
  return rel.split(sep).join('/');
}

/**
 * Expands `{a,b}` alternation (nested too) into the patterns it stands for, in order, as shells
 * and minimatch do: `*.{json,yml}` is `*.json` and `*.yml`. A brace without a comma is literal.
 * Undefined when there are more than MAX_ALTERNATIVES.
 */
export function expandBraces(pattern: string): string[] | undefined {
  const out: string[] = [];
  let leaves = 0;
  const expand = (item: string): boolean => {
    const group = firstAlternation(item);
    if (group === undefined) {
      if (!out.includes(item)) out.push(item);
      return ++leaves <= MAX_ALTERNATIVES;
    }
    return group.choices.every((choice) => expand(item.slice(0, group.start) + choice + item.slice(group.end)));
  };
  return expand(pattern) ? out : undefined;
}

/** The first `{…}` whose top level has a comma: its span and its choices. */
function firstAlternation(pattern: string): { start: number; end: number; choices: string[] } | undefined {
  for (let start = pattern.indexOf('{'); start !== -1; start = pattern.indexOf('{', start + 1)) {
    let depth = 0;
    let from = start + 1;
    const choices: string[] = [];
    for (let i = start; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        if (choices.length === 0) break;
        choices.push(pattern.slice(from, i));
        return { start, end: i + 1, choices };
      } else if (char === ',' && depth === 1) {
        choices.push(pattern.slice(from, i));
        from = i + 1;
      }
    }
  }
  return undefined;
}

/** `*` and `?` within one path segment, `**` across segments. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function skipDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Every file under dir (sorted, depth first), skipping node_modules and dot-directories. A
 * directory already walked under another name (a symbolic link back up the tree, or two links to
 * one place) is not walked again, so loops end and the search stays linear in the real tree.
 */
function walk(io: CliIo, dir: string, errors: string[], walked: Set<string> = new Set()): string[] {
  const real = io.realPath(dir);
  if (walked.has(real)) return [];
  walked.add(real);
  let names: string[];
  try {
    names = io.readDir(dir).sort();
  } catch (error) {
    errors.push(`cannot read directory '${displayPath(io.cwd, dir)}': ${describeIoError(error)}`);
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const kind = io.stat(path);
    if (kind === 'directory') {
      if (!skipDirectory(name)) files.push(...walk(io, path, errors, walked));
    } else if (kind === 'file') {
      files.push(path);
    }
  }
  return files;
}

/** Found by searching a directory: a definition by name, or a template by (cheap) content check. */
function isStateMachineFile(io: CliIo, path: string): boolean {
  if (DEFINITION_FILE.test(path)) return true;
  if (!TEMPLATE_CANDIDATE.test(path)) return false;
  try {
    return STATE_MACHINE_RESOURCE.test(io.readFile(path));
  } catch {
    // Unreadable: keep it, so the read error is reported where the file is linted.
    return true;
  }
}

/**
 * Turns the command line's paths into files: named files as they are, directories searched
 * for definitions and templates, globs matched against the files under their fixed prefix.
 * Each file comes once, in the order first found.
 */
export function collectTargets(io: CliIo, patterns: readonly string[]): Collected {
  const targets: Target[] = [];
  const errors: string[] = [];
  // By real path: a file reached through a symbolic link too is linted once, under its first name.
  const seen = new Map<string, Target>();
  const add = (path: string, named = false): void => {
    const key = path === '-' ? path : io.realPath(path);
    const known = seen.get(key);
    if (known !== undefined) {
      // Named anywhere on the command line, it is linted as given.
      known.named ||= named;
      return;
    }
    const target: Target = { path, display: path === '-' ? '<stdin>' : displayPath(io.cwd, path), named };
    seen.set(key, target);
    targets.push(target);
  };

  for (const pattern of patterns.length === 0 ? ['.'] : patterns) {
    if (pattern === '-') {
      add('-', true);
      continue;
    }
    const expanded = expandBraces(pattern);
    if (expanded === undefined) {
      errors.push(`'${pattern}' has more than ${MAX_ALTERNATIVES} {a,b} alternatives`);
      continue;
    }
    if (expanded.length > 1 || GLOB_CHARS.test(pattern)) {
      let matched = 0;
      for (const glob of expanded) {
        const found = GLOB_CHARS.test(glob) ? matchGlob(io, glob, errors) : existingFile(io, glob);
        matched += found.length;
        for (const file of found) add(file);
      }
      if (matched === 0) errors.push(`no files match '${pattern}'`);
      continue;
    }
    const path = isAbsolute(pattern) ? pattern : resolve(io.cwd, pattern);
    const kind = io.stat(path);
    if (kind === undefined) {
      errors.push(`cannot read '${pattern}': no such file or directory`);
    } else if (kind === 'file') {
      add(path, true);
    } else {
      const found = walk(io, path, errors).filter((file) => isStateMachineFile(io, file));
      if (found.length === 0) {
        errors.push(`no state machine definitions (*.asl.json, *.asl.yaml, *.asl.yml) or templates found in '${pattern}'`);
      }
      for (const file of found) add(file);
    }
  }
  return { targets, errors };
}

/** The files under a glob's fixed prefix that match the rest; none (and no error) when the prefix is no directory. */
function matchGlob(io: CliIo, glob: string, errors: string[]): string[] {
  const segments = glob.split(sep).join('/').split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = resolve(io.cwd, segments.slice(0, firstGlob).join('/') || '.');
  // 'nomatch/*.json' is one "no files match" line, not also a directory that cannot be read.
  if (io.stat(base) !== 'directory') return [];
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  return walk(io, base, errors).filter((file) => matcher.test(relative(base, file).split(sep).join('/')));
}

/** A brace choice without wildcards (`{a,b}.asl.json`) names a file that may or may not exist. */
function existingFile(io: CliIo, path: string): string[] {
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  return io.stat(absolute) === 'file' ? [absolute] : [];
}
