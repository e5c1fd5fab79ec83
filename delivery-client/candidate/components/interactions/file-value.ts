/**
 * A file response travels as a data URL string with the file name as a parameter:
 * `data:<type>;name=<URI-encoded name>;base64,<bytes>`. Answers are limited to 100,000
 * characters by the protocol, so files are limited to MAX_FILE_BYTES.
 */
export const MAX_FILE_BYTES = 72_000;

export function fileValue(type: string, name: string, base64: string): string {
  return `data:${type || 'application/octet-stream'};name=${encodeURIComponent(name)};base64,${base64}`;
}

export function parseFileValue(value: unknown): { type: string; name: string; bytes: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^data:([^;,]*)(?:;name=([^;,]*))?;base64,(.*)$/s.exec(value);
  if (!m) return undefined;
  return {
    type: m[1]!,
    name: decodeURIComponent(m[2] ?? ''),
    bytes: Math.floor((m[3]!.length * 3) / 4),
  };
}

export const base64OfBytes = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
