// Whether a file's bytes can be read as Markdown: UTF-8 only (a BOM is fine); UTF-16 and binary
// files (NUL bytes near the start) are refused with a message that says what to do. Shared by the
// CLI and the extension's disk reads, so both refuse the same files in the same words.

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Why bytes cannot be read as UTF-8 Markdown, or undefined when they can. */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'UTF-16 text is not supported: save the file as UTF-8';
  }
  if (bytes.subarray(0, 8192).indexOf(0) >= 0) return 'binary file (contains NUL bytes), not Markdown';
  try {
    fatalUtf8.decode(bytes);
  } catch {
    return 'not valid UTF-8: save the file as UTF-8';
  }
  return undefined;
}
