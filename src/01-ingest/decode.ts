/**
 * Strict UTF-8 decoding. Node's default decoding silently turns invalid bytes into U+FFFD, which
 * corrupts quotes and names without a word; we report them instead.
 */
const strict = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8 (dropping a leading BOM), or return null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based number of the first line holding bytes that are not valid UTF-8. */
export function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeUtf8(bytes.subarray(lineStart, i)) === null) return line;
      line++;
      lineStart = i + 1;
    }
  }
  return line;
}
