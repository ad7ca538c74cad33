/**
 * JSONata in Step Functions (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): `{% %}` strings compiled once with jsonata 2.0.6,
 * evaluated against `$states` and workflow variables with AWS's added functions, errors and
 * limits; plus the static analysis the linter needs.
 */
export {
  analyzeJsonata,
  analyzeJsonataOnce,
  checkFunctionCall,
  expressionBody,
  INVALID_JSONATA_EXPRESSION,
  isJsonataString,
  isMalformedJsonataString,
  UNSUPPORTED_JSONATA_EXPRESSION,
} from './analyze.js';
export type { FunctionCall, JsonataAnalysis, NameReference } from './analyze.js';
export { forEachJsonataString, jsonataLocation, jsonataStringsOf, looksLikeJsonata } from './fields.js';
export type { JsonataOwner, JsonataString } from './fields.js';
export { compileJsonata, EVALUATION_TIMEOUT_MS, MAX_EVALUATION_DEPTH } from './compile.js';
export type { CompiledJsonata, JsonataBindings, JsonataLimits } from './compile.js';
export { arityOf, KNOWN_FUNCTIONS, seededRandom } from './functions.js';
export type { FunctionArity } from './functions.js';
export { expectType, jsonTypeOf, QUERY_EVALUATION_ERROR } from './result.js';
export type { ExpectedType } from './result.js';
export { compileJsonataTemplate } from './template.js';
export type { CompiledJsonataTemplate, TemplateIssue } from './template.js';
