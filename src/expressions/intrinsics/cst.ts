/**
 * CST node types of the parser in parser.ts, in the shape chevrotain's `generateCstDts` emits
 * for its three rules (kept by hand: the grammar is three rules long).
 */
import type { CstNode, ICstVisitor, IToken } from 'chevrotain';

export interface IntrinsicCstNode extends CstNode {
  name: 'intrinsic';
  children: IntrinsicCstChildren;
}

export type IntrinsicCstChildren = {
  call: CallCstNode[];
};

export interface CallCstNode extends CstNode {
  name: 'call';
  children: CallCstChildren;
}

export type CallCstChildren = {
  Identifier: IToken[];
  LParen: IToken[];
  argument?: ArgumentCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ArgumentCstNode extends CstNode {
  name: 'argument';
  children: ArgumentCstChildren;
}

export type ArgumentCstChildren = {
  StringLiteral?: IToken[];
  NumberLiteral?: IToken[];
  True?: IToken[];
  False?: IToken[];
  Null?: IToken[];
  Path?: IToken[];
  call?: CallCstNode[];
};

export interface ICstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  intrinsic(children: IntrinsicCstChildren, param?: IN): OUT;
  call(children: CallCstChildren, param?: IN): OUT;
  argument(children: ArgumentCstChildren, param?: IN): OUT;
}
