/**
 * The hash algorithms of States.Hash and JSONata's $hash, one table for both: AWS's names
 * and Node's. https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import { createHash } from 'node:crypto';

const NODE_NAMES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** AWS's algorithm names, in the order its documentation lists them. */
export const HASH_ALGORITHMS: readonly string[] = Object.keys(NODE_NAMES);

/** Whether `name` is one of AWS's algorithm names (an own key: `constructor` is not). */
export function isHashAlgorithm(name: unknown): name is string {
  return typeof name === 'string' && Object.hasOwn(NODE_NAMES, name);
}

/** The lowercase hex digest of `data` (UTF-8) with one of HASH_ALGORITHMS. */
export function hashHex(algorithm: string, data: string): string {
  return createHash(NODE_NAMES[algorithm]!).update(data, 'utf8').digest('hex');
}
