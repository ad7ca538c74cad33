import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every effect the CLI has. The real one is below; tests pass a fake. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; throws an error with a Node `code` (ENOENT, EACCES, EISDIR…) on failure. */
  readFile(path: string): string;
  readStdin(): Promise<string>;
  /** What is at an absolute path, or undefined when nothing is. */
  stat(path: string): 'file' | 'directory' | undefined;
  /** The entry names of a directory. */
  readDir(path: string): string[];
  cwd: string;
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** aslkit's own version (package.json), for --version and SARIF. */
  version: string;
}

/** package.json sits one level above dist/cli.js and two above src/cli/io.ts. */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'aslkit' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export function nodeIo(): CliIo {
  // `aslkit lint | head` closes the pipe early: that is the reader's choice, not an error to print.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`aslkit: cannot write the report: ${error.message}\n`);
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stat: (path) => {
      try {
        const stats = statSync(path);
        return stats.isDirectory() ? 'directory' : 'file';
      } catch {
        return undefined;
      }
    },
    readDir: (path) => readdirSync(path),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    version: packageVersion(),
  };
}

/** One readable reason for a failed read, without the stack. */
export function describeIoError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
