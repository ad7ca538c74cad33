import rule from '../../../src/lint/rules/valid-string-matches.js';
import { ruleTester } from '../rule-tester.js';

// The cases are raw text: YAML single-quoted and plain scalars keep each backslash as written,
// JSON and YAML double-quoted strings write one as `\\`.
const ONLY = "only '\\*' (a literal asterisk) and '\\\\' (a literal backslash) may follow a backslash";

ruleTester(rule, {
  valid: [
    {
      name: 'wildcards, the two legal escapes and characters that are not special',
      code: String.raw`
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.a, StringMatches: '*', Next: D }
      - { Variable: $.a, StringMatches: 'a\*b', Next: D }
      - { Variable: $.a, StringMatches: 'a\\b', Next: D }
      - { Variable: $.a, StringMatches: log-*.txt, Next: D }
      - { Variable: $.a, StringMatches: '?[.]', Next: D }
      - Not: { Variable: $.a, StringMatches: "C:\\\\temp\\\\*" }
        Next: D
    Default: D
  D: { Type: Succeed }
`,
    },
    {
      name: 'a non-string StringMatches is the schema finding; a JSONata Choice has none',
      code: String.raw`
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.a, StringMatches: 5, Next: J }
    Default: J
  J:
    Type: Choice
    QueryLanguage: JSONata
    Choices:
      - { Condition: true, StringMatches: 'a\b', Next: D }
    Default: D
  D: { Type: Succeed }
`,
    },
  ],
  invalid: [
    {
      name: 'an escape other than \\* and \\\\',
      code: String.raw`
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.a, StringMatches: 'a\b', Next: D }
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        {
          messageId: 'illegalEscape',
          data: { pattern: 'a\\b', detail: `the escape '\\b' at character 2: ${ONLY}` },
          pointer: '/States/C/Choices/0/StringMatches',
          line: 7,
          column: 43,
        },
      ],
    },
    {
      name: 'a trailing lone backslash, after a legal escape',
      code: String.raw`
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - Variable: $.a
        StringMatches: trailing\*\
        Next: D
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        {
          messageId: 'illegalEscape',
          data: { pattern: 'trailing\\*\\', detail: `a lone '\\' at its end (character 11): ${ONLY}` },
          pointer: '/States/C/Choices/0/StringMatches',
          line: 8,
          column: 34,
        },
      ],
    },
    {
      name: 'JSON source: the finding is at the escaped backslash',
      code: String.raw`{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [{ "Variable": "$.a", "StringMatches": "\u00e9\\n*", "Next": "D" }],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        {
          messageId: 'illegalEscape',
          data: { pattern: 'é\\n*', detail: `the escape '\\n' at character 2: ${ONLY}` },
          pointer: '/States/C/Choices/0/StringMatches',
          line: 6,
          column: 64,
        },
      ],
    },
    {
      name: 'nested in And and Not, one finding per pattern',
      code: String.raw`
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - And:
          - { Variable: $.a, StringMatches: '*.txt' }
          - Not: { Variable: $.b, StringMatches: "x\\?y\\z" }
        Next: D
      - Or:
          - { Variable: $.c, StringMatches: 'ok' }
          - And:
              - { Variable: $.d, StringMatches: '\d+' }
        Next: D
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        {
          messageId: 'illegalEscape',
          data: { pattern: 'x\\?y\\z', detail: `the escape '\\?' at character 2: ${ONLY}` },
          pointer: '/States/C/Choices/0/And/1/Not/StringMatches',
          line: 9,
          column: 52,
        },
        {
          messageId: 'illegalEscape',
          data: { pattern: '\\d+', detail: `the escape '\\d' at character 1: ${ONLY}` },
          pointer: '/States/C/Choices/1/Or/1/And/0/StringMatches',
          line: 14,
          column: 50,
        },
      ],
    },
  ],
});
