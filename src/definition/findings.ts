import { escapePointerToken, type Diagnostic } from './diagnostic.js';
import type { LineIndex, OffsetMapper } from './source-map.js';

/** A loader finding while its place is still an offset in the parsed text. */
export interface RawFinding {
  ruleId: 'parse' | 'no-duplicate-keys' | 'cloudformation-intrinsic' | 'unsubstituted-placeholder';
  severity: 'error' | 'warning';
  /** For syntax errors the place is added: `<message> at line L, column C[: <detail>]`. */
  message: string;
  /** False for findings whose message reads whole without the place (template notes). */
  placeInMessage?: false;
  detail?: string;
  /** Relative to the definition ('' before any definition is known). */
  pointer: string;
  offset: number;
  code?: string;
}

/** `lines` undefined: the finding is in an object handed in, which has no lines to place it on. */
export function toDiagnostic(
  finding: RawFinding,
  lines: LineIndex | undefined,
  toSource: OffsetMapper,
  file: string | undefined,
): Diagnostic {
  const position = lines?.position(toSource(finding.offset));
  const detail = finding.detail === undefined ? '' : `: ${finding.detail}`;
  const message =
    finding.ruleId !== 'parse' || finding.placeInMessage === false
      ? finding.message
      : position === undefined
        ? `${finding.message}${detail}`
        : `${finding.message} at line ${position.line}, column ${position.column}${detail}`;
  const diagnostic: Diagnostic = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message,
    pointer: finding.pointer,
  };
  if (position !== undefined) {
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  if (finding.code !== undefined) diagnostic.code = finding.code;
  if (file !== undefined) diagnostic.file = file;
  return diagnostic;
}

export function duplicateKeyFinding(key: string, objectPointer: string, keyOffset: number): RawFinding {
  return {
    ruleId: 'no-duplicate-keys',
    severity: 'error',
    message: `Duplicate key '${key}' in ${objectPointer === '' ? '/' : objectPointer}; AWS rejects duplicate keys (JSON.parse would keep the last)`,
    pointer: objectPointer === '' ? `/${escapePointerToken(key)}` : `${objectPointer}/${escapePointerToken(key)}`,
    offset: keyOffset,
    code: 'SCHEMA_VALIDATION_FAILED',
  };
}

