/**
 * JSONPath-mode data flow: Paths and Reference Paths, the InputPath / OutputPath / ResultPath
 * steps, and payload templates. compilePath lives in path.ts, which does not import the
 * intrinsics module (intrinsics import compilePath for their path arguments).
 */
export { compilePath, setOwn } from './path.js';
export type { CompiledPath, PathKind } from './path.js';
export { looksLikePath } from './parse.js';
export type { PathKey, PathRoot } from './parse.js';
export { applyInputPath, applyOutputPath, applyResultPath } from './io.js';
export { compilePayloadTemplate, evaluatePathField } from './template.js';
export type { CompiledTemplate, TemplateCompileResult, TemplateIssue, TemplateOptions } from './template.js';
