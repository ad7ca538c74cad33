import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

const MAX_LENGTH = 40;
/** Whitespace, brackets, wildcards, the listed punctuation and control characters (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html). */
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export default defineRule({
  meta: {
    id: 'valid-map-label',
    description: 'Enforce Map Labels of 1 to 40 characters without whitespace or special characters',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      empty: 'Label cannot be empty',
      tooLong: 'Label is {{length}} characters long; the maximum is 40',
      invalidCharacter: "Label contains invalid character: {{character}}",
    },
    docs: {
      rationale:
        'A Distributed Map names its Map Runs and child executions after its Label, so the Label follows the rules of execution names: at most 40 characters; no whitespace; no brackets `< > { } [ ]`; no wildcards `? *`; none of `" # % \\ ^ | ~ $ & , ; : /`, the backtick, or control characters.',
      valid: [
        {
          definition: {
            StartAt: 'M',
            States: {
              M: { Type: 'Map', Label: 'resize-images', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'M',
            States: {
              M: { Type: 'Map', Label: 'resize images', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Map') return;
        const label = walked.state['Label'];
        if (typeof label !== 'string') return;
        const pointer = joinPointer(walked.pointer, 'Label');
        const bad = FORBIDDEN.exec(label);
        if (label.length === 0) context.report({ messageId: 'empty', pointer });
        else if (bad !== null) context.report({ messageId: 'invalidCharacter', pointer, data: { character: quote(bad[0]) } });
        else if (label.length > MAX_LENGTH) context.report({ messageId: 'tooLong', pointer, data: { length: label.length } });
      },
    };
  },
});

const ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\' };

/** The character as the service's message quotes it: 'c', with \t \n \r and \xNN for control characters. */
function quote(character: string): string {
  const code = character.charCodeAt(0);
  const shown =
    ESCAPES[character] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\x${code.toString(16).padStart(2, '0')}` : character);
  return `'${shown}'`;
}
