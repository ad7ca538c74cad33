import { describe, expect, it } from 'vitest';
import { DefinitionError, createStateMachine } from '../src/index.js';

const definitionFile = JSON.stringify({
  StartAt: 'Greet',
  States: {
    Greet: { Type: 'Pass', Parameters: { 'greeting': 'Hello ${Name}', 'limit': '${Limit}' }, Next: 'Wait' },
    Wait: { Type: 'Wait', Seconds: 1, End: true },
  },
}).replace('"Seconds":1', '"Seconds":${Delay}');

const samTemplate = `
Transform: AWS::Serverless-2016-10-31
Parameters:
  Greeting: { Type: String, Default: World }
Resources:
  Main:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/main.asl.json
      DefinitionSubstitutions:
        Name: !Ref Greeting
        Limit: 3
        Delay: 5
`;

const twoMachines = `
Resources:
  First:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: { StartAt: A, States: { A: { Type: Pass, Result: first, End: true } } }
  Second:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "\${Word}", "End": true}}}'
      DefinitionSubstitutions:
        Word: second
  Broken:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: { StartAt: Missing, States: { A: { Type: Succeed } } }
`;

function definitionError(run: () => unknown): DefinitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof DefinitionError) return error;
    throw error;
  }
  throw new Error('no DefinitionError');
}

describe('createStateMachine on a CloudFormation/SAM template', () => {
  const readFile = (path: string) => (path === 'statemachine/main.asl.json' ? definitionFile : undefined);

  it('runs the machine of its DefinitionUri with its DefinitionSubstitutions (a Ref read as the parameter Default)', async () => {
    const machine = createStateMachine(samTemplate, { readFile, clock: 'simulated' });
    const result = await machine.execute({});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { greeting: 'Hello World', limit: '3' } });
    const waited = result.history.find((e) => e.type === 'WaitStateEntered');
    expect(waited).toBeDefined();
  });

  it('reads the DefinitionUri file once: the engine runs the definition the linter loaded', () => {
    const read: string[] = [];
    createStateMachine(samTemplate, { readFile: (path) => (read.push(path), readFile(path)) });
    expect(read).toEqual(['statemachine/main.asl.json']);
  });

  it('lets `substitutions` override the DefinitionSubstitutions, a bare placeholder taking the value itself', async () => {
    const machine = createStateMachine(samTemplate, { readFile, clock: 'simulated', substitutions: { Name: 'Ada', Delay: 0 } });
    expect(await machine.execute({})).toMatchObject({ status: 'SUCCEEDED', output: { greeting: 'Hello Ada', limit: '3' } });
  });

  it('runs the machine that `machine` names, and ignores errors of the other machines', async () => {
    const first = createStateMachine(twoMachines, { machine: 'First' });
    const second = createStateMachine(twoMachines, { machine: 'Second' });
    expect(await first.execute()).toMatchObject({ status: 'SUCCEEDED', output: 'first' });
    expect(await second.execute()).toMatchObject({ status: 'SUCCEEDED', output: 'second' });
  });

  it('with several machines and no `machine`, is a DefinitionError listing them', () => {
    const error = definitionError(() => createStateMachine(twoMachines));
    expect(error.message).toBe(
      "Invalid state machine definition:\n  /Resources: The template has 3 state machines (First, Second, Broken); choose one with the 'machine' option",
    );
  });

  it('names an unknown machine with "did you mean"', () => {
    const error = definitionError(() => createStateMachine(twoMachines, { machine: 'Frist' }));
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      "The template has no state machine 'Frist'; did you mean 'First'? (it has First, Second, Broken)",
    ]);
  });

  it("names the chosen machine's errors, with their place", () => {
    const error = definitionError(() => createStateMachine(twoMachines, { machine: 'Broken' }));
    expect(error.diagnostics.map((d) => [d.file, d.ruleId, d.line])).toEqual([['Broken', 'valid-start-at', 16]]);
    expect(error.message).toBe("Invalid state machine definition:\n  Broken /StartAt (16:30): Missing 'StartAt' target: Missing");
  });

  it('without readFile, a DefinitionUri machine is a DefinitionError saying why, never an empty one', () => {
    const error = definitionError(() => createStateMachine(samTemplate));
    expect(error.message).toBe(
      "Invalid state machine definition:\n  /: No state machine definition to run: DefinitionUri 'statemachine/main.asl.json' of 'Main' is a local file and no readFile option was given to read it; it is not checked",
    );
  });

  it('refuses `machine` for a plain definition', () => {
    const error = definitionError(() => createStateMachine({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, { machine: 'A' }));
    expect(error.diagnostics[0]?.ruleId).toBe('create-state-machine');
  });
});

describe('paths as Jayway reads them, run', () => {
  it('evaluates a bracket after a dot and a path with spaces around it', async () => {
    const machine = createStateMachine(
      {
        StartAt: 'P',
        States: { P: { Type: 'Pass', Parameters: { 'first.$': '$.[0].body', 'state.$': ' $.[1].Snapshots.[0].State ', 'name.$': '$$.Execution.Name ' }, End: true } },
      },
      { clock: 'simulated' },
    );
    const result = await machine.execute([{ body: 'b' }, { Snapshots: [{ State: 'completed' }] }], { name: 'run-1' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { first: 'b', state: 'completed', name: 'run-1' } });
  });
});
