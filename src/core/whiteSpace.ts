// White space as JavaScript's `\s` and `trim()` see it, by character code.

export function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** A regular-expression class of the characters that text loses or changes when its white space is
 *  collapsed to single spaces and its invisible characters dropped: white space other than the
 *  space, zero-width and direction marks, BOM. One class, since a search for one class is about
 *  twice as fast as one for alternatives. */
export const UNUSUAL_SPACE_CLASS = '\\t-\\r\\u00A0\\u1680\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2066-\\u2069\\u3000\\uFEFF';
