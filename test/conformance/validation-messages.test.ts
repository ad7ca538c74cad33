import { describe, expect, it } from 'vitest';
import { awsMessages } from '../../scripts/conformance/validation.js';

describe('awsMessages', () => {
  it.each([
    [
      'ValidateStateMachineDefinition diagnostics',
      { diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [StartAt]', location: '/', severity: 'ERROR' }] },
      ['These fields are required: [StartAt]'],
    ],
    [
      'a folded CreateStateMachine message',
      { error_message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing at /States/State0/Credentials'" },
      ["The field 'RoleArn' is required but was missing"],
    ],
    [
      'several folded diagnostics',
      { error_message: "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next, MISSING_END_STATE: Workflow has no terminal state at null'" },
      ["Missing 'Next' target: B", 'Workflow has no terminal state'],
    ],
    ['a recorded ValueError', { error_message: `Error=ValueError Args=['Label cannot be empty'] in definition '{}'` }, ['Label cannot be empty']],
  ])('%s', (_name, fields, expected) => {
    const c = { id: 'x', api: 'CreateStateMachine' as const, definition_text: '{}', state_machine_type: 'STANDARD' as const, valid: false, ...fields };
    expect(awsMessages(c)).toEqual(expected);
  });
});

// LocalStack printed the repr of a list holding the repr of the character: one level of escapes is undone.
describe('awsMessages of recorded Python reprs', () => {
  it.each([
    [`Error=ValueError Args=["Label contains invalid character: '\\\\x9f'"] in definition '{}'`, "Label contains invalid character: '\\x9f'"],
    [`Error=ValueError Args=["Label contains invalid character: '\\\\t'"] in definition '{}'`, "Label contains invalid character: '\\t'"],
  ])('%s', (error_message, expected) => {
    expect(awsMessages({ id: 'x', api: 'CreateStateMachine', definition_text: '{}', state_machine_type: 'STANDARD', valid: false, error_message })).toEqual([expected]);
  });
});
