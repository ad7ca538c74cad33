/** The 256 KiB payload quota (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html), measured as UTF-8 bytes of the JSON text. */
export const MAX_PAYLOAD_BYTES = 262_144;

/** UTF-8 byte length of a value's JSON text, computed exactly only when it could matter. */
export function payloadBytes(value: unknown, limit: number): number {
  return textBytes(value === undefined ? '' : JSON.stringify(value), limit);
}

/** UTF-8 byte length of a text, counted exactly only when it could exceed `limit`. */
export function textBytes(text: string, limit: number): number {
  // A UTF-16 code unit encodes to at most 3 UTF-8 bytes.
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function dataLimitCause(name: string): string {
  return `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`;
}
