import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { memoryIo } from './memory-io.js';

const words = ['lint', '-', '--format', 'sarif', 'github', 'json', '--rule', 'schema=off', 'x=y', '--quiet', '--max-warnings', '0', '-1', '--type', 'EXPRESS', '--no-color', '--', 'a.asl.json', 'dir', '**/*.json', '*.{json,yml}', '{a,b}{c,d}', '?.yaml', 'missing.json', '--help'];

describe('main never throws and always picks a documented exit code', () => {
  it('for any argv over a small tree, including unreadable and malformed files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })), { maxLength: 8 }),
        fc.string({ maxLength: 60 }),
        async (argv, junk) => {
          const io = memoryIo(
            {
              '/repo/a.asl.json': junk,
              '/repo/dir/b.asl.yaml': junk,
              '/repo/dir/t.yaml': `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: ${JSON.stringify(junk)}\n`,
              '/repo/dir/locked.asl.json': { error: 'EACCES' },
            },
            { stdin: junk },
          );
          const code = await main(argv, io);
          expect([0, 1, 2]).toContain(code);
          expect(io.err).not.toMatch(/\n\s+at /);
          for (const line of io.err.split('\n').filter(Boolean)) expect(line).toMatch(/^aslkit: /);
        },
      ),
      { numRuns: 300 },
    );
  });
});
