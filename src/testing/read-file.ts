/**
 * The one file read outside the CLI: loadMockConfig takes a path, as Step Functions Local takes
 * its mock file (SFN_MOCK_CONFIG). Kept alone so the architecture test can allow exactly it.
 */
import { readFileSync } from 'node:fs';

export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}
