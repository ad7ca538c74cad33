import { escapePointerToken } from './diagnostic.js';
import { valueOffsetOf, type OffsetMapper, type PositionTable } from './source-map.js';

/**
 * AWS substitutes `${Name}` (DefinitionSubstitutions, Fn::Sub variables,
 * pseudo parameters) and resolves intrinsic functions before it validates a
 * definition. The linter cannot know the values, so it sees `${Name}`
 * placeholder strings where AWS would see the substituted value.
 */

/**
 * A copy of a Definition object with every intrinsic function replaced by its placeholder string.
 * An object shared by several places is copied once and shared the same way, so heavy sharing
 * costs its distinct objects, not every path to them.
 */
export function replaceIntrinsics(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  let copy: unknown;
  if (Array.isArray(value)) copy = value.map((item) => replaceIntrinsics(item, copies));
  else {
    const intrinsic = intrinsicName(value);
    if (intrinsic !== undefined) copy = placeholderFor(intrinsic, (value as Record<string, unknown>)[intrinsic], copies);
    else {
      const record: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        Object.defineProperty(record, key, {
          value: replaceIntrinsics(member, copies),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
      copy = record;
    }
  }
  copies.set(value, copy);
  return copy;
}

/** Deeper than this, a template fragment's intrinsic functions are not looked for. */
const MAX_INTRINSIC_DEPTH = 256;

/**
 * Whether a value holds an intrinsic function object. Cheap (no pointers) and bounded in depth,
 * so cycles and hostile nesting end: lint() also takes objects that are not JSON data.
 */
function hasIntrinsic(value: unknown, depth: number, seen: WeakSet<object>): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_INTRINSIC_DEPTH || seen.has(value)) return false;
  // Each object once: a shared object (or one of several paths back up a cycle) is not searched again.
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) if (hasIntrinsic(item, depth + 1, seen)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key === 'Ref' || key.startsWith('Fn::')) {
      if (intrinsicName(value) !== undefined) return true;
    }
    if (hasIntrinsic((value as Record<string, unknown>)[key], depth + 1, seen)) return true;
  }
  return false;
}

/**
 * The pointers of the intrinsic function objects in a value (not those inside one), in
 * document order. Iterative and cycle-safe: lint() also takes objects that are not JSON data.
 */
export function intrinsicPointers(value: unknown): string[] {
  if (!hasIntrinsic(value, 0, new WeakSet())) return [];
  const out: string[] = [];
  const seen = new WeakSet<object>();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, pointer] = stack.pop() as [unknown, string];
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push([current[index], `${pointer}/${index}`]);
    } else if (intrinsicName(current) !== undefined) {
      out.push(pointer);
    } else {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, member] = entries[index] as [string, unknown];
        stack.push([member, `${pointer}/${escapePointerToken(key)}`]);
      }
    }
  }
  return out;
}

/**
 * Why an intrinsic function object in a standalone definition is read as a placeholder:
 * it is a fragment of a template, resolved before AWS sees the definition.
 */
export function intrinsicMessage(value: object): string {
  const name = intrinsicName(value) as string;
  const placeholder = placeholderFor(name, (value as Record<string, unknown>)[name]);
  const seen = typeof placeholder === 'string' ? `the placeholder ${JSON.stringify(placeholder)}` : 'its first branch';
  return `'${name}' is a CloudFormation intrinsic function, resolved at deploy time; aslkit checks it as ${seen}`;
}

/** `Ref` or `Fn::*` when the object is a single-key intrinsic function call. */
export function intrinsicName(value: object): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0] as string;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

/** What the linter sees in place of an intrinsic function: `${X}`, `${F.Arn}`, the Sub text, the joined text. */
function placeholderFor(name: string, argument: unknown, copies?: Map<object, unknown>): unknown {
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? `\${${argument}}` : '${Ref}';
    case 'Fn::GetAtt':
      if (typeof argument === 'string') return `\${${argument}}`;
      if (Array.isArray(argument) && argument.every((part) => typeof part === 'string')) {
        return `\${${argument.join('.')}}`;
      }
      return '${Fn::GetAtt}';
    case 'Fn::Sub': {
      const text = Array.isArray(argument) ? argument[0] : argument;
      return typeof text === 'string' ? unescapeSub(text).text : '${Fn::Sub}';
    }
    case 'Fn::Join': {
      const parts = joinParts(argument);
      return parts === undefined ? '${Fn::Join}' : parts.texts.join(parts.delimiter);
    }
    case 'Fn::If':
      // AWS takes one branch; the first is as likely as the second and keeps the shape.
      return Array.isArray(argument) && argument.length === 3 ? replaceIntrinsics(argument[1], copies) : '${Fn::If}';
    default:
      return `\${${name}}`;
  }
}

/** Fn::Join's delimiter and parts, each part as text (intrinsics as their placeholder). */
export function joinParts(argument: unknown): { delimiter: string; texts: string[] } | undefined {
  if (!Array.isArray(argument) || argument.length !== 2) return undefined;
  const [delimiter, parts] = argument as [unknown, unknown];
  if (typeof delimiter !== 'string' || !Array.isArray(parts)) return undefined;
  return { delimiter, texts: parts.map(partText) };
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part !== null && typeof part === 'object' && !Array.isArray(part)) {
    const name = intrinsicName(part);
    if (name !== undefined) {
      const text = placeholderFor(name, (part as Record<string, unknown>)[name]);
      if (typeof text === 'string') return text;
    }
  }
  return typeof part === 'number' || typeof part === 'boolean' ? String(part) : '${Fn::Join}';
}

export interface PreparedText {
  text: string;
  /** Offset in the prepared text -> offset in the original. */
  toOriginal: OffsetMapper;
}

/** One `${Name}` in a text: its name and the offset of its `$`. */
export interface PlaceholderOccurrence {
  name: string;
  offset: number;
}

/** Every `${Name}` in a text, not Fn::Sub's escape `${!Name}` (which writes a literal `${Name}`). */
export function placeholderOccurrences(text: string): PlaceholderOccurrence[] {
  const out: PlaceholderOccurrence[] = [];
  for (let i = text.indexOf('${'); i !== -1; i = text.indexOf('${', i + 2)) {
    const close = text.indexOf('}', i + 2);
    if (close === -1) break;
    if (text[i + 2] !== '!') out.push({ name: text.slice(i + 2, close), offset: i });
  }
  return out;
}

/**
 * Fn::Sub's output where it is known without deploying: `${!Name}` becomes the literal text
 * `${Name}`; `escaped` holds the offsets (in the output) of those literal ones.
 */
export function unescapeSub(text: string): PreparedText & { escaped: ReadonlySet<number> } {
  const removed: number[] = [];
  const escaped = new Set<number>();
  let out = '';
  let copiedTo = 0;
  for (let i = text.indexOf('${!'); i !== -1; i = text.indexOf('${!', i + 3)) {
    out += text.slice(copiedTo, i + 2);
    escaped.add(out.length - 2);
    removed.push(out.length);
    copiedTo = i + 3;
  }
  if (removed.length === 0) return { text, toOriginal: (offset) => offset, escaped };
  out += text.slice(copiedTo);
  return {
    text: out,
    // Each removed `!` before an offset shifts it by one.
    toOriginal: (offset) => offset + removed.filter((at) => at <= offset).length,
    escaped,
  };
}

/** A `${Name}` that CloudFormation leaves as it is, found in a string of a definition. */
export interface UnsubstitutedPlaceholder {
  name: string;
  /** The value of the definition that holds it. */
  pointer: string;
  /** The string it is written in: `pointer`, or the text of an Fn::Sub object there. */
  textPointer: string;
  /** Its offset in that string. */
  index: number;
  /** The value is a Task's Resource, which AWS requires to be an ARN. */
  inTaskResource: boolean;
}

/**
 * The placeholders of a definition (template Definition, or a parsed DefinitionString or
 * DefinitionUri file) whose names `isLiteral` says nothing substitutes. Inside an Fn::Sub
 * object only its `${!Name}` escapes count; other intrinsic functions are resolved values.
 */
export function unsubstitutedPlaceholders(definition: unknown, isLiteral: (name: string) => boolean): UnsubstitutedPlaceholder[] {
  const out: UnsubstitutedPlaceholder[] = [];
  const seen = new WeakSet<object>();
  const stack: [unknown, string, boolean][] = [[definition, '', false]];
  const collect = (text: string, pointer: string, textPointer: string, inTaskResource: boolean, onlyEscaped: boolean): void => {
    const occurrences = onlyEscaped
      ? (() => {
          const unescaped = unescapeSub(text);
          return placeholderOccurrences(unescaped.text)
            .filter((o) => unescaped.escaped.has(o.offset))
            .map((o) => ({ ...o, offset: unescaped.toOriginal(o.offset) }));
        })()
      : placeholderOccurrences(text);
    for (const { name, offset } of occurrences) {
      if (isLiteral(name)) out.push({ name, pointer, textPointer, index: offset, inTaskResource });
    }
  };
  while (stack.length > 0) {
    const [value, pointer, inTaskResource] = stack.pop() as [unknown, string, boolean];
    if (typeof value === 'string') {
      if (value.includes('${')) collect(value, pointer, pointer, inTaskResource, false);
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push([value[index], `${pointer}/${index}`, false]);
      continue;
    }
    const record = value as Record<string, unknown>;
    const intrinsic = intrinsicName(record);
    if (intrinsic === 'Fn::Sub') {
      const argument = record[intrinsic];
      if (typeof argument === 'string') collect(argument, pointer, `${pointer}/Fn::Sub`, inTaskResource, true);
      else if (Array.isArray(argument) && typeof argument[0] === 'string') {
        collect(argument[0], pointer, `${pointer}/Fn::Sub/0`, inTaskResource, true);
      }
      continue;
    }
    if (intrinsic !== undefined) continue;
    const entries = Object.entries(record);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, member] = entries[index] as [string, unknown];
      stack.push([member, `${pointer}/${escapePointerToken(key)}`, key === 'Resource' && record['Type'] === 'Task']);
    }
  }
  return out;
}

/** A value that is nothing but `${Name}`. */
export function isWholePlaceholder(value: unknown): value is string {
  return typeof value === 'string' && WHOLE_PLACEHOLDER.test(value);
}

const WHOLE_PLACEHOLDER = /^\$\{[^}]+\}$/;

/**
 * The pointers of the `${Name}` values that a JSON text writes bare (`"TimeoutSeconds": ${T}`),
 * which substituteBarePlaceholders read as strings: after substitution they may be any JSON
 * value, so their type is unknown. `original` is the text before that step.
 */
export function barePlaceholderPointers(
  value: unknown,
  positions: PositionTable,
  original: string,
  toOriginal: OffsetMapper,
  into = new Set<string>(),
): Set<string> {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, pointer] = stack.pop() as [unknown, string];
    if (isWholePlaceholder(current)) {
      const packed = positions.get(pointer);
      if (packed !== undefined && original[toOriginal(valueOffsetOf(packed))] === '$') into.add(pointer);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${pointer}/${index}`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, member] of Object.entries(current)) stack.push([member, `${pointer}/${escapePointerToken(key)}`]);
    }
  }
  return into;
}

/**
 * The definition AWS receives once `${Name}` placeholders are substituted: in a string, each
 * whose value is text, a number or a boolean is replaced by that text; a bare placeholder
 * (`bare`, LoadedDefinition.placeholders) becomes the value itself, as substituting into the
 * JSON text does. Others stay as written. A copy; the definition is untouched.
 */
export function substitutePlaceholders(
  definition: unknown,
  values: Readonly<Record<string, unknown>>,
  bare: ReadonlySet<string> = new Set(),
): unknown {
  const known = (name: string): string | number | boolean | undefined => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  };
  const visit = (value: unknown, pointer: string): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('${')) return value;
      if (bare.has(pointer) && isWholePlaceholder(value)) {
        const whole = known(value.slice(2, -1));
        if (whole === undefined) return value;
        return typeof whole === 'string' && JSON_LITERAL.test(whole) ? (JSON.parse(whole) as unknown) : whole;
      }
      let out = '';
      let copiedTo = 0;
      for (const { name, offset } of placeholderOccurrences(value)) {
        const replacement = known(name);
        if (replacement === undefined) continue;
        out += value.slice(copiedTo, offset) + String(replacement);
        copiedTo = offset + name.length + 3;
      }
      return copiedTo === 0 ? value : out + value.slice(copiedTo);
    }
    if (Array.isArray(value)) return value.map((item, index) => visit(item, `${pointer}/${index}`));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: visit(member, `${pointer}/${escapePointerToken(key)}`), writable: true, enumerable: true, configurable: true });
    }
    return copy;
  };
  return visit(definition, '');
}

const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/**
 * Makes `${X}` that stands outside JSON strings (`"TimeoutSeconds": ${Timeout}`)
 * parse: the substituted value when it is a known JSON literal, else the
 * string "${X}". Placeholders inside strings stay as they are, and so do those
 * that `substituted` says nothing substitutes (AWS receives them, and so does
 * the JSON parser).
 */
export function substituteBarePlaceholders(
  text: string,
  values: ReadonlyMap<string, unknown>,
  substituted: (name: string, offset: number) => boolean = () => true,
): PreparedText {
  if (!text.includes('${')) return { text, toOriginal: (offset) => offset };
  // [preparedStart, originalStart, whether the run is a replaced placeholder]
  const runs: [number, number, boolean][] = [[0, 0, false]];
  let out = '';
  let copiedTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== '$' || text[i + 1] !== '{') continue;
    const close = text.indexOf('}', i + 2);
    if (close === -1) break;
    const name = text.slice(i + 2, close);
    if (!substituted(name, i)) {
      i = close;
      continue;
    }
    out += text.slice(copiedTo, i);
    runs.push([out.length, i, true]);
    out += replacementFor(name, values.get(name));
    runs.push([out.length, close + 1, false]);
    copiedTo = close + 1;
    i = close;
  }
  if (copiedTo === 0) return { text, toOriginal: (offset) => offset };
  out += text.slice(copiedTo);
  return {
    text: out,
    toOriginal(offset) {
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((runs[mid] as [number, number, boolean])[0] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const [preparedAt, originalAt, replaced] = runs[lo] as [number, number, boolean];
      return replaced ? originalAt : originalAt + (offset - preparedAt);
    },
  };
}

function replacementFor(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && JSON_LITERAL.test(value)) return value;
  return JSON.stringify(`\${${name}}`);
}
