import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of DEVELOPERS.md / STYLE.md as data: which top-level parts of src/ each part may import.
const ALLOWED: Record<string, readonly string[]> = {
  definition: ['definition'],
  expressions: ['definition', 'expressions'],
  lint: ['definition', 'expressions', 'lint'],
  interpreter: ['definition', 'expressions', 'interpreter'],
  'api.ts': ['definition', 'expressions', 'lint', 'interpreter', 'api.ts'],
  testing: ['definition', 'expressions', 'lint', 'interpreter', 'api.ts', 'testing'],
  'index.ts': ['definition', 'expressions', 'lint', 'interpreter', 'api.ts', 'testing'],
  cli: ['definition', 'expressions', 'lint', 'interpreter', 'api.ts', 'testing', 'cli', 'index.ts'],
};

const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

function partOf(file: string): string {
  // A top-level module is imported by its emitted name (./api.js) but lives in api.ts.
  return (relative(SRC, file).split(sep)[0] ?? '').replace(/\.js$/, '.ts');
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '');
}

const files = sourceFiles(SRC);

describe('architecture', () => {
  it('finds the source parts it guards', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(Object.keys(ALLOWED)).toContain(partOf(file));
  });

  it('imports flow one way: definition <- expressions <- {lint, interpreter} <- testing <- cli', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = partOf(resolve(dirname(file), spec));
        if (!ALLOWED[from]?.includes(target)) violations.push(`${relative(SRC, file)} imports ${spec} (${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only the CLI touches process, console or node:fs', () => {
    const violations: string[] = [];
    for (const file of files) {
      if (partOf(file) === 'cli') continue;
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      // loadMockConfig takes a path, as Step Functions Local takes its mock file; this one module reads it.
      const readsFiles = relative(SRC, file) === join('testing', 'read-file.ts');
      if (!readsFiles && /\bfrom\s+['"](node:)?fs(\/promises)?['"]/.test(text)) violations.push(`${relative(SRC, file)}: node:fs`);
      if (/\bprocess\.\w/.test(text)) violations.push(`${relative(SRC, file)}: process`);
      if (/\bconsole\.\w/.test(text)) violations.push(`${relative(SRC, file)}: console`);
    }
    expect(violations).toEqual([]);
  });

  it('the linter and the interpreter never import each other', () => {
    for (const file of files) {
      const from = partOf(file);
      if (from !== 'lint' && from !== 'interpreter') continue;
      const other = from === 'lint' ? 'interpreter' : 'lint';
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) expect(partOf(resolve(dirname(file), spec))).not.toBe(other);
      }
    }
  });
});
