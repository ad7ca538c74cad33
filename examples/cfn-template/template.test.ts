import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStateMachine, lint, loadSource, type TaskHandler } from '../../src/index.js';

const template = readFileSync(new URL('./template.json', import.meta.url), 'utf8');

function loadMachine(text: string) {
  const loaded = loadSource(text, { filename: 'template.json' });
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.definitions).toHaveLength(1);
  return loaded.definitions[0]!;
}

describe('CloudFormation template example (DefinitionString with Fn::Sub and DefinitionSubstitutions)', () => {
  it('finds the one state machine and lints it clean', () => {
    const machine = loadMachine(template);
    expect(machine.resourceName).toBe('InvoiceReminderStateMachine');
    expect(machine.stateMachineType).toBe('STANDARD');
    expect(lint(template, { filename: 'template.json' })).toEqual({ valid: true, diagnostics: [] });
  });

  it('keeps the placeholders that only deployment resolves as written', () => {
    const { definition } = loadMachine(template);
    const states = (definition as { States: Record<string, { Parameters?: Record<string, unknown> }> }).States;
    expect(states['CollectUnpaidInvoices']?.Parameters).toMatchObject({ Payload: { stage: '${Stage}' } });
    expect(states['WriteSummary']?.Parameters).toMatchObject({ Bucket: '${ReportBucket}' });
  });

  it('reports a broken definition at its line in the template', () => {
    const broken = template.replace('"Next\\": \\"WriteSummary\\"', '"Next\\": \\"WriteSumary\\"');
    expect(broken).not.toBe(template);
    const { valid, diagnostics } = lint(broken, { filename: 'template.json' });
    expect(valid).toBe(false);
    // The whole DefinitionString sits on line 129; columns point inside that JSON string.
    expect(diagnostics).toEqual([
      {
        ruleId: 'no-missing-transition-target',
        severity: 'error',
        code: 'MISSING_TRANSITION_TARGET',
        message: "Missing 'Next' target: WriteSumary",
        pointer: '/States/QueueReminders/Next',
        file: 'template.json#InvoiceReminderStateMachine',
        line: 129,
        column: 1747,
      },
      {
        ruleId: 'no-unreachable-state',
        severity: 'error',
        code: 'MISSING_TRANSITION_TARGET',
        message: 'State "WriteSummary" is not reachable.',
        pointer: '/States/WriteSummary',
        file: 'template.json#InvoiceReminderStateMachine',
        line: 129,
        column: 1776,
      },
    ]);
  });

  it('runs the extracted definition: one reminder per invoice, then the summary', async () => {
    const { definition } = loadMachine(template);
    const sent: unknown[] = [];
    let putObject: unknown;
    const handlers: Record<string, TaskHandler> = {
      CollectUnpaidInvoices: () => ({ stage: 'prod', invoices: [{ id: 'inv-1', due: 120 }, { id: 'inv-2', due: 80 }] }),
      SendReminder: (input) => (sent.push(input), { MessageId: `msg-${sent.length}` }),
      WriteSummary: (input) => ((putObject = input), { ETag: '"e1"' }),
    };
    const result = await createStateMachine(definition as object, { handlers, clock: 'simulated' }).execute({}, { name: 'nightly-2024-01-01' });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { stage: 'prod', reminders: [{ messageId: 'msg-1' }, { messageId: 'msg-2' }] },
    });
    expect(sent).toEqual([
      { QueueUrl: '${QueueUrl}', MessageBody: { id: 'inv-1', due: 120 } },
      { QueueUrl: '${QueueUrl}', MessageBody: { id: 'inv-2', due: 80 } },
    ]);
    expect(putObject).toEqual({
      Bucket: '${ReportBucket}',
      Key: 'invoice-reminders/prod/nightly-2024-01-01.json',
      Body: '[{"messageId":"msg-1"},{"messageId":"msg-2"}]',
      ContentType: 'application/json',
    });
  });

  // Fn::Sub turns `${!Name}` into the literal `${Name}` (CloudFormation's documented escape), which
  // DefinitionSubstitutions then replaces, so AWS sees "TimeoutSeconds": 900.
  it('reads an escaped ${!Name} in a Fn::Sub DefinitionString as the DefinitionSubstitutions value', () => {
    const escaped = JSON.stringify({
      Resources: {
        Nightly: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: {
            RoleArn: 'arn:aws:iam::123456789012:role/sfn',
            DefinitionSubstitutions: { ExportTimeout: 900 },
            DefinitionString: {
              'Fn::Sub': '{"StartAt":"Done","TimeoutSeconds":${!ExportTimeout},"States":{"Done":{"Type":"Succeed"}}}',
            },
          },
        },
      },
    });
    expect(lint(escaped).valid).toBe(true);
    expect(loadMachine(escaped).definition).toMatchObject({ TimeoutSeconds: 900 });
  });
});
