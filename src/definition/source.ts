import type { Diagnostic } from './diagnostic.js';

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/**
 * Maps a JSON pointer inside one definition to a place in the source file.
 * `locate` answers for the value at the pointer; `locateKey` for the property
 * name that holds it (better for "field X is not supported").
 * For the nearest existing ancestor when the pointer does not exist.
 */
export interface SourceMap {
  locate(pointer: string): SourcePosition | undefined;
  locateKey(pointer: string): SourcePosition | undefined;
  /** The character at `index` of the string value at the pointer (escapes and YAML folding counted). */
  locateInString?(pointer: string, index: number): SourcePosition | undefined;
}

/** One state machine definition taken out of a source file. */
export interface LoadedDefinition {
  /** The parsed definition, as plain JSON data (not validated). */
  definition: unknown;
  sourceMap: SourceMap;
  /** For CloudFormation/SAM: the logical id of the resource. */
  resourceName?: string;
  /**
   * Pointers of values that a deployment replaces before AWS reads the definition: a bare
   * `${Name}` and a CloudFormation intrinsic function. Their type is not known here.
   */
  placeholders?: ReadonlySet<string>;
  /**
   * For CloudFormation/SAM: the resource's DefinitionSubstitutions, a `Ref` to a parameter read
   * as its Default; other intrinsic functions stay objects (their value is known only once deployed).
   */
  substitutions?: Readonly<Record<string, unknown>>;
  /** For CloudFormation/SAM: the definition's type when the template says it (Type: EXPRESS). */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  /**
   * The file the source map points into when it is not the loaded one: a SAM DefinitionUri,
   * as the template's reader finds it (beside the template).
   */
  file?: string;
}

export type SourceFormat = 'auto' | 'json' | 'yaml' | 'cloudformation';

export interface LoadOptions {
  filename?: string;
  format?: SourceFormat;
  /**
   * Reads a local DefinitionUri relative to the template; the CLI passes one, the library does not.
   * Returning undefined or throwing is a file that cannot be read (a thrown Error's message is the reason).
   */
  readFile?: (path: string) => string | undefined;
}

/** What a loader returns: every definition found plus the parse findings (ruleId 'parse'). */
export interface LoadResult {
  format: Exclude<SourceFormat, 'auto'>;
  definitions: LoadedDefinition[];
  diagnostics: Diagnostic[];
  /**
   * For templates: each SAM DefinitionUri file that was read (as findings name it in `file`)
   * -> the logical id of its resource, also when the file did not parse.
   */
  definitionFiles?: Record<string, string>;
}
