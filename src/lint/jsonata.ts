import { analyzeJsonataOnce, isJsonataString, jsonataStringsOf } from '../expressions/jsonata/index.js';
import type { JsonataAnalysis, JsonataString } from '../expressions/jsonata/index.js';
import type { WalkedState } from '../definition/walk.js';

/**
 * Calls `visit` for each `{% %}` expression of a JSONata state with its analysis (parsed once for
 * all the rules that read it), in document order; never for a JSONPath state nor for a string with
 * only one of the delimiters (valid-jsonata-wrapper reports those).
 */
export function forEachJsonataExpression(walked: WalkedState, visit: (analysis: Readonly<JsonataAnalysis>, found: JsonataString) => void): void {
  if (walked.queryLanguage !== 'JSONata') return;
  for (const found of jsonataStringsOf(walked)) {
    if (isJsonataString(found.text)) visit(analyzeJsonataOnce(found.text), found);
  }
}
