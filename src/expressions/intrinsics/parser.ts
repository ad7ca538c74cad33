/**
 * The intrinsic-function grammar of https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html as a chevrotain CST parser. One instance is
 * built at module load and reused: `parseIntrinsic` resets its input for every call. Recovery
 * is off, so a malformed call yields errors (never a throw) and no partial tree is used.
 */
import { CstParser, EOF } from 'chevrotain';
import type { IParserErrorMessageProvider, IRecognitionException, IToken } from 'chevrotain';
import {
  ALL_TOKENS,
  Comma,
  False,
  Identifier,
  LParen,
  Null,
  NumberLiteral,
  Path,
  RParen,
  StringLiteral,
  True,
} from './tokens.js';
import type { IntrinsicCstNode } from './cst.js';

function describe(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the text';
  return token.tokenType === StringLiteral ? token.image : `'${token.image}'`;
}

const ARGUMENT = 'an argument (a string, number, true, false, null, path or intrinsic function call)';

const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `Expected ${expected.LABEL ?? expected.name} but found ${describe(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describe(firstRedundant)} after the end of the intrinsic function call`;
  },
  buildNoViableAltMessage({ actual }) {
    return `Expected ${ARGUMENT} but found ${actual[0] ? describe(actual[0]) : 'the end of the text'}`;
  },
  buildEarlyExitMessage({ actual }) {
    return `Expected ${ARGUMENT} but found ${actual[0] ? describe(actual[0]) : 'the end of the text'}`;
  },
};

class IntrinsicParser extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: false, errorMessageProvider });
    this.performSelfAnalysis();
  }

  readonly intrinsic = this.RULE('intrinsic', () => {
    this.SUBRULE(this.call);
  });

  readonly call = this.RULE('call', () => {
    this.CONSUME(Identifier);
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.argument);
      });
    });
    this.CONSUME(RParen);
  });

  readonly argument = this.RULE('argument', () => {
    this.OR([
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(Null) },
      { ALT: () => this.CONSUME(Path) },
      { ALT: () => this.SUBRULE(this.call) },
    ]);
  });
}

const parser = new IntrinsicParser();

/** The base class of the CST visitor, bound to this parser's rule names. */
export const BaseIntrinsicVisitor = parser.getBaseCstVisitorConstructor();

export interface ParseOutcome {
  readonly cst: IntrinsicCstNode | undefined;
  readonly errors: readonly IRecognitionException[];
}

export function parseIntrinsic(tokens: IToken[]): ParseOutcome {
  parser.input = tokens;
  const cst = parser.intrinsic() as IntrinsicCstNode | undefined;
  return { cst, errors: parser.errors };
}

