/** One finding of the linter (or a loader), as data. */
export interface Diagnostic {
  /** Rule id (kebab-case), or `parse` / `schema` for loader and schema findings. */
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  /** RFC 6901 JSON pointer into the state machine definition ('' is the root). */
  pointer: string;
  /** 1-based line and column in the source file, when the source text is known. */
  line?: number;
  column?: number;
  /** AWS's diagnostic code where AWS has one (SCHEMA_VALIDATION_FAILED, MISSING_END_STATE, ...). */
  code?: string;
  /** The file (and, for templates, `file#ResourceName`) the finding belongs to. */
  file?: string;
}

/** Escape one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  // Most tokens (state names, indexes) need no escape: skip the two replacements.
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
