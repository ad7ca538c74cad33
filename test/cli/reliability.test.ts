import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { decodeUtf8, invalidUtf8Offset, MAX_FILE_BYTES, nodeIo, NotUtf8 } from '../../src/cli/io.js';
import { memoryIo } from './memory-io.js';

const VALID = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });

/** The real file system under a temporary directory, with stdout and stderr captured. */
function realIo(cwd: string) {
  const io = { ...nodeIo(), cwd, out: '', err: '' };
  io.stdout = (text: string) => void (io.out += text);
  io.stderr = (text: string) => void (io.err += text);
  return io;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslkit-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('symbolic links in a searched directory', () => {
  it('a loop back to the root lints each real file once', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.asl.json'), VALID);
    writeFileSync(join(dir, 'sub', 'b.asl.json'), VALID);
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const io = realIo(dir);
    expect(await main(['lint', '--format', 'json', '.'], io)).toBe(0);
    expect((JSON.parse(io.out) as { file: string }[]).map((r) => r.file)).toEqual(['a.asl.json', 'sub/b.asl.json']);
  });

  it('two loops at every level do not make the search exponential', async () => {
    let level = dir;
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(level, `m${i}.asl.json`), VALID);
      symlinkSync(dir, join(level, 'x'));
      symlinkSync(level, join(level, 'y'));
      level = join(level, `d${i}`);
      mkdirSync(level);
    }
    const io = realIo(dir);
    const start = Date.now();
    expect(await main(['lint', '--format', 'json', '.'], io)).toBe(0);
    expect(Date.now() - start).toBeLessThan(5000);
    expect((JSON.parse(io.out) as unknown[]).length).toBe(6);
  });

  it('a file and a link to it are one file, named as first found', async () => {
    writeFileSync(join(dir, 'a.asl.json'), VALID);
    symlinkSync(join(dir, 'a.asl.json'), join(dir, 'b.asl.json'));
    const io = realIo(dir);
    expect(await main(['lint', '--format', 'json', '.'], io)).toBe(0);
    expect((JSON.parse(io.out) as { file: string }[]).map((r) => r.file)).toEqual(['a.asl.json']);
  });
});

describe('a file that is not UTF-8 is a finding', () => {
  it('names the byte, its offset and its line:column, and exits 1', async () => {
    writeFileSync(join(dir, 'bad.asl.json'), Buffer.concat([Buffer.from('{\n  "Comment": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
    const io = realIo(dir);
    expect(await main(['lint', '--format', 'json', 'bad.asl.json'], io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual([
      {
        file: 'bad.asl.json',
        errorCount: 1,
        warningCount: 0,
        diagnostics: [
          {
            ruleId: 'parse',
            severity: 'error',
            message:
              'The file is not valid UTF-8: byte 0xE9 at offset 19 (line 2, column 18); definitions and templates are UTF-8 text',
            pointer: '',
            code: 'INVALID_JSON_DESCRIPTION',
            line: 2,
            column: 18,
            file: 'bad.asl.json',
          },
        ],
      },
    ]);
    expect(io.err).toBe('');
  });

  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['two-byte', [0xc3, 0xa9], -1],
    ['four-byte', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a truncated sequence', [0x61, 0xe2, 0x82], 1],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('%s: first bad byte at %j', (_name, bytes, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });

  it('decodeUtf8 counts columns in characters of the valid text before the byte', () => {
    expect(() => decodeUtf8(Buffer.from([0x61, 0x0a, 0xc3, 0xa9, 0xff]))).toThrow(new NotUtf8(4, 0xff, 2, 2));
  });
});

describe('oversized files', () => {
  it('a file over MAX_FILE_BYTES is one max-definition-size finding at 1:1, read no further', async () => {
    writeFileSync(join(dir, 'big.asl.json'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const io = realIo(dir);
    expect(await main(['lint', '--format', 'json', 'big.asl.json'], io)).toBe(1);
    const [result] = JSON.parse(io.out) as { diagnostics: unknown[] }[];
    expect(result?.diagnostics).toEqual([
      {
        ruleId: 'max-definition-size',
        severity: 'error',
        message: `The source is ${MAX_FILE_BYTES + 1} bytes, more than the ${MAX_FILE_BYTES} bytes aslkit reads; AWS accepts definitions and templates of at most 1048576 bytes (1 MB)`,
        pointer: '',
        code: 'SCHEMA_VALIDATION_FAILED',
        line: 1,
        column: 1,
        file: 'big.asl.json',
      },
    ]);
  });
});

describe('rule names are looked up as data', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])('--rule %s=off is an unknown rule (exit 2)', async (id) => {
    const io = memoryIo({ '/repo/a.asl.json': VALID });
    expect(await main(['lint', '--rule', `${id}=off`, 'a.asl.json'], io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`^aslkit: unknown rule '${id}' in --rule`));
  });
});

describe('--debug', () => {
  it('is accepted, and a clean run prints no more than without it', async () => {
    const io = memoryIo({ '/repo/a.asl.json': VALID });
    expect(await main(['lint', '--debug', 'a.asl.json'], io)).toBe(0);
    expect(io.err).toBe('');
  });

  it('prints the stack of an internal error, each line prefixed; without it, one line', async () => {
    const failing = () => {
      const io = memoryIo({ '/repo/a.asl.json': VALID });
      io.stat = () => {
        throw new Error('boom');
      };
      return io;
    };
    const plain = failing();
    expect(await main(['lint', 'a.asl.json'], plain)).toBe(2);
    expect(plain.err).toBe('aslkit: internal error: boom\n');
    const debug = failing();
    expect(await main(['lint', '--debug', 'a.asl.json'], debug)).toBe(2);
    const lines = debug.err.trimEnd().split('\n');
    expect(lines[0]).toBe('aslkit: internal error: boom');
    expect(lines[1]).toBe('aslkit: debug: Error: boom');
    expect(lines.slice(2).filter((line) => !/^aslkit: debug: {5}at /.test(line))).toEqual([]);
  });
});
