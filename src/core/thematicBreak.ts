// A thematic break line (`---`, `* * *`, `___`), tested by a loop: the regular expression
// `/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/` needs one backtracking frame per marker and overflows the
// stack on a hostile line of millions of `- `.

/** Whether `s` is a thematic break: up to `maxIndent` spaces, then three or more of one of `-*_`,
 *  blanks between them and after them, nothing else. */
export function isThematicBreak(s: string, maxIndent = 3): boolean {
  return isThematicBreakAt(s, 0, s.length, maxIndent);
}

/** `isThematicBreak` of the line text[from, to), read in place. */
export function isThematicBreakAt(text: string, from: number, to: number, maxIndent = 3): boolean {
  let i = from;
  while (i - from < maxIndent && i < to && text.charCodeAt(i) === 32) i++;
  const marker = i < to ? text.charCodeAt(i) : NaN;
  if (marker !== 45 && marker !== 42 && marker !== 95) return false;
  let count = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === marker) count++;
    else if (c !== 32 && c !== 9) return false;
  }
  return count >= 3;
}
