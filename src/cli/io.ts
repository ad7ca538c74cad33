import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SOURCE_SIZE } from '../definition/json-data.js';

/** Every effect the CLI has. The real one is below; tests pass a fake. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Reads a UTF-8 file; throws an error with a Node `code` (ENOENT, EACCES, EISDIR…) on failure,
   * NotUtf8 when the bytes are not UTF-8, TooLarge when it is too big to be a definition.
   */
  readFile(path: string): string;
  /** Standard input, with readFile's checks. */
  readStdin(): Promise<string>;
  /** What is at an absolute path (symbolic links followed), or undefined when nothing is. */
  stat(path: string): 'file' | 'directory' | undefined;
  /** The path with every symbolic link resolved, so that a file or directory has one name. */
  realPath(path: string): string;
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

/** A file whose bytes are not UTF-8, which every definition and template is. */
export class NotUtf8 extends Error {
  constructor(
    /** Byte offset of the first byte that starts no valid sequence. */
    readonly offset: number,
    readonly byte: number,
    /** 1-based, counted in the valid text before the offset. */
    readonly line: number,
    readonly column: number,
  ) {
    super(`not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} (line ${line}, column ${column})`);
  }
}

/** A file far larger than any definition or template AWS accepts: refused unread. */
export class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`${bytes} bytes`);
  }
}

/**
 * Bytes over which a file cannot be within lint()'s MAX_SOURCE_SIZE characters (a UTF-16 unit
 * takes at most 3 bytes of UTF-8), so it is refused before it is read.
 */
export const MAX_FILE_BYTES = 3 * MAX_SOURCE_SIZE;

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** The text of a file's bytes, or NotUtf8 naming the first bad byte. */
export function decodeUtf8(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const offset = invalidUtf8Offset(bytes);
  const before = bytes.subarray(0, offset).toString('utf8');
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.length === 0 ? 1 : before.split('\n').length;
  throw new NotUtf8(offset, bytes[offset] as number, line, before.length - lineStart + 1);
}

export function nodeIo(): CliIo {
  // `aslkit lint | head` closes the pipe early: that is the reader's choice, not an error to print.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`aslkit: cannot write the report: ${error.message}\n`);
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => {
      const { size } = statSync(path);
      if (size > MAX_FILE_BYTES) throw new TooLarge(size);
      return decodeUtf8(readFileSync(path));
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > MAX_FILE_BYTES) throw new TooLarge(size);
        chunks.push(chunk as Buffer);
      }
      return decodeUtf8(Buffer.concat(chunks));
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
    realPath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    },
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
