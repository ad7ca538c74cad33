import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { NonRuleId, NonRuleMeta } from './non-rules.js';
export { CONFIGURABLE_NON_RULES, NON_RULES } from './non-rules.js';
export type { FileResult, FormatOptions, Formatter, RuleDescriptor } from './types.js';
export { github, json, sarif, stylish };

export const formatters = { stylish, json, sarif, github } as const satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

export function isFormatterName(name: string): name is FormatterName {
  return Object.hasOwn(formatters, name);
}
