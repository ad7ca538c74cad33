import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export type Kind = 'lint' | 'realworld' | 'validation' | 'exec' | 'teststate';

/** A corpus to run; `entry` narrows a lint corpus to one fixture (its manifest `file`). */
export interface Corpus {
  kind: Kind;
  path: string;
  entry?: string;
}

/**
 * A folder with manifest.json: the lint corpus's manifest is an array of fixtures, the realworld
 * corpus's an object with `entries`.
 */
function manifestKind(dir: string): 'lint' | 'realworld' {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as unknown;
  return Array.isArray(manifest) ? 'lint' : 'realworld';
}

/** The entries of a folder's manifest.json, whichever corpus it is. */
function manifestEntries(manifest: string): { file?: unknown }[] {
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { file?: unknown }[] | { entries: { file?: unknown }[] };
  return Array.isArray(parsed) ? parsed : parsed.entries;
}

/** A .jsonl corpus is told apart by its first case. */
function jsonlKind(file: string): Kind | undefined {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(first) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (record['api'] === 'TestState') return 'teststate';
  if (typeof record['valid'] === 'boolean' && 'definition_text' in record) return 'validation';
  if ('definition' in record && 'expected' in record && 'input' in record) return 'exec';
  return undefined;
}

/** The corpora at a path: one corpus, or every corpus in the conformance folder. */
function corporaAt(path: string): Corpus[] {
  if (statSync(path).isFile()) {
    if (basename(path) === 'manifest.json') return [{ kind: manifestKind(dirname(path)), path: dirname(path) }];
    const kind = path.endsWith('.jsonl') ? jsonlKind(path) : undefined;
    return kind === undefined ? [] : [{ kind, path }];
  }
  if (existsSync(join(path, 'manifest.json'))) return [{ kind: manifestKind(path), path }];
  const found: Corpus[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) {
      if (existsSync(join(child, 'manifest.json'))) found.push({ kind: manifestKind(child), path: child });
      for (const file of readdirSync(child).sort()) {
        const kind = file.endsWith('.jsonl') ? jsonlKind(join(child, file)) : undefined;
        if (kind !== undefined) found.push({ kind, path: join(child, file) });
      }
    } else if (name.endsWith('.jsonl')) {
      const kind = jsonlKind(child);
      if (kind !== undefined) found.push({ kind, path: child });
    }
  }
  return found;
}

/**
 * What `npm run conformance -- <path>` runs: the corpora at a folder or file, or one fixture of a
 * lint corpus (a file under a folder that has manifest.json, found by its path relative to it).
 */
export function findCorpora(path: string): { corpora: Corpus[] } | { error: string } {
  const corpora = corporaAt(path);
  if (corpora.length > 0) return { corpora };
  if (statSync(path).isFile()) {
    for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'manifest.json');
      if (!existsSync(manifest)) continue;
      const entry = relative(dir, resolve(path)).split(sep).join('/');
      const listed = manifestEntries(manifest).some((e) => e.file === entry);
      if (!listed) return { error: `${path} is not an entry of ${manifest} (looked for "file": "${entry}")` };
      return { corpora: [{ kind: manifestKind(dir), path: relative(process.cwd(), dir) || '.', entry }] };
    }
  }
  return { error: `no conformance corpus at ${path} (a lint or realworld folder with manifest.json or one of its fixtures, or an exec, teststate or validation .jsonl)` };
}
