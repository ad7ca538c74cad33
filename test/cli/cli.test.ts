import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/definition/diagnostic.js';
import { main } from '../../src/cli/index.js';
import { NON_RULES } from '../../src/lint/formatters/non-rules.js';
import { memoryIo } from './memory-io.js';

// The CLI is tested against a small stand-in linter, so these tests pin the CLI's own
// behaviour (files, flags, formats, exit codes) whatever the rules say.
const calls: { source: string | object; options: Record<string, unknown> }[] = [];
vi.mock('../../src/lint/index.js', () => ({
  ruleDocsUrl: (id: string) => `https://example.test/docs/rules/${id}.md`,
  lint: (source: string, options: { filename: string; rules?: Record<string, string>; readFile?: (path: string) => string | undefined }) => {
    calls.push({ source, options });
    const severityOf = (id: string, fallback: 'error' | 'warning'): 'error' | 'warning' | undefined => {
      const setting = options.rules?.[id];
      return setting === 'off' ? undefined : setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : fallback;
    };
    if (source.includes('AWS::StepFunctions::StateMachine')) {
      const diagnostics: Diagnostic[] = ['First', 'Second'].map((name, i) => ({
        ruleId: 'missing-end-state',
        severity: 'error',
        message: 'Workflow has no terminal state',
        pointer: '',
        line: 4 + i * 6,
        column: 7,
        file: `${options.filename}#${name}`,
      }));
      return { valid: false, diagnostics };
    }
    let definition: { Comment?: string };
    try {
      definition = JSON.parse(source) as { Comment?: string };
    } catch {
      const d: Diagnostic = { ruleId: 'parse', severity: 'error', message: 'Unexpected token in JSON', pointer: '', line: 1, column: 1, file: options.filename };
      return { valid: false, diagnostics: [d] };
    }
    const diagnostics: Diagnostic[] = [];
    const comment = definition.Comment ?? '';
    const error = severityOf('missing-end-state', 'error');
    if (comment.includes('error') && error) {
      diagnostics.push({ ruleId: 'missing-end-state', severity: error, message: 'Workflow has no terminal state', pointer: '', line: 1, column: 1, file: options.filename });
    }
    const warning = severityOf('choice-default', 'warning');
    if (comment.includes('warning') && warning) {
      diagnostics.push({ ruleId: 'choice-default', severity: warning, message: 'Choice state has no Default.', pointer: '/States/C', line: 2, column: 3, file: options.filename });
    }
    return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
  },
}));
vi.mock('../../src/lint/rules/index.js', () => ({
  rules: [
    { meta: { id: 'choice-default', description: 'Require a Default on Choice states', severity: 'warning' } },
    { meta: { id: 'missing-end-state', description: 'Require a terminal state in every scope', severity: 'error' } },
  ],
}));

const clean = '{"Comment": "clean", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const withError = '{"Comment": "error"}';
const withWarning = '{"Comment": "warning"}';
const withBoth = '{"Comment": "error warning"}';
const template = 'Resources:\n  First:\n    Type: AWS::StepFunctions::StateMachine\n';

beforeEach(() => {
  calls.length = 0;
});

describe('exit codes', () => {
  it.each([
    ['a clean file', { '/repo/a.asl.json': clean }, ['lint', 'a.asl.json'], 0],
    ['an error finding', { '/repo/a.asl.json': withError }, ['lint', 'a.asl.json'], 1],
    ['warnings only', { '/repo/a.asl.json': withWarning }, ['lint', 'a.asl.json'], 0],
    ['warnings within --max-warnings', { '/repo/a.asl.json': withWarning }, ['lint', '--max-warnings', '1', 'a.asl.json'], 0],
    ['warnings over --max-warnings', { '/repo/a.asl.json': withWarning }, ['lint', '--max-warnings=0', 'a.asl.json'], 1],
    ['an unknown option', { '/repo/a.asl.json': clean }, ['lint', '--fix', 'a.asl.json'], 2],
    ['a missing file', { '/repo/a.asl.json': clean }, ['lint', 'b.asl.json'], 2],
    ['an unknown rule id', { '/repo/a.asl.json': clean }, ['lint', '--rule', 'choise-default=off', 'a.asl.json'], 2],
    ['no command', {}, [], 2],
  ] as const)('%s', async (_name, files, argv, code) => {
    expect(await main([...argv], memoryIo(files))).toBe(code);
  });
});

describe('usage errors are one clear line', () => {
  it.each([
    [['lint', '--fix'], "aslkit: unknown option '--fix'; run 'aslkit --help' for usage\n"],
    [['lint', '--format', 'xml'], "aslkit: --format must be one of stylish, json, sarif, github (got 'xml')\n"],
    [['lint', '--max-warnings', 'many'], "aslkit: --max-warnings needs a whole number (got 'many')\n"],
    [['lint', '--type', 'FAST'], "aslkit: --type must be STANDARD or EXPRESS (got 'FAST')\n"],
    [['lint', '--type'], 'aslkit: --type must be STANDARD or EXPRESS\n'],
    [['lint', '--rule', 'choice-default=loud'], "aslkit: --rule needs id=off|warn|error (got 'choice-default=loud')\n"],
    [
      ['lint', '--rule', 'choise-default=off'],
      "aslkit: unknown rule 'choise-default' in --rule; did you mean 'choice-default'? Valid rules are: choice-default, missing-end-state, schema, no-duplicate-keys, cloudformation-intrinsic, unsubstituted-placeholder\n",
    ],
    [['lint', 'missing.asl.json'], "aslkit: cannot read 'missing.asl.json': no such file or directory\n"],
    [['lint', 'nothing/**/*.json'], "aslkit: no files match 'nothing/**/*.json'\n"],
    // The glob's directory does not exist: still the one line, not also "cannot read directory".
    [['lint', 'a.asl.json/*.json'], "aslkit: no files match 'a.asl.json/*.json'\n"],
    [['lint', '*.{yml,yaml}'], "aslkit: no files match '*.{yml,yaml}'\n"],
    [
      ['lint', '--rule', 'zzz=off'],
      "aslkit: unknown rule 'zzz' in --rule. Valid rules are: choice-default, missing-end-state, schema, no-duplicate-keys, cloudformation-intrinsic, unsubstituted-placeholder\n",
    ],
    [['deploy'], "aslkit: unknown command 'deploy'; run 'aslkit --help' for usage\n"],
  ])('%j', async (argv, message) => {
    const io = memoryIo({ '/repo/a.asl.json': clean });
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toBe(message);
    expect(io.out).toBe('');
  });

  it('reports an unreadable file without a stack trace and still lints the others', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withError, '/repo/b.asl.json': { error: 'EACCES' } });
    expect(await main(['lint', '--no-color', 'a.asl.json', 'b.asl.json'], io)).toBe(2);
    expect(io.err).toBe("aslkit: cannot read 'b.asl.json': permission denied\n");
    expect(io.out).toContain('a.asl.json\n  1:1  error  Workflow has no terminal state  missing-end-state\n');
  });

  it('reports invalid JSON as a parse finding', async () => {
    const io = memoryIo({ '/repo/bad.asl.json': '{"StartAt": ' });
    expect(await main(['lint', 'bad.asl.json'], io)).toBe(1);
    expect(io.out).toBe('\nbad.asl.json\n  1:1  error  Unexpected token in JSON  parse\n\n✖ 1 problem (1 error, 0 warnings)\n');
    expect(io.err).toBe('');
  });
});

describe('formats', () => {
  const files = { '/repo/m/a.asl.json': withBoth };

  it('stylish', async () => {
    const io = memoryIo(files);
    await main(['lint', 'm/a.asl.json'], io);
    expect(io.out).toBe(
      [
        '',
        'm/a.asl.json',
        '  1:1  error    Workflow has no terminal state  missing-end-state',
        '  2:3  warning  Choice state has no Default     choice-default',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('json', async () => {
    const io = memoryIo(files);
    await main(['lint', '--format', 'json', 'm/a.asl.json'], io);
    expect(io.out).toBe(
      '[{"file":"m/a.asl.json","errorCount":1,"warningCount":1,"diagnostics":[' +
        '{"ruleId":"missing-end-state","severity":"error","message":"Workflow has no terminal state","pointer":"","line":1,"column":1,"file":"m/a.asl.json"},' +
        '{"ruleId":"choice-default","severity":"warning","message":"Choice state has no Default.","pointer":"/States/C","line":2,"column":3,"file":"m/a.asl.json"}]}]\n',
    );
  });

  it('github', async () => {
    const io = memoryIo(files);
    await main(['lint', '--format=github', 'm/a.asl.json'], io);
    expect(io.out).toBe(
      '::error file=m/a.asl.json,line=1,col=1,title=missing-end-state::Workflow has no terminal state\n' +
        '::warning file=m/a.asl.json,line=2,col=3,title=choice-default::Choice state has no Default.\n',
    );
  });

  it('sarif', async () => {
    const io = memoryIo(files);
    await main(['lint', '--format', 'sarif', 'm/a.asl.json'], io);
    const log = JSON.parse(io.out);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs[0].tool.driver).toEqual({
      name: 'aslkit',
      version: '9.9.9',
      rules: [
        { id: 'choice-default', shortDescription: { text: 'Require a Default on Choice states' }, helpUri: 'https://example.test/docs/rules/choice-default.md' },
        { id: 'missing-end-state', shortDescription: { text: 'Require a terminal state in every scope' }, helpUri: 'https://example.test/docs/rules/missing-end-state.md' },
        // The findings that are not rules have docs pages and help URIs too.
        ...NON_RULES.map((meta) => ({ id: meta.id, shortDescription: { text: meta.description }, helpUri: `https://example.test/docs/rules/${meta.id}.md` })),
      ],
    });
    expect(log.runs[0].results.map((r: { ruleId: string; level: string; locations: unknown[] }) => [r.ruleId, r.level, r.locations])).toEqual([
      ['missing-end-state', 'error', [{ physicalLocation: { artifactLocation: { uri: 'm/a.asl.json' }, region: { startLine: 1, startColumn: 1 } } }]],
      ['choice-default', 'warning', [{ physicalLocation: { artifactLocation: { uri: 'm/a.asl.json' }, region: { startLine: 2, startColumn: 3 } } }]],
    ]);
  });

  it('colours only on a terminal without NO_COLOR or --no-color', async () => {
    const run = async (argv: string[], options: { isTTY: boolean; env?: Record<string, string> }) => {
      const io = memoryIo(files, options);
      await main(argv, io);
      return io.out.includes('\u001b[');
    };
    expect(await run(['lint', 'm/a.asl.json'], { isTTY: true })).toBe(true);
    expect(await run(['lint', '--no-color', 'm/a.asl.json'], { isTTY: true })).toBe(false);
    expect(await run(['lint', 'm/a.asl.json'], { isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(await run(['lint', 'm/a.asl.json'], { isTTY: false })).toBe(false);
  });
});

describe('options', () => {
  it('--quiet hides warnings', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withBoth });
    expect(await main(['lint', '--quiet', 'a.asl.json'], io)).toBe(1);
    expect(io.out).toBe('\na.asl.json\n  1:1  error  Workflow has no terminal state  missing-end-state\n\n✖ 1 problem (1 error, 0 warnings)\n');
  });

  it('--quiet with only warnings prints nothing and exits 0', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withWarning });
    expect(await main(['lint', '--quiet', '--max-warnings', '0', 'a.asl.json'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('--max-warnings explains the exit code', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withWarning });
    expect(await main(['lint', '--max-warnings', '0', 'a.asl.json'], io)).toBe(1);
    expect(io.err).toBe('aslkit: too many warnings (1, --max-warnings 0)\n');
  });

  it('--rule turns rules off and changes severities', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withBoth });
    expect(await main(['lint', '--rule', 'missing-end-state=off', '--rule', 'choice-default=error', 'a.asl.json'], io)).toBe(1);
    expect(calls[0]?.options['rules']).toEqual({ 'missing-end-state': 'off', 'choice-default': 'error' });
    expect(io.out).toBe('\na.asl.json\n  2:3  error  Choice state has no Default  choice-default\n\n✖ 1 problem (1 error, 0 warnings)\n');
  });

  it('--rule takes comma-separated settings', async () => {
    const io = memoryIo({ '/repo/a.asl.json': withBoth });
    expect(await main(['lint', '--rule', 'missing-end-state=off,choice-default=off', 'a.asl.json'], io)).toBe(0);
    expect(io.out).toBe('');
  });

  it('--type reaches the linter', async () => {
    await main(['lint', '--type', 'express', 'a.asl.json'], memoryIo({ '/repo/a.asl.json': clean }));
    expect(calls[0]?.options['type']).toBe('EXPRESS');
  });

  it('--help and --version print to stdout', async () => {
    const help = memoryIo({});
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out).toMatch(/^Usage: aslkit lint \[files \| directories \| globs \.\.\.\] \[options\]\n/);
    const version = memoryIo({});
    expect(await main(['--version'], version)).toBe(0);
    expect(version.out).toBe('9.9.9\n');
  });
});

describe('inputs', () => {
  it('reads standard input for -', async () => {
    const io = memoryIo({}, { stdin: withError });
    expect(await main(['lint', '-'], io)).toBe(1);
    expect(calls).toEqual([{ source: withError, options: expect.objectContaining({ filename: '<stdin>', format: 'auto' }) }]);
    expect(io.out).toContain('\n<stdin>\n');
  });

  const tree = {
    '/repo/a.asl.json': clean,
    '/repo/b.asl.yaml': clean,
    '/repo/sub/c.asl.yml': clean,
    '/repo/sub/template.yaml': template,
    '/repo/sub/template.json': '{"Resources": {"M": {"Type": "AWS::Serverless::StateMachine"}}}',
    '/repo/sub/stack.template': template,
    '/repo/sub/config.yaml': 'name: not a machine\n',
    '/repo/package.json': '{"name": "x"}',
    '/repo/notes.txt': 'AWS::StepFunctions::StateMachine',
    '/repo/node_modules/dep/x.asl.json': clean,
    '/repo/.git/y.asl.json': clean,
    '/repo/sub/.hidden/z.asl.json': clean,
  };
  const linted = () => calls.map((call) => call.options['filename']);

  it('searches the current directory when no path is given', async () => {
    expect(await main(['lint'], memoryIo(tree))).toBe(1);
    expect(linted()).toEqual(['a.asl.json', 'b.asl.yaml', 'sub/c.asl.yml', 'sub/stack.template', 'sub/template.json', 'sub/template.yaml']);
  });

  it('recurses into a named directory', async () => {
    await main(['lint', 'sub'], memoryIo(tree));
    expect(linted()).toEqual(['sub/c.asl.yml', 'sub/stack.template', 'sub/template.json', 'sub/template.yaml']);
  });

  it('always lints an explicitly named file, once', async () => {
    await main(['lint', 'package.json', 'sub/config.yaml', 'package.json'], memoryIo(tree));
    expect(linted()).toEqual(['package.json', 'sub/config.yaml']);
  });

  it('matches globs with *, ** and ?', async () => {
    await main(['lint', '**/*.asl.yaml', 'sub/?.asl.yml', 'sub/*.template'], memoryIo(tree));
    expect(linted()).toEqual(['b.asl.yaml', 'sub/c.asl.yml', 'sub/stack.template']);
  });

  it.each([
    [['**/*.asl.{json,yml}'], ['a.asl.json', 'sub/c.asl.yml']],
    [['{sub,.}/*.asl.{yml,yaml}'], ['sub/c.asl.yml', 'b.asl.yaml']],
    [['sub/template.{yaml,json}'], ['sub/template.yaml', 'sub/template.json']],
    [['{a,missing}.asl.json', '*.asl.{json,yaml}'], ['a.asl.json', 'b.asl.yaml']],
  ])('matches {a,b} alternation: %j', async (argv, files) => {
    await main(['lint', ...argv], memoryIo(tree));
    expect(linted()).toEqual(files);
  });

  it('reads absolute paths and reports them relative to the working directory', async () => {
    await main(['lint', '/repo/sub/c.asl.yml'], memoryIo(tree, { cwd: '/repo/sub' }));
    expect(linted()).toEqual(['c.asl.yml']);
  });

  it('exits 2 when a directory holds no state machines', async () => {
    const io = memoryIo({ '/repo/docs/readme.md': '#' });
    expect(await main(['lint', 'docs'], io)).toBe(2);
    expect(io.err).toBe("aslkit: no state machine definitions (*.asl.json, *.asl.yaml, *.asl.yml) or templates found in 'docs'\n");
  });

  it('shows both machines of a template by resource name', async () => {
    const io = memoryIo({ '/repo/template.yaml': template });
    expect(await main(['lint', 'template.yaml'], io)).toBe(1);
    expect(io.out).toBe(
      [
        '',
        'template.yaml#First',
        '  4:7  error  Workflow has no terminal state  missing-end-state',
        '',
        'template.yaml#Second',
        '  10:7  error  Workflow has no terminal state  missing-end-state',
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('gives the linter a readFile that resolves DefinitionUri next to the template', async () => {
    await main(['lint', 'sam/template.yaml'], memoryIo({ '/repo/sam/template.yaml': template, '/repo/sam/machines/m.asl.json': clean }));
    const readFile = calls[0]?.options['readFile'] as (path: string) => string | undefined;
    expect(readFile('machines/m.asl.json')).toBe(clean);
    expect(() => readFile('machines/missing.asl.json')).toThrow(new Error('no such file or directory'));
  });
});
