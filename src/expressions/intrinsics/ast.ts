/**
 * The small AST the checks and the evaluator work on, and the CST visitor that builds it.
 * The visitor also decodes string literals (reporting illegal escapes with their offset) and
 * compiles path arguments once, through the paths module.
 */
import type { IToken } from 'chevrotain';
import type { ExpressionIssue } from '../types.js';
import { compilePath } from '../paths/path.js';
import type { CompiledPath } from '../paths/path.js';
import { BaseIntrinsicVisitor } from './parser.js';
import type { ArgumentCstChildren, CallCstChildren, ICstNodeVisitor, IntrinsicCstChildren, IntrinsicCstNode } from './cst.js';

/** Which check produced an issue, so the linter can tell syntax AWS rejects at create time from the rest. */
export type IntrinsicCheck =
  | 'syntax'
  | 'escape'
  | 'path'
  | 'nesting'
  | 'unknown-function'
  | 'arity'
  | 'argument-type'
  | 'format-placeholders'
  | 'format-template'
  | 'array-range'
  | 'json-merge-deep'
  | 'hash-algorithm'
  | 'unescaped-brace'
  | 'literal-argument';

export interface IntrinsicIssue extends ExpressionIssue {
  offset: number;
  readonly check: IntrinsicCheck;
}

/** A decoded string literal. `parts` is the text split at unescaped `{}` placeholders. */
export interface ScannedString {
  readonly parts: readonly string[];
  /** Offsets of every unescaped `{` and `}`. */
  readonly unescapedBraces: readonly number[];
  /** Offsets of unescaped braces that are not half of a `{}` placeholder. */
  readonly loneBraces: readonly number[];
}

export type LiteralValue = string | number | boolean | null;

export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: LiteralValue;
  readonly offset: number;
  /** Present for string literals. */
  readonly string?: ScannedString;
}

export interface PathNode {
  readonly kind: 'path';
  readonly text: string;
  readonly offset: number;
  /** Absent only when the path failed to compile (and an issue says why). */
  readonly compiled: CompiledPath | undefined;
}

export interface CallNode {
  readonly kind: 'call';
  /** The name as written, e.g. `States.Format`. */
  readonly name: string;
  readonly offset: number;
  readonly args: readonly IntrinsicNode[];
}

export type IntrinsicNode = LiteralNode | PathNode | CallNode;

const LEGAL_ESCAPES = new Set(["'", '{', '}', '\\']);

/** Decodes a string literal token (quotes included) that starts at `offset` in the whole text. */
export function scanString(image: string, offset: number, issues: IntrinsicIssue[]): { value: string; string: ScannedString } {
  const parts: string[] = [];
  const unescapedBraces: number[] = [];
  const loneBraces: number[] = [];
  let current = '';
  for (let i = 1; i < image.length - 1; i++) {
    const c = image[i] as string;
    if (c === '\\') {
      const next = image[i + 1] as string;
      if (!LEGAL_ESCAPES.has(next)) {
        issues.push({
          message: `Illegal escape '\\${next}' in a string literal: only \\', \\{, \\} and \\\\ are allowed`,
          offset: offset + i,
          code: 'SCHEMA_VALIDATION_FAILED',
          check: 'escape',
        });
      }
      current += next;
      i++;
    } else if (c === '{' && image[i + 1] === '}') {
      unescapedBraces.push(offset + i, offset + i + 1);
      parts.push(current);
      current = '';
      i++;
    } else {
      if (c === '{' || c === '}') {
        unescapedBraces.push(offset + i);
        loneBraces.push(offset + i);
      }
      current += c;
    }
  }
  parts.push(current);
  return { value: parts.join('{}'), string: { parts, unescapedBraces, loneBraces } };
}

interface BuildContext {
  readonly issues: IntrinsicIssue[];
}

class AstBuilder extends BaseIntrinsicVisitor implements ICstNodeVisitor<BuildContext, IntrinsicNode> {
  constructor() {
    super();
    this.validateVisitor();
  }

  intrinsic(children: IntrinsicCstChildren, context: BuildContext): CallNode {
    return this.visit(children.call, context) as CallNode;
  }

  call(children: CallCstChildren, context: BuildContext): CallNode {
    const name = children.Identifier[0] as IToken;
    return {
      kind: 'call',
      name: name.image,
      offset: name.startOffset,
      args: (children.argument ?? []).map((argument) => this.visit(argument, context) as IntrinsicNode),
    };
  }

  argument(children: ArgumentCstChildren, context: BuildContext): IntrinsicNode {
    if (children.call) return this.visit(children.call, context) as CallNode;
    if (children.StringLiteral) {
      const token = children.StringLiteral[0] as IToken;
      const { value, string } = scanString(token.image, token.startOffset, context.issues);
      return { kind: 'literal', value, offset: token.startOffset, string };
    }
    if (children.Path) return this.path(children.Path[0] as IToken, context);
    const token = (children.NumberLiteral ?? children.True ?? children.False ?? children.Null)?.[0] as IToken;
    const value = children.NumberLiteral ? Number(token.image) : children.Null ? null : Boolean(children.True);
    return { kind: 'literal', value, offset: token.startOffset };
  }

  private path(token: IToken, context: BuildContext): PathNode {
    const result = compilePath(token.image);
    if (!result.ok) {
      for (const issue of result.issues) {
        context.issues.push({
          message: `Invalid path '${token.image}': ${issue.message}`,
          offset: token.startOffset + (issue.offset ?? 0),
          code: 'SCHEMA_VALIDATION_FAILED',
          check: 'path',
        });
      }
    }
    return { kind: 'path', text: token.image, offset: token.startOffset, compiled: result.ok ? result.value : undefined };
  }
}

const builder = new AstBuilder();

export function buildAst(cst: IntrinsicCstNode, issues: IntrinsicIssue[]): CallNode {
  return builder.intrinsic(cst.children, { issues });
}
