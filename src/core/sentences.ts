// Sentence splitting for one block of prose. A single left-to-right scan with charCodeAt: at each
// terminator it looks a few characters back (the word before) and ahead (what starts next), so the
// cost is linear in the text and no regular expression ever runs over the block.

export interface SentenceRange {
  /** Offset of the sentence's first non-space character. */
  readonly start: number;
  /** Offset just past its last non-space character. */
  readonly end: number;
}

/** Abbreviations that never end a sentence: "e.g. the", "Fig. 3", "Dr. Smith". Lower-case, without the final dot. */
const NEVER_FINAL = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'cf', 'vs', 'viz', 'approx', 'appr', 'ca', 'incl', 'esp', 'w.r.t', 'wrt', 'a.k.a', 'aka',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'rev', 'gen', 'sgt', 'capt', 'lt', 'col', 'gov', 'sen', 'rep',
  'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'sect', 'secs', 'ch', 'chap', 'tab', 'tbl', 'ref', 'refs',
  'def', 'thm', 'lem', 'prop', 'cor', 'alg', 'app', 'et', 'resp', 'cp', 'ex', 'dept', 'univ', 'assoc', 'est',
]);

/** Abbreviations that end a sentence only when a number does not follow: "No. 5", "Vol. 2", "Jan. 2020". */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'num', 'vol', 'vols', 'pp', 'p', 'pg', 'art', 'ver', 'v', 'ed', 'eds', 'l', 'll',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Abbreviations (and initials) that end a sentence only when a typical sentence opener follows:
 *  "Smith et al. They show" splits, "Smith et al. (2019)" and "J. Smith" do not. */
const MAYBE_FINAL = new Set(['al', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros', 'phd']);

/** Words that typically open a sentence; used to decide after "et al." and initials. */
const OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'they', 'their', 'there', 'then', 'thus', 'it', 'its', 'in', 'on', 'we',
  'our', 'he', 'she', 'his', 'her', 'i', 'a', 'an', 'however', 'but', 'and', 'so', 'also', 'for', 'as', 'to', 'with',
  'while', 'when', 'if', 'what', 'which', 'one', 'all', 'some', 'many', 'most', 'therefore', 'hence', 'moreover',
  'furthermore', 'finally', 'first', 'second', 'overall', 'both', 'each', 'since', 'because', 'although', 'though',
  'after', 'before', 'during', 'using', 'here', 'now', 'still', 'yet', 'such', 'another', 'other', 'no', 'not', 'my',
  'you', 'your', 'at', 'by', 'from', 'unlike', 'instead', 'similarly', 'additionally', 'besides', 'lastly',
]);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0xfeff;
}

/** . ? ! and the ellipsis character. */
function isTerminator(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 0x2026;
}

/** 。！？｡． — end a sentence with no space after them. */
function isCjkTerminator(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61 || c === 0xff0e;
}

/** Characters that may close a sentence after its terminator: quotes, brackets, Markdown emphasis. */
function isCloser(c: number): boolean {
  switch (c) {
    case 34: case 39: case 41: case 93: case 125: case 42: case 95: case 96: case 126: // " ' ) ] } * _ ` ~
    case 0x201d: case 0x2019: case 0xbb: case 0x203a: // ” ’ » ›
    case 0x300d: case 0x300f: case 0xff09: case 0x3011: case 0x3015: case 0x3009: case 0x300b: // 」』）】〕〉》
      return true;
    default:
      return false;
  }
}

/** Characters that may open a sentence before its first letter. */
function isOpener(c: number): boolean {
  switch (c) {
    case 34: case 39: case 40: case 91: case 123: case 42: case 95: case 96: case 126: // " ' ( [ { * _ ` ~
    case 0x201c: case 0x2018: case 0xab: case 0x2039: case 0xbf: case 0xa1: // “ ‘ « ‹ ¿ ¡
      return true;
    default:
      return false;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerLetter(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The word (letters and inner dots) just before a dot at `dot`, at most 16 characters back. */
function wordBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0 && dot - s < 16) {
    const c = text.charCodeAt(s - 1);
    if (isAsciiLetter(c) || (c === 46 && s - 1 > 0 && isAsciiLetter(text.charCodeAt(s - 2)))) s--;
    else break;
  }
  // A word glued to a longer one ("foo-bar." is fine, "naïve." is cut): only whole ASCII words count.
  if (s > 0 && dot - s >= 16) return '';
  return text.slice(s, dot);
}

/** "J", "U.S", "A.B.C": single letters, possibly joined by dots, the first one upper-case. */
function isInitials(word: string): boolean {
  if (word.length === 0 || word.charCodeAt(0) < 65 || word.charCodeAt(0) > 90) return false;
  for (let i = 0; i < word.length; i++) {
    const letterSlot = i % 2 === 0;
    const c = word.charCodeAt(i);
    if (letterSlot ? !isAsciiLetter(c) : c !== 46) return false;
  }
  return word.length % 2 === 1;
}

/** The lower-cased word starting at `at` (letters only, at most 16). */
function wordAt(text: string, at: number): string {
  let e = at;
  while (e < text.length && e - at < 16 && isAsciiLetter(text.charCodeAt(e))) e++;
  return text.slice(at, e).toLowerCase();
}

/**
 * Decides whether the terminator run text[first..runEnd) ends a sentence, given that whitespace
 * follows it and `next` is the offset of the next non-space character.
 */
function endsSentence(text: string, first: number, runEnd: number, next: number): boolean {
  let k = next;
  while (k < text.length && k - next < 4 && isOpener(text.charCodeAt(k))) k++;
  const c = k < text.length ? text.charCodeAt(k) : 0;
  // "what?" he asked / and so on... and then / approx. the: a lower-case word continues the sentence.
  if (isLowerLetter(c)) return false;
  const single = runEnd - first === 1 && text.charCodeAt(first) === 46;
  if (!single) return true;
  const word = wordBefore(text, first);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && (isDigit(c) || c === 35 /* # */)) return false;
  if (MAYBE_FINAL.has(lower) || isInitials(word)) return OPENERS.has(wordAt(text, k));
  return true;
}

/**
 * Splits one block of prose into sentences: half-open ranges into `text`, trimmed, never empty.
 * Splits after . ? ! (with any closing quotes or brackets) when whitespace follows and the next
 * sentence does not start in lower case, and after the CJK terminators 。！？ regardless of spacing.
 * Never splits at a colon, inside numbers, URLs or file names, or after known abbreviations.
 */
export function splitSentences(text: string): SentenceRange[] {
  const out: SentenceRange[] = [];
  const n = text.length;
  let segStart = 0;

  const push = (from: number, to: number): void => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to });
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Most characters are neither terminators (. ? ! …) nor CJK terminators (from U+3002).
    if (c < 0x2026 && c !== 46 && c !== 63 && c !== 33) {
      i++;
      continue;
    }
    if (isCjkTerminator(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isCjkTerminator(d) || isTerminator(d) || isCloser(d)) j++;
        else break;
      }
      push(segStart, j);
      segStart = j;
      i = j;
      continue;
    }
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && isTerminator(text.charCodeAt(runEnd))) runEnd++;
    let j = runEnd;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    if (j >= n) break;
    if (!isSpace(text.charCodeAt(j))) {
      // "3.5", "paper.pdf", "e.g.,", "?raw=true": not an end.
      i = runEnd;
      continue;
    }
    let next = j + 1;
    while (next < n && isSpace(text.charCodeAt(next))) next++;
    if (next >= n) break;
    if (endsSentence(text, i, runEnd, next)) {
      push(segStart, j);
      segStart = j;
    }
    i = next;
  }
  push(segStart, n);
  return out;
}
