/** Intrinsic functions (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html): compile once, evaluate many. */
export { compileIntrinsic, invalidIntrinsicFieldMessage, isIntrinsicCall, MAX_NESTING } from './compile.js';
export type { CompiledIntrinsic } from './compile.js';
export { HASH_ALGORITHMS } from '../hash.js';
export {
  INTRINSIC_FAILURE_ERROR,
  INTRINSIC_FUNCTIONS,
  INTRINSIC_FUNCTIONS_BY_NAME,
  MAX_RANGE_ELEMENTS,
  MAX_STRING_INPUT,
  renderFormatValue,
} from './functions.js';
export type { ArgumentType, IntrinsicFunction, IntrinsicImpl, ValueType } from './functions.js';
export type { CallNode, IntrinsicCheck, IntrinsicIssue, IntrinsicNode, LiteralNode, PathNode } from './ast.js';
export { suggestFunction } from './check.js';
