/**
 * The request fields AWS documents for an optimized integration, checked before the task is
 * scheduled: a request whose field has the wrong type is refused with States.Runtime and
 * nothing is scheduled. API Gateway's fields and their types:
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html
 * ("Headers" and "QueryParameters" are maps of string to list of strings).
 */
type FieldKind = 'string' | 'stringListMap' | 'authType';

const REQUEST_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  'arn:aws:states:::apigateway:invoke': {
    ApiEndpoint: 'string',
    Method: 'string',
    Stage: 'string',
    Path: 'string',
    Headers: 'stringListMap',
    QueryParameters: 'stringListMap',
    AuthType: 'authType',
  },
};

const AUTH_TYPES = new Set(['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY']);

function valid(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'authType':
      return typeof value === 'string' && AUTH_TYPES.has(value);
    case 'stringListMap':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        && Object.values(value).every((v) => Array.isArray(v) && v.every((item) => typeof item === 'string'));
  }
}

/** The check of one Resource's request (without `.sync` / `.waitForTaskToken`), or undefined. */
export function requestCheck(resource: string): ((request: unknown) => string | undefined) | undefined {
  const base = resource.replace(/\.(sync(:2)?|waitForTaskToken)$/, '');
  if (!Object.hasOwn(REQUEST_FIELDS, base)) return undefined;
  const fields = REQUEST_FIELDS[base]!;
  return (request) => {
    if (request === null || typeof request !== 'object') return undefined;
    for (const [field, kind] of Object.entries(fields)) {
      const value = (request as Record<string, unknown>)[field];
      if (Object.hasOwn(request, field) && !valid(kind, value)) return `The value of the field '${field}' has an invalid format`;
    }
    return undefined;
  };
}
