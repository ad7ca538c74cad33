/**
 * Mock field validation: a mocked Task result checked against the output shape of the API
 * action the Task calls, as TestState does
 * (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 * PRESENT checks the fields the mock has; STRICT also wants the fields the API always returns;
 * fields the API does not know are accepted in both. Types and required fields are checked; the
 * bundled models have no enum, length or range traits (scripts/build-service-shapes.ts).
 */
import { createRequire } from 'node:module';
import { serviceActionOf } from './services.js';
import type { ServiceShapes, Shape, ShapesFile } from './services.js';
import type { MockResponseValidationMode } from './types.js';

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
      for (const element of value) {
        const problem = check(shapes, shape[1], element, field, how);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'm': {
      if (!isObject(value)) return `${name} must be an object`;
      for (const [key, item] of Object.entries(value)) {
        const problem = check(shapes, shape[1], item, key, how);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 's':
      return typeof value === 'string' ? undefined : `${name} must be a string`;
    case 'n':
      return typeof value === 'number' ? undefined : `${name} must be a number`;
    case 'b':
      return typeof value === 'boolean' ? undefined : `${name} must be a boolean`;
    case 't':
      return typeof value === 'string' ? undefined : `${name} must be a string`;
    case 'l':
      // Optimized integrations return JSON payloads (Lambda's Payload) as JSON, not base64 text.
      return how.optimized || typeof value === 'string' ? undefined : `${name} must be a string`;
    case 'd':
      return undefined;
  }
}
