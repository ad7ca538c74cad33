import { defineRule } from '../rule.js';

const LIMIT = 1024 * 1024;

/** UTF-8 byte length without encoding the text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export default defineRule({
  meta: {
    id: 'max-definition-size',
    description: 'Enforce the 1 MB limit on the size of a definition',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      tooLarge: 'The definition is {{size}} bytes as compact JSON; AWS accepts at most 1048576 bytes (1 MB)',
      notJson: 'The definition is not JSON data ({{reason}}), so it cannot be sent to AWS',
    },
    docs: {
      rationale:
        'AWS refuses state machine definitions larger than 1 MB (UTF-8). The size is measured on the compact JSON text, the smallest form the definition can be sent in. Move large constants to the input, S3 or a parameter store.',
      valid: [{ definition: { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'small', End: true } } } }],
      invalid: [{ definition: { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'x'.repeat(LIMIT), End: true } } } }],
    },
  },
  create(context) {
    return {
      end() {
        let text: string | undefined;
        try {
          text = JSON.stringify(context.definition) as string | undefined;
        } catch (error) {
          // Only objects handed to lint() directly get here: a cycle, a BigInt, nesting too deep.
          const reason = error instanceof Error ? (error.message.split('\n')[0] as string) : String(error);
          context.report({ messageId: 'notJson', pointer: '', data: { reason } });
          return;
        }
        if (text === undefined || text.length * 3 <= LIMIT) return;
        const size = utf8Length(text);
        if (size > LIMIT) context.report({ messageId: 'tooLarge', pointer: '', data: { size } });
      },
    };
  },
});
