// Sentence splitting for one block of prose. A single left-to-right scan of its code units: at each
// terminator it looks a few characters back (the word before) and ahead (what starts next), so the
// cost is linear in the text and no regular expression ever runs over the block.

import { CodeUnits } from './codeUnits';
import { isWhiteSpace } from './whiteSpace';

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

/** Where the word (letters and inner dots) just before a dot at `dot` starts, at most 16 characters
 *  back and not before `lo` (where the text being split begins); -1 for a word glued to a longer
 *  one ("foo-bar." is fine, "naïve." is cut): only whole ASCII words count. */
function wordBefore(text: Uint16Array, dot: number, lo: number): number {
  let s = dot;
  while (s > lo && dot - s < 16) {
    const c = text[s - 1];
    if (isAsciiLetter(c) || (c === 46 && s - 1 > lo && isAsciiLetter(text[s - 2]))) s--;
    else break;
  }
  return s > lo && dot - s >= 16 ? -1 : s;
}

/** Classes of abbreviations, as bits. */
const NEVER_FINAL_BIT = 1, BEFORE_NUMBER_BIT = 2, MAYBE_FINAL_BIT = 4;
/** Letters and dots as the digits 1..27 of a number: words of up to 6 characters have distinct keys. */
const KEY_LENGTH = 6;

function keyOf(text: Uint16Array, s: number, e: number): number {
  let key = 0;
  for (let i = s; i < e; i++) {
    const c = text[i] | 32; // lower case; a dot (46) stays a dot
    key = key * 28 + (c === 46 ? 27 : c - 96);
  }
  return key;
}

/** Every abbreviation by its key, with its classes. */
const ABBREVIATIONS = new Map<number, number>();
for (const [set, bit] of [[NEVER_FINAL, NEVER_FINAL_BIT], [BEFORE_NUMBER, BEFORE_NUMBER_BIT], [MAYBE_FINAL, MAYBE_FINAL_BIT]] as const) {
  for (const word of set) {
    if (word.length > KEY_LENGTH) throw new Error(`abbreviation too long: ${word}`);
    const key = keyOf(Uint16Array.from(word, (ch) => ch.charCodeAt(0)), 0, word.length);
    ABBREVIATIONS.set(key, (ABBREVIATIONS.get(key) ?? 0) | bit);
  }
}

/** text[s, e) is initials: "J", "U.S", "A.B.C" — single letters, possibly joined by dots, the first
 *  one upper-case. */
function isInitials(text: Uint16Array, s: number, e: number): boolean {
  const first = text[s];
  if (e === s || first < 65 || first > 90) return false;
  for (let i = s; i < e; i++) {
    const letterSlot = (i - s) % 2 === 0;
    const c = text[i];
    if (letterSlot ? !isAsciiLetter(c) : c !== 46) return false;
  }
  return (e - s) % 2 === 1;
}

/** The lower-cased word starting at `at` (letters only, at most 16, not past `hi`). */
function wordAt(text: Uint16Array, at: number, hi: number): string {
  let word = '';
  for (let e = at; e < hi && e - at < 16 && isAsciiLetter(text[e]); e++) word += String.fromCharCode(text[e] | 32);
  return word;
}

/**
 * Decides whether the terminator run text[first..runEnd) ends a sentence, given that whitespace
 * follows it and `next` is the offset of the next non-space character; [lo, hi) is the text being split.
 */
function endsSentence(text: Uint16Array, first: number, runEnd: number, next: number, lo: number, hi: number): boolean {
  let k = next;
  while (k < hi && k - next < 4 && isOpener(text[k])) k++;
  const c = k < hi ? text[k] : 0;
  // "what?" he asked / and so on... and then / approx. the: a lower-case word continues the sentence.
  if (isLowerLetter(c)) return false;
  const single = runEnd - first === 1 && text[first] === 46;
  if (!single) return true;
  const s = wordBefore(text, first, lo);
  if (s < 0 || s === first) return true;
  // Words are compared by key (no string is made): letters compare case-insensitively.
  const classes = first - s <= KEY_LENGTH ? ABBREVIATIONS.get(keyOf(text, s, first)) ?? 0 : 0;
  if (classes & NEVER_FINAL_BIT) return false;
  if (classes & BEFORE_NUMBER_BIT && (isDigit(c) || c === 35 /* # */)) return false;
  if (classes & MAYBE_FINAL_BIT || isInitials(text, s, first)) return OPENERS.has(wordAt(text, k, hi));
  return true;
}

/**
 * Splits one block of prose into sentences: half-open ranges into `text`, trimmed, never empty.
 * Splits after . ? ! (with any closing quotes or brackets) when whitespace follows and the next
 * sentence does not start in lower case, and after the CJK terminators 。！？ regardless of spacing.
 * Never splits at a colon, inside numbers, URLs or file names, or after known abbreviations.
 */
export function splitSentences(text: string): SentenceRange[] {
  const bounds: number[] = [];
  const count = splitSentencesInto(textCodes.of(text), 0, 0, text.length, bounds);
  const out: SentenceRange[] = [];
  for (let k = 0; k < count; k += 3) out.push({ start: bounds[k], end: bounds[k + 1] });
  return out;
}

/** Printable ASCII characters other than the terminators . ? ! (1), by code. */
const PLAIN_ASCII = new Uint8Array(128);
for (let c = 33; c < 127; c++) PLAIN_ASCII[c] = c === 46 || c === 63 || c === 33 ? 0 : 1;

/** What `splitSentencesInto` tells of a sentence, as bits: it holds a line break (\r or \n), or a
 *  tab or two white-space characters in a row once its line breaks are spaces ("loose"). */
export const HAS_BREAK = 1;
export const LOOSE = 2;

/** The code units of a text split by `splitSentences`. */
const textCodes = new CodeUnits(1024, 1 << 16);

/**
 * `splitSentences` of the text whose code units are `text` (see codeUnits.ts), from `lo` to `hi`,
 * with its first `from - lo` characters read as spaces (a list marker): writes each sentence's start and end, as offsets into
 * `text`, and its HAS_BREAK and LOOSE bits to `out` from index 0 on, three numbers a sentence
 * (entries past those are left as they were: `out` can be reused without shrinking it), and
 * returns how many numbers it wrote. Line breaks count as spaces, as they do in the folded block.
 */
export function splitSentencesInto(text: Uint16Array, lo: number, from: number, hi: number, out: number[]): number {
  const n = hi;
  let segStart = from;
  let count = 0;
  breakCount = 0;
  looseCount = 0;
  breakNext = 0;
  looseNext = 0;

  let i = from;
  while (i < n) {
    const c = text[i];
    // Most characters are printable ASCII other than . ? ! (skipped at once), and few others are
    // terminators (. ? ! … and the CJK ones, from U+3002).
    if (c < 128 ? PLAIN_ASCII[c] === 1 : c < 0x2026) {
      if (c >= 0xa0) noteSpace(text, i, c, from);
      i++;
      continue;
    }
    if (c < 128 && c !== 46 && c !== 63 && c !== 33) {
      noteSpace(text, i, c, from);
      i++;
      continue;
    }
    if (isCjkTerminator(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        if (isCjkTerminator(d) || isTerminator(d) || isCloser(d)) j++;
        else break;
      }
      count = pushTrimmed(text, segStart, j, out, count);
      segStart = j;
      i = j;
      continue;
    }
    if (!isTerminator(c)) {
      noteSpace(text, i, c, from);
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < n && isTerminator(text[runEnd])) runEnd++;
    let j = runEnd;
    while (j < n && isCloser(text[j])) j++;
    if (j >= n) break;
    if (!isSpace(text[j])) {
      // "3.5", "paper.pdf", "e.g.,", "?raw=true": not an end.
      i = runEnd;
      continue;
    }
    let next = j;
    for (let d = text[next]; next < n && isSpace(d); d = text[++next]) noteSpace(text, next, d, from);
    if (next >= n) break;
    if (endsSentence(text, i, runEnd, next, lo, n)) {
      count = pushTrimmed(text, segStart, j, out, count);
      segStart = j;
    }
    i = next;
  }
  return pushTrimmed(text, segStart, n, out, count);
}

/** Where the block being split has line breaks, and where it has a tab or ends a run of two
 *  white-space characters (each list in order, reused: see noteSpace); the next of each that no
 *  sentence has passed yet. */
const breaksAt: number[] = [];
const looseAt: number[] = [];
let breakCount = 0;
let looseCount = 0;
let breakNext = 0;
let looseNext = 0;

/** Notes the character c at `at` if it makes a sentence that holds it fold: a line break, a tab,
 *  or white space after white space (from `from` on). */
function noteSpace(text: Uint16Array, at: number, c: number, from: number): void {
  if (!isWhiteSpace(c)) return;
  if (c === 10 || c === 13) breaksAt[breakCount++] = at;
  if (c === 9 || (at > from && isWhiteSpace(text[at - 1]))) looseAt[looseCount++] = at;
}

/** Writes text[a, b) without its surrounding spaces to out[count..count + 2] (its start, end and
 *  HAS_BREAK and LOOSE bits), unless it is empty; returns the new count. A noted character counts
 *  when it stands after the sentence's first character (the pair it ends is then inside) and
 *  before its end. */
function pushTrimmed(text: Uint16Array, a: number, b: number, out: number[], count: number): number {
  while (a < b && isSpace(text[a])) a++;
  while (b > a && isSpace(text[b - 1])) b--;
  if (b === a) return count;
  while (breakNext < breakCount && breaksAt[breakNext] <= a) breakNext++;
  while (looseNext < looseCount && looseAt[looseNext] <= a) looseNext++;
  const hasBreak = breakNext < breakCount && breaksAt[breakNext] < b;
  const loose = looseNext < looseCount && looseAt[looseNext] < b;
  out[count] = a;
  out[count + 1] = b;
  out[count + 2] = (hasBreak ? HAS_BREAK : 0) | (loose ? LOOSE : 0);
  return count + 3;
}
