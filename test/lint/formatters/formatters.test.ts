import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/definition/diagnostic.js';
import { formatters, github, json, sarif, stylish } from '../../../src/lint/formatters/index.js';
import type { FileResult } from '../../../src/lint/formatters/index.js';

const missingNext: Diagnostic = {
  ruleId: 'missing-transition-target',
  severity: 'error',
  message: "Missing 'Next' target: Nowhere",
  pointer: '/States/A/Next',
  line: 3,
  column: 39,
  code: 'MISSING_TRANSITION_TARGET',
  file: 'machines/a.asl.json',
};
const noDefault: Diagnostic = {
  ruleId: 'choice-default',
  severity: 'warning',
  message: 'Choice state has no Default.',
  pointer: '/States/C',
  line: 12,
  column: 5,
  file: 'machines/a.asl.json',
};
const noPlace: Diagnostic = { ruleId: 'parse', severity: 'error', message: 'Unexpected end of JSON input', pointer: '' };
const inTemplate: Diagnostic = {
  ruleId: 'missing-end-state',
  severity: 'error',
  message: 'Workflow has no terminal state',
  pointer: '',
  line: 7,
  column: 9,
  file: 'template.yaml#Second',
};

const results: FileResult[] = [
  { file: 'machines/a.asl.json', diagnostics: [missingNext, noDefault] },
  { file: 'clean.asl.json', diagnostics: [] },
  { file: 'broken.json', diagnostics: [noPlace] },
];

describe('stylish', () => {
  it('prints aligned rows per file and the summary, without colour', () => {
    expect(stylish(results, { color: false })).toBe(
      [
        '',
        'machines/a.asl.json',
        "   3:39  error    Missing 'Next' target: Nowhere  missing-transition-target",
        '  12:5   warning  Choice state has no Default     choice-default',
        '',
        'broken.json',
        '  0:0  error  Unexpected end of JSON input  parse',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for clean results', () => {
    expect(stylish([{ file: 'clean.asl.json', diagnostics: [] }], { color: true })).toBe('');
  });

  it('heads template machines with file#Resource', () => {
    const out = stylish([{ file: 'template.yaml', diagnostics: [{ ...inTemplate, file: 'template.yaml#First' }, inTemplate] }], {
      color: false,
    });
    expect(out).toBe(
      [
        '',
        'template.yaml#First',
        '  7:9  error  Workflow has no terminal state  missing-end-state',
        '',
        'template.yaml#Second',
        '  7:9  error  Workflow has no terminal state  missing-end-state',
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('colours with ANSI escapes only when asked', () => {
    const out = stylish([{ file: 'x.json', diagnostics: [noDefault] }], { color: true });
    expect(out).toContain('\u001b[4mx.json\u001b[0m');
    expect(out).toContain('\u001b[33mwarning\u001b[0m');
    expect(out).toContain('\u001b[1m\u001b[33m✖ 1 problem (0 errors, 1 warning)\u001b[0m\u001b[0m');
  });
});

describe('json', () => {
  it('prints one array entry per file with counts', () => {
    expect(JSON.parse(json(results, { color: false }))).toEqual([
      { file: 'machines/a.asl.json', errorCount: 1, warningCount: 1, diagnostics: [missingNext, noDefault] },
      { file: 'clean.asl.json', errorCount: 0, warningCount: 0, diagnostics: [] },
      { file: 'broken.json', errorCount: 1, warningCount: 0, diagnostics: [noPlace] },
    ]);
  });
});

describe('github', () => {
  it('prints one workflow command per finding, escaping properties and data', () => {
    expect(
      github(
        [
          ...results,
          { file: 'dir,x/t:1.yaml', diagnostics: [{ ...inTemplate, file: 'dir,x/t:1.yaml#Second', message: '50%\nsure' }] },
        ],
        { color: false },
      ),
    ).toBe(
      [
        "::error file=machines/a.asl.json,line=3,col=39,title=missing-transition-target::Missing 'Next' target: Nowhere",
        '::warning file=machines/a.asl.json,line=12,col=5,title=choice-default::Choice state has no Default.',
        '::error file=broken.json,title=parse::Unexpected end of JSON input',
        '::error file=dir%2Cx/t%3A1.yaml,line=7,col=9,title=missing-end-state::Second: 50%25%0Asure',
        '',
      ].join('\n'),
    );
  });
});

describe('sarif', () => {
  const rules = [
    { id: 'choice-default', description: 'Require a Default on Choice states', helpUri: 'https://example.test/docs/rules/choice-default.md' },
    { id: 'missing-transition-target', description: 'Require every Next to name a state', helpUri: 'https://example.test/docs/rules/missing-transition-target.md' },
  ];
  const log = JSON.parse(
    sarif([...results, { file: 'sub\\template.yaml', diagnostics: [inTemplate] }], { color: false, toolVersion: '1.2.3', rules }),
  );

  it('has the SARIF 2.1.0 essentials', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('aslkit');
    expect(driver.version).toBe('1.2.3');
    for (const rule of driver.rules) {
      expect(typeof rule.id).toBe('string');
      expect(typeof rule.shortDescription.text).toBe('string');
    }
    for (const result of log.runs[0].results) {
      expect(typeof result.message.text).toBe('string');
      expect(['error', 'warning', 'note', 'none']).toContain(result.level);
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).not.toMatch(/^\/|\\/);
      expect(Number.isInteger(location.region.startLine) && location.region.startLine >= 1).toBe(true);
    }
  });

  it('lists the registry rules first, then ids only seen in results', () => {
    expect(log.runs[0].tool.driver.rules).toEqual([
      ...rules.map((r) => ({ id: r.id, shortDescription: { text: r.description }, helpUri: r.helpUri })),
      { id: 'parse', shortDescription: { text: 'parse' } },
      { id: 'missing-end-state', shortDescription: { text: 'missing-end-state' } },
    ]);
  });

  it('maps each finding to a result with a region', () => {
    expect(log.runs[0].results).toEqual([
      {
        ruleId: 'missing-transition-target',
        ruleIndex: 1,
        level: 'error',
        message: { text: "Missing 'Next' target: Nowhere" },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'machines/a.asl.json' }, region: { startLine: 3, startColumn: 39 } } }],
      },
      {
        ruleId: 'choice-default',
        ruleIndex: 0,
        level: 'warning',
        message: { text: 'Choice state has no Default.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'machines/a.asl.json' }, region: { startLine: 12, startColumn: 5 } } }],
      },
      {
        ruleId: 'parse',
        ruleIndex: 2,
        level: 'error',
        message: { text: 'Unexpected end of JSON input' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.json' }, region: { startLine: 1 } } }],
      },
      {
        ruleId: 'missing-end-state',
        ruleIndex: 3,
        level: 'error',
        message: { text: 'Workflow has no terminal state' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'sub/template.yaml' }, region: { startLine: 7, startColumn: 9 } } }],
      },
    ]);
  });
});

describe('formatters', () => {
  it('names the four formats', () => {
    expect(Object.keys(formatters)).toEqual(['stylish', 'json', 'sarif', 'github']);
  });
});
