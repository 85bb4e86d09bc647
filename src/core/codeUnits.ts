// A text's UTF-16 code units in a typed array, for the loops that read every character of a
// document (words, sentence ends). Read with charCodeAt, strings cost more per character once the
// same code has met both one-byte and two-byte strings (as it does over a vault of files); read
// from one Uint16Array, every document costs the same.

const encoder = new TextEncoder();
/** Texts are encoded this many characters at a time (3 bytes each at most). */
const CHUNK = 1 << 15;
const NON_ASCII = /[^\x00-\x7f]/g;

/** A reusable buffer of code units: `of(text)` copies a text into it (growing it as needed). */
export class CodeUnits {
  private buffer: Uint16Array;
  /** UTF-8 bytes of a chunk of text. */
  private bytes = new Uint8Array(0);

  constructor(
    initial: number,
    /** Larger buffers are dropped after use (see `release`), so that one huge document does not
     *  keep its copy alive. */
    private readonly keep: number,
  ) {
    this.buffer = new Uint16Array(initial);
  }

  /** The code units of text[from, to) at indexes 0.. of the returned array (valid until the next call). */
  of(text: string, from = 0, to = text.length): Uint16Array {
    const n = to - from;
    if (this.buffer.length < n) this.buffer = new Uint16Array(Math.max(n, this.buffer.length * 2));
    const out = this.buffer;
    if (n > 256 && from === 0 && to === text.length) this.copyText(text, out);
    else for (let i = 0; i < n; i++) out[i] = text.charCodeAt(from + i);
    return out;
  }

  /** Drops the buffer if it grew beyond what is kept. */
  release(): void {
    if (this.buffer.length > this.keep) this.buffer = new Uint16Array(this.keep);
  }

  /**
   * Copies a whole text, chunk by chunk: the encoder writes a chunk's UTF-8 bytes (natively, far
   * faster than a loop), and its runs of ASCII characters (one byte each) are copied from them;
   * the few other characters are read one by one. Text where they are not few is read one by one.
   */
  private copyText(text: string, out: Uint16Array): void {
    if (this.bytes.length === 0) this.bytes = new Uint8Array(CHUNK * 3);
    const { bytes } = this;
    const n = text.length;
    let dense = false;
    for (let a = 0; a < n; a += CHUNK) {
      const b = Math.min(n, a + CHUNK);
      if (dense) {
        for (let j = a; j < b; j++) out[j] = text.charCodeAt(j);
        continue;
      }
      const chunk = a === 0 && b === n ? text : text.slice(a, b);
      const written = encoder.encodeInto(chunk, bytes).written;
      if (written === b - a) {
        out.set(bytes.subarray(0, written), a);
        continue;
      }
      // u: the next code unit to copy; i: its first byte.
      let u = a;
      let i = 0;
      let others = 0;
      NON_ASCII.lastIndex = 0;
      while (NON_ASCII.test(chunk)) {
        const at = a + NON_ASCII.lastIndex - 1;
        if (at > u) out.set(bytes.subarray(i, i + at - u), u);
        i += at - u;
        const c = chunk.charCodeAt(at - a);
        out[at] = c;
        if (c >= 0xd800 && c < 0xdc00 && at + 1 < b && (chunk.charCodeAt(at + 1 - a) & 0xfc00) === 0xdc00) {
          out[at + 1] = chunk.charCodeAt(at + 1 - a); // a surrogate pair: 4 bytes
          i += 4;
          u = at + 2;
          NON_ASCII.lastIndex = u - a;
        } else {
          i += c < 0x800 ? 2 : 3; // a lone surrogate is encoded as U+FFFD: 3 bytes
          u = at + 1;
        }
        if (++others > (b - a) >> 5) { dense = true; break; }
      }
      if (dense) for (let j = u; j < b; j++) out[j] = text.charCodeAt(j);
      else if (b > u) out.set(bytes.subarray(i, i + b - u), u);
    }
  }
}
