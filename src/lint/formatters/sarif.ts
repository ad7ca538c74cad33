import type { FileResult, FormatOptions, RuleDescriptor } from './types.js';
import { fileOf, messageWithResource } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative path as a SARIF artifact URI: forward slashes, percent-encoded where URIs need it. */
function artifactUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules with help URIs,
 * and a region on every result (GitHub needs a startLine; 1 when the place is unknown).
 */
export function sarif(results: readonly FileResult[], options: FormatOptions): string {
  const rules: RuleDescriptor[] = [...(options.rules ?? [])];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const result of results) {
    for (const d of result.diagnostics) {
      if (!index.has(d.ruleId)) {
        index.set(d.ruleId, rules.length);
        rules.push({ id: d.ruleId, description: d.ruleId });
      }
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aslkit',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
            })),
          },
        },
        results: results.flatMap((result) =>
          result.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            ruleIndex: index.get(d.ruleId),
            level: d.severity,
            message: { text: messageWithResource(result, d) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(fileOf(result, d)) },
                  region: {
                    startLine: d.line ?? 1,
                    ...(d.line !== undefined && d.column !== undefined ? { startColumn: d.column } : {}),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
