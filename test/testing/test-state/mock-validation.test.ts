import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockResultProblem } from '../../../src/testing/test-state/mock-validation.js';
import { SERVICES, serviceActionOf } from '../../../src/testing/test-state/services.js';
import type { ShapesFile } from '../../../src/testing/test-state/services.js';

const PUT_EVENTS = 'arn:aws:states:::events:putEvents';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const ENCRYPT = 'arn:aws:states:::aws-sdk:kms:encrypt';
const GET_FUNCTION = 'arn:aws:states:::aws-sdk:lambda:getFunction';
const GET_OBJECT = 'arn:aws:states:::aws-sdk:s3:getObject';
const GET_ITEM = 'arn:aws:states:::dynamodb:getItem';

describe('mock field validation against the API output shape', () => {
  it.each<[string, string, unknown, 'STRICT' | 'PRESENT' | 'NONE', string | undefined]>([
    ['unknown fields pass', PUT_EVENTS, { random: 'json' }, 'STRICT', undefined],
    ['a list that is not an array', PUT_EVENTS, { Entries: 'x' }, 'PRESENT', "Field 'Entries' must be an array"],
    ['a nested member of the wrong type', PUT_EVENTS, { Entries: [{ EventId: 'a' }, { EventId: ['b'] }] }, 'PRESENT', "Field 'EventId' must be a string"],
    ['a timestamp that is not text', START_EXECUTION, { ExecutionArn: 'arn', StartDate: true }, 'STRICT', "Field 'StartDate' must be a string"],
    ['STRICT wants the required members', START_EXECUTION, { ExecutionArn: 'arn' }, 'STRICT', "Required field 'StartDate' is missing"],
    ['PRESENT does not', START_EXECUTION, {}, 'PRESENT', undefined],
    ['NONE checks nothing', START_EXECUTION, { StartDate: true }, 'NONE', undefined],
    ['an integer given as text', LAMBDA_INVOKE, { StatusCode: '200' }, 'PRESENT', "Field 'StatusCode' must be a number"],
    ['an optimized Lambda Payload may be any JSON', LAMBDA_INVOKE, { Payload: { any: ['json'] }, StatusCode: 200 }, 'STRICT', undefined],
    ['a blob that is not text', ENCRYPT, { CiphertextBlob: 123 }, 'STRICT', "Field 'CiphertextBlob' must be a string"],
    ['a blob below its minimum length', ENCRYPT, { CiphertextBlob: '' }, 'STRICT', "Field 'CiphertextBlob' is smaller than the minimum length"],
    ['a blob at its minimum length', ENCRYPT, { CiphertextBlob: 'A' }, 'STRICT', undefined],
    ['a number below its range', GET_FUNCTION, { Configuration: { MemorySize: 127 } }, 'STRICT', "Field 'MemorySize' is less than the minimum value"],
    ['a number at the bottom of its range', GET_FUNCTION, { Configuration: { MemorySize: 128 } }, 'STRICT', undefined],
    ['a number above its range', GET_FUNCTION, { Configuration: { MemorySize: 10241 } }, 'PRESENT', "Field 'MemorySize' exceeds the maximum value"],
    ['a value outside the enum', GET_OBJECT, { StorageClass: 'Papyrus' }, 'PRESENT', "Field 'StorageClass' is not an expected value"],
    ['a value of the enum', GET_OBJECT, { StorageClass: 'GLACIER' }, 'PRESENT', undefined],
    ['an enum value newer than botocore 1.29.27', GET_OBJECT, { StorageClass: 'EXPRESS_ONEZONE' }, 'PRESENT', undefined],
    ['another enum value newer than botocore 1.29.27', GET_OBJECT, { ServerSideEncryption: 'aws:kms:dsse' }, 'PRESENT', undefined],
    ['a value outside the grown enum', GET_OBJECT, { ServerSideEncryption: 'aws:kms:triple' }, 'PRESENT', "Field 'ServerSideEncryption' is not an expected value"],
    ['a string above its maximum length', GET_FUNCTION, { Configuration: { Description: 'x'.repeat(257) } }, 'PRESENT', "Field 'Description' exceeds the maximum length"],
    ['a list above its maximum length', GET_FUNCTION, { Configuration: { Architectures: ['x86_64', 'arm64'] } }, 'PRESENT', "Field 'Architectures' exceeds the maximum length"],
    ['a member newer than botocore 1.29.27 has no constraints', GET_FUNCTION, { Configuration: { LoggingConfig: { LogGroup: '' } } }, 'PRESENT', undefined],
    ['a nested number given as text', GET_FUNCTION, { Configuration: { MemorySize: '128' } }, 'STRICT', "Field 'MemorySize' must be a number"],
    ['a map value of the wrong type', GET_ITEM, { Item: { id: { S: 1 } } }, 'STRICT', "Field 'S' must be a string"],
    ['a string given as a number', GET_OBJECT, { StorageClass: 1 }, 'PRESENT', "Field 'StorageClass' must be a string"],
    ['a boolean given as text', GET_OBJECT, { DeleteMarker: 'true' }, 'PRESENT', "Field 'DeleteMarker' must be a boolean"],
    ['a long given as text', GET_OBJECT, { ContentLength: '9000' }, 'PRESENT', "Field 'ContentLength' must be a number"],
  ])('%s', (_, resource, result, mode, problem) => {
    expect(mockResultProblem(resource, result, mode)).toBe(problem === undefined ? undefined : `Mock result schema validation error: ${problem}`);
  });

  it('leaves resources without one API action alone', () => {
    expect(mockResultProblem('arn:aws:states:::states:startExecution.sync:2', { StartDate: true }, 'STRICT')).toBeUndefined();
    expect(mockResultProblem('arn:aws:lambda:us-east-1:111111111111:function:f', 1, 'STRICT')).toBeUndefined();
  });
});

describe('serviceActionOf', () => {
  it.each([
    ['arn:aws:states:::aws-sdk:s3:getObject', { service: 's3', action: 'getObject', optimized: false }],
    ['arn:aws:states:::events:putEvents', { service: 'eventbridge', action: 'putEvents', optimized: true }],
    ['arn:aws:states:::states:startExecution', { service: 'sfn', action: 'startExecution', optimized: true }],
    ['arn:aws:states:::dynamodb:putItem', { service: 'dynamodb', action: 'putItem', optimized: true }],
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', undefined],
    ['arn:aws:states:::http:invoke', undefined],
    ['arn:aws:lambda:us-east-1:111111111111:function:f', undefined],
  ])('%s', (resource, expected) => {
    expect(serviceActionOf(resource)).toEqual(expected);
  });
});

describe('service-shapes.json', () => {
  const file = JSON.parse(readFileSync(resolve(__dirname, '../../../src/testing/test-state/service-shapes.json'), 'utf8')) as ShapesFile;

  it('holds every listed service and names its source', () => {
    expect(Object.keys(file.services).sort()).toEqual([...SERVICES].sort());
  });

  it('was built from the installed aws-sdk and names the botocore it took constraints from', () => {
    const sdk = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('aws-sdk/package.json'), 'utf8')) as { version: string };
    expect(file.source).toBe(`npm aws-sdk@${sdk.version} apis/*.min.json; enum, length and range from botocore 1.29.27 (Debian python3-botocore 1.29.27+repack-1) data/*/*/service-2.json; enum values also from aws-sdk clients/*.d.ts`);
  });

  it('points every action at a shape of its service', () => {
    for (const service of Object.values(file.services)) {
      for (const index of Object.values(service.actions)) expect(service.shapes[index]).toBeDefined();
    }
  });
});
