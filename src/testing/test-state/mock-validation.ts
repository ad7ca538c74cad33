/**
 * Mock field validation: a mocked Task result checked against the output shape of the API
 * action the Task calls, as TestState does
 * (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 * PRESENT checks the fields the mock has; STRICT also wants the fields the API always returns;
 * fields the API does not know are accepted in both. Types, required fields, enums, lengths and
 * ranges are checked; the constraints come from an older model than the structure, so members
 * newer than it have none (scripts/build-service-shapes.ts).
 */
import { createRequire } from 'node:module';
import { serviceActionOf } from './services.js';
import type { ServiceShapes, Shape, ShapesFile } from './services.js';
import type { MockResponseValidationMode } from './types.js';
import { isObject } from '../../definition/walk.js';

let shapesFile: ShapesFile | undefined;

/**
 * Loaded on first use, next to this module (the build copies it next to the bundle), so the
 * shapes cost nothing to importers that never validate a mock.
 */
function serviceShapes(service: string): ServiceShapes | undefined {
  shapesFile ??= createRequire(import.meta.url)('./service-shapes.json') as ShapesFile;
  return shapesFile.services[service];
}

/** The first problem with `result` for this resource, as AWS words it; undefined when it passes. */
export function mockResultProblem(resource: string, result: unknown, mode: MockResponseValidationMode): string | undefined {
  if (mode === 'NONE') return undefined;
  const call = serviceActionOf(resource);
  if (call === undefined) return undefined;
  const service = serviceShapes(call.service);
  const root = service?.actions[call.action];
  if (service === undefined || root === undefined) return undefined;
  const problem = check(service.shapes, root, result, undefined, { strict: mode === 'STRICT', optimized: call.optimized });
  return problem === undefined ? undefined : `Mock result schema validation error: ${problem}`;
}

interface Check {
  strict: boolean;
  optimized: boolean;
}

function check(shapes: readonly Shape[], index: number, value: unknown, field: string | undefined, how: Check): string | undefined {
  const shape = shapes[index];
  if (shape === undefined) return undefined;
  const name = `Field '${field ?? 'result'}'`;
  switch (shape[0]) {
    case 'o': {
      if (!isObject(value)) return `${name} must be an object`;
      const [, members, required] = shape;
      if (how.strict) {
        for (const member of required ?? []) if (!(member in value)) return `Required field '${member}' is missing`;
      }
      for (const [member, item] of Object.entries(value)) {
        const target = members[member];
        if (target === undefined) continue;
        const problem = check(shapes, target, item, member, how);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'a': {
      if (!Array.isArray(value)) return `${name} must be an array`;
      const [, item, min, max] = shape;
      const bounds = lengthProblem(name, value.length, min, max);
      if (bounds !== undefined) return bounds;
      for (const element of value) {
        const problem = check(shapes, item, element, field, how);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'm': {
      if (!isObject(value)) return `${name} must be an object`;
      const [, entry, min, max] = shape;
      const bounds = lengthProblem(name, Object.keys(value).length, min, max);
      if (bounds !== undefined) return bounds;
      for (const [key, item] of Object.entries(value)) {
        const problem = check(shapes, entry, item, key, how);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 's': {
      if (typeof value !== 'string') return `${name} must be a string`;
      const [, min, max, values] = shape;
      if (values && !values.includes(value)) return `${name} is not an expected value`;
      return lengthProblem(name, value.length, min, max);
    }
    case 'n': {
      if (typeof value !== 'number') return `${name} must be a number`;
      const [, min, max] = shape;
      if (min !== undefined && min !== null && value < min) return `${name} is less than the minimum value`;
      if (max !== undefined && max !== null && value > max) return `${name} exceeds the maximum value`;
      return undefined;
    }
    case 'b':
      return typeof value === 'boolean' ? undefined : `${name} must be a boolean`;
    case 't':
      return typeof value === 'string' ? undefined : `${name} must be a string`;
    case 'l': {
      // Optimized integrations return JSON payloads (Lambda's Payload) as JSON, not base64 text.
      if (how.optimized) return undefined;
      if (typeof value !== 'string') return `${name} must be a string`;
      return lengthProblem(name, value.length, shape[1], shape[2]);
    }
    case 'd':
      return undefined;
  }
}

function lengthProblem(name: string, length: number, min: number | null | undefined, max: number | null | undefined): string | undefined {
  if (min !== undefined && min !== null && length < min) return `${name} is smaller than the minimum length`;
  if (max !== undefined && max !== null && length > max) return `${name} exceeds the maximum length`;
  return undefined;
}
