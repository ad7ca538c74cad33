/**
 * Which AWS API action a Task resource calls, for mock field validation, and the compact shape
 * format of service-shapes.json (written by scripts/build-service-shapes.ts).
 */

/**
 * One shape, as a tuple: `['o', members, required?]` a structure (member name -> shape index),
 * `['a', item, min?, max?]` a list, `['m', value, min?, max?]` a map, `['s', min?, max?, enum?]` a
 * string, `['n', min?, max?]` a number, `['b']` boolean, `['t']` timestamp, `['l', min?, max?]` a
 * blob, `['d']` any JSON. Bounds are lengths (entries for lists and maps), ranges for numbers;
 * absent ones are null.
 */
export type Shape =
  | readonly ['o', Readonly<Record<string, number>>, (readonly string[])?]
  | readonly ['a', number, (number | null)?, (number | null)?]
  | readonly ['m', number, (number | null)?, (number | null)?]
  | readonly ['s', (number | null)?, (number | null)?, (readonly string[] | null)?]
  | readonly ['n', (number | null)?, (number | null)?]
  | readonly ['b']
  | readonly ['t']
  | readonly ['l', (number | null)?, (number | null)?]
  | readonly ['d'];

export interface ServiceShapes {
  /** Action name as in the resource (`getObject`) -> index of its output shape. */
  actions: Readonly<Record<string, number>>;
  shapes: readonly Shape[];
}

export interface ShapesFile {
  source: string;
  services: Readonly<Record<string, ServiceShapes>>;
}

/**
 * The services whose shapes are bundled, by the name `aws-sdk:<name>:` resources use: every
 * service with an optimized integration
 * (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html) and the ones
 * most called through SDK integrations.
 */
export const SERVICES: readonly string[] = [
  'athena', 'batch', 'bedrock', 'bedrockruntime', 'cloudformation', 'cloudwatch', 'cloudwatchlogs',
  'codebuild', 'codepipeline', 'cognitoidentityprovider', 'dynamodb', 'ecr', 'ecs', 'eks', 'emr',
  'emrcontainers', 'emrserverless', 'eventbridge', 'firehose', 'glue', 'iam', 'kinesis', 'kms',
  'lambda', 'mediaconvert', 'rds', 'redshiftdata', 'rekognition', 's3', 'sagemaker',
  'secretsmanager', 'ses', 'sesv2', 'sfn', 'sns', 'sqs', 'ssm', 'sts', 'textract',
  'translate', 'xray',
];

/**
 * Optimized integrations name some services differently from the SDK
 * (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html).
 */
const OPTIMIZED_SERVICE: Readonly<Record<string, string>> = {
  events: 'eventbridge',
  states: 'sfn',
  elasticmapreduce: 'emr',
  'emr-containers': 'emrcontainers',
  'emr-serverless': 'emrserverless',
  'bedrock-runtime': 'bedrockruntime',
};

export interface ServiceAction {
  service: string;
  action: string;
  /** Optimized integrations hand back JSON payloads (Lambda's Payload) parsed, not as blobs. */
  optimized: boolean;
}

/**
 * The API action a request-response Task resource calls: `arn:aws:states:::aws-sdk:s3:getObject`
 * -> s3 / getObject, `arn:aws:states:::events:putEvents` -> eventbridge / putEvents. Undefined for
 * Lambda function ARNs, activities, HTTP tasks and the `.sync` / `.waitForTaskToken` patterns,
 * whose results are not one API action's output.
 */
export function serviceActionOf(resource: string): ServiceAction | undefined {
  const parts = resource.split(':');
  if (parts[0] !== 'arn' || parts[2] !== 'states' || parts[3] !== '' || parts[4] !== '') return undefined;
  const rest = parts.slice(5);
  if (rest.some((p) => p.includes('.'))) return undefined;
  if (rest[0] === 'aws-sdk' && rest.length === 3) return { service: rest[1]!, action: rest[2]!, optimized: false };
  if (rest.length !== 2 || rest[0] === 'http') return undefined;
  return { service: OPTIMIZED_SERVICE[rest[0]!] ?? rest[0]!, action: rest[1]!, optimized: true };
}
