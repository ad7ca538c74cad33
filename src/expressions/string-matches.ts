/**
 * StringMatches patterns (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html): `*` matches any run of zero or more characters,
 * `\*` is a literal asterisk and `\\` a literal backslash; every other character, `?`, `[`
 * and `.` included, stands for itself, and the whole text must match. Any other character
 * after a backslash, or a backslash that ends the pattern, is illegal: the linter reports
 * it (AWS refuses the definition) and the engine never runs such a pattern.
 */

const BACKSLASH = '\\';

/** An illegal escape: `message` completes "The StringMatches pattern '…' has …". */
export interface StringMatchesIssue {
  message: string;
  /** 0-based index of the backslash in the pattern. */
  index: number;
}

interface ParsedPattern {
  /** The literal runs between unescaped `*`, so a pattern without `*` is one part. */
  parts: string[];
  /** The first illegal escape, if any. */
  issue: StringMatchesIssue | undefined;
}

const ALLOWED = "only '\\*' (a literal asterisk) and '\\\\' (a literal backslash) may follow a backslash";

const NAMED_CONTROLS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text as a message shows it: control characters, which would break its line, written as escapes. */
export function printablePattern(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => NAMED_CONTROLS[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parse(pattern: string): ParsedPattern {
  const parts: string[] = [''];
  let issue: StringMatchesIssue | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === BACKSLASH) {
      const next = pattern[i + 1];
      if (next === '*' || next === BACKSLASH) {
        parts[parts.length - 1] += next;
        i++;
        continue;
      }
      if (issue === undefined) {
        issue = next === undefined
          ? { message: `a lone '\\' at its end (character ${i + 1}): ${ALLOWED}`, index: i }
          : { message: `the escape '\\${printablePattern(String.fromCodePoint(pattern.codePointAt(i + 1)!))}' at character ${i + 1}: ${ALLOWED}`, index: i };
      }
      // Illegal escapes never reach a run (the definition is refused); matching one as a
      // literal backslash keeps this function total.
      parts[parts.length - 1] += c;
    } else if (c === '*') {
      parts.push('');
    } else {
      parts[parts.length - 1] += c;
    }
  }
  return { parts, issue };
}

/** The first illegal escape of a pattern, or undefined when the pattern is legal. */
export function checkStringMatches(pattern: string): StringMatchesIssue | undefined {
  return parse(pattern).issue;
}

/**
 * A matcher for the pattern. The first and last literal runs are anchored at the ends and each
 * middle run is found leftmost after the previous one, which is exact for `*`-only patterns
 * and linear in the text: no pattern can cause backtracking blow-up.
 */
export function compileStringMatches(pattern: string): (text: string) => boolean {
  const { parts } = parse(pattern);
  const first = parts[0]!;
  if (parts.length === 1) return (text) => text === first;
  const last = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let pos = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, pos);
      if (found < 0 || found + part.length > end) return false;
      pos = found + part.length;
    }
    return true;
  };
}
