/**
 * The findings that come from reading and checking a definition rather than from a rule: their
 * ids, what SARIF and the docs say about them, and which of them a rules setting may change.
 * The one source for docs/rules/<id>.md of these ids (scripts/generate-docs.ts), the CLI's
 * SARIF rule list and --rule check.
 */

export type NonRuleId = 'parse' | 'schema' | 'no-duplicate-keys' | 'cloudformation-intrinsic' | 'unsubstituted-placeholder';

/** A source text that yields the finding, for the docs page and the test that keeps it true. */
export interface NonRuleExample {
  /** One short sentence shown above the example. */
  title?: string;
  format: 'json' | 'yaml';
  text: string;
}

export interface NonRuleMeta {
  id: NonRuleId;
  /** One sentence starting with Disallow, Require or Enforce, as a rule's. */
  description: string;
  /** Which part of aslkit reports it. */
  reportedBy: string;
  severity: string;
  /** Whether `rules` (and --rule) may turn it off or change its severity. */
  configurable: boolean;
  awsCode?: string;
  docs: {
    /** Why it is reported (Markdown). */
    rationale: string;
    invalid: readonly NonRuleExample[];
  };
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const NON_RULES: readonly NonRuleMeta[] = [
  {
    id: 'parse',
    description: 'Require a definition or template that can be read and parsed as JSON or YAML',
    reportedBy: 'the JSON and YAML loaders',
    severity: 'error',
    configurable: false,
    awsCode: 'INVALID_JSON_DESCRIPTION',
    docs: {
      rationale:
        'AWS parses a definition before it checks anything else, and refuses one that is not JSON. aslkit says where the text stops being JSON (or YAML) and what it expected there. Nothing else can be checked in a text that cannot be read, so this finding cannot be turned off.',
      invalid: [
        {
          title: 'JSON allows no trailing comma.',
          format: 'json',
          text: lines('{', '  "StartAt": "A",', '  "States": {', '    "A": { "Type": "Succeed" },', '  }', '}'),
        },
      ],
    },
  },
  {
    id: 'schema',
    description: 'Require the fields, types and values the Amazon States Language allows',
    reportedBy: 'the schema check (schemas/asl.schema.json and the checks AWS makes on each state type)',
    severity: 'error',
    configurable: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    docs: {
      rationale:
        "AWS rejects a definition with a missing required field, an unknown field, a value of the wrong type or out of range, in AWS's own words where they are known. aslkit reports each at the field, and suggests the field meant when a name is misspelt.",
      invalid: [
        {
          title: "Wait's Seconds is a number, not a string.",
          format: 'json',
          text: lines('{', '  "StartAt": "Wait",', '  "States": {', '    "Wait": {', '      "Type": "Wait",', '      "Seconds": "10",', '      "End": true', '    }', '  }', '}'),
        },
        {
          title: 'A misspelt field.',
          format: 'json',
          text: lines('{', '  "StartAt": "A",', '  "States": {', '    "A": { "Type": "Pass", "Nxt": "B" },', '    "B": { "Type": "Succeed" }', '  }', '}'),
        },
      ],
    },
  },
  {
    id: 'no-duplicate-keys',
    description: 'Disallow an object key written twice',
    reportedBy: 'the JSON and YAML loaders',
    severity: 'error',
    configurable: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    docs: {
      rationale:
        "JSON.parse keeps the last of two equal keys without a word, so the definition a program reads is not the one written; AWS rejects it. aslkit reports the second key where it is written. Outside every state machine definition of a CloudFormation/SAM template, CloudFormation deploys the template with the last of the keys, so there the finding is a warning that says which one is kept.",
      invalid: [
        {
          format: 'json',
          text: lines('{', '  "StartAt": "A",', '  "States": {', '    "A": { "Type": "Pass", "Result": 1, "Result": 2, "End": true }', '  }', '}'),
        },
      ],
    },
  },
  {
    id: 'cloudformation-intrinsic',
    description: 'Enforce reading a CloudFormation intrinsic function in a standalone definition as its deploy-time placeholder',
    reportedBy: 'the loader, for a definition that is not inside a template',
    severity: 'warning',
    configurable: true,
    docs: {
      rationale:
        'A definition copied out of a CloudFormation or SAM template can still hold `Ref` or `Fn::*` objects, which CloudFormation replaces at deploy time and AWS Step Functions never sees. aslkit checks the definition with a `${…}` placeholder in their place and says so once per object; lint the template itself to have them resolved as CloudFormation would.',
      invalid: [
        {
          format: 'json',
          text: lines('{', '  "StartAt": "A",', '  "States": {', '    "A": {', '      "Type": "Task",', '      "Resource": { "Fn::GetAtt": ["Fn", "Arn"] },', '      "End": true', '    }', '  }', '}'),
        },
      ],
    },
  },
  {
    id: 'unsubstituted-placeholder',
    description: 'Disallow a ${Name} in a template definition that neither DefinitionSubstitutions nor Fn::Sub substitutes',
    reportedBy: 'the CloudFormation and SAM template loader',
    severity: 'warning; error in a Task Resource',
    configurable: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    docs: {
      rationale:
        "CloudFormation replaces `${Name}` in a state machine's definition only from its `DefinitionSubstitutions` (or an `Fn::Sub`). Any other `${Name}` reaches AWS Step Functions as literal text: a Task Resource that is not an ARN is rejected, anywhere else the text is silently kept.",
      invalid: [
        {
          title: 'The substitution is named Table in the definition but TableName in DefinitionSubstitutions.',
          format: 'yaml',
          text: lines(
            'Resources:',
            '  Machine:',
            '    Type: AWS::StepFunctions::StateMachine',
            '    Properties:',
            '      DefinitionSubstitutions:',
            '        TableName: orders',
            '      Definition:',
            '        StartAt: Put',
            '        States:',
            '          Put:',
            '            Type: Pass',
            '            Result:',
            '              table: ${Table}',
            '            End: true',
          ),
        },
        {
          title: 'In a Task Resource the literal text is not an ARN, which AWS rejects: an error.',
          format: 'yaml',
          text: lines(
            'Resources:',
            '  Machine:',
            '    Type: AWS::StepFunctions::StateMachine',
            '    Properties:',
            '      Definition:',
            '        StartAt: Call',
            '        States:',
            '          Call:',
            '            Type: Task',
            '            Resource: ${ProcessFunctionArn}',
            '            End: true',
          ),
        },
      ],
    },
  },
];

/** The ids a `rules` setting (and --rule) may configure besides the rules. */
export const CONFIGURABLE_NON_RULES: readonly string[] = NON_RULES.filter((meta) => meta.configurable).map((meta) => meta.id);
