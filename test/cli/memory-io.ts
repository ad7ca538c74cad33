import { posix } from 'node:path';
import type { CliIo } from '../../src/cli/index.js';

export interface MemoryIo extends CliIo {
  out: string;
  err: string;
}

/** A CliIo over an in-memory tree: `files` maps absolute paths to content, or to an errno code to throw. */
export function memoryIo(files: Record<string, string | { error: string }>, options: { cwd?: string; stdin?: string; isTTY?: boolean; env?: Record<string, string> } = {}): MemoryIo {
  const io: MemoryIo = {
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile: (path) => {
      const entry = files[path];
      if (entry === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      if (typeof entry !== 'string') throw Object.assign(new Error(`${entry.error}: failed, open '${path}'`), { code: entry.error });
      return entry;
    },
    readStdin: async () => options.stdin ?? '',
    stat: (path) => {
      if (path in files) return 'file';
      const prefix = path.endsWith('/') ? path : `${path}/`;
      return Object.keys(files).some((f) => f.startsWith(prefix)) ? 'directory' : undefined;
    },
    readDir: (path) => {
      // As readdirSync does: a file or nothing at the path is an error, not an empty listing.
      if (path in files) throw Object.assign(new Error(`ENOTDIR: not a directory, scandir '${path}'`), { code: 'ENOTDIR' });
      if (io.stat(path) === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, scandir '${path}'`), { code: 'ENOENT' });
      const prefix = path.endsWith('/') ? path : `${path}/`;
      return [...new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0] as string))];
    },
    realPath: (path) => path,
    cwd: options.cwd ?? '/repo',
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    version: '9.9.9',
  };
  return io;
}

export const join = posix.join;
