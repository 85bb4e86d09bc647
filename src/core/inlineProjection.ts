// The text of a paragraph's inline tokens as the index sees its sentences: whitespace collapsed to
// single spaces, invisible characters dropped, every projected position mapped back to a position in
// the tokens' own text. Built for paragraphs of megabytes: the text is searched for what changes with
// a regular expression (a text where nothing does, the common case, is its own projection), copied
// in runs, and the way back kept as a few runs instead of an entry per character.

import type { Token } from 'markdown-it';
import { UNUSUAL_SPACE_CLASS } from './whiteSpace';

export interface Projection {
  /** The collapsed text. */
  readonly text: string;
  /** The raw position of projected position `p` (0 ≤ p < text.length). */
  rawAt(p: number): number;
}

/** The text a child contributes: text, code and image alt text as they are; a line break a space. */
export function childText(c: Token): string {
  const type = c.type;
  if (type === 'text' || type === 'code_inline' || type === 'image') return c.content;
  return type === 'softbreak' || type === 'hardbreak' ? ' ' : '';
}

/** What the projection changes: a run of white space (`\s`) and invisible characters other than a
 *  single space, or a space that starts the text. A run becomes one space at its first white space
 *  character, or nothing when it has none or starts the text. */
const CHANGED = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]{2,}|[^\S ]|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|^ /g;

/** Whether the projection changes `raw`: CHANGED, tested as a search for one character class and
 *  one for two spaces. */
const CHANGING = new RegExp(`[${UNUSUAL_SPACE_CLASS}]`);
function changes(raw: string): boolean {
  return raw.charCodeAt(0) === 32 || raw.includes('  ') || CHANGING.test(raw);
}

const unshifted = (p: number) => p;

/** Projects the children's text (the children's texts one after another are the raw text). */
export function projectInline(children: readonly Token[]): Projection {
  let raw = '';
  for (let i = 0; i < children.length; i++) raw += childText(children[i]);
  if (!changes(raw)) return { text: raw, rawAt: unshifted };
  // Runs: run k starts at projected position `from[k]` and raw position `at[k]`.
  const parts: string[] = [], from: number[] = [], at: number[] = [];
  let n = 0, kept = 0;
  const keep = (start: number, end: number) => {
    from.push(n); at.push(start); parts.push(raw.slice(start, end)); n += end - start;
  };
  CHANGED.lastIndex = 0;
  for (const m of raw.matchAll(CHANGED)) {
    if (m.index > kept) keep(kept, m.index);
    const space = m[0].search(/\s/);
    if (space >= 0 && m.index > 0) {
      from.push(n++); at.push(m.index + space); parts.push(' ');
    }
    kept = m.index + m[0].length;
  }
  if (raw.length > kept) keep(kept, raw.length);
  return {
    text: parts.join(''),
    rawAt(p) {
      let lo = 0, hi = from.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (from[mid] <= p) lo = mid; else hi = mid - 1; }
      return at[lo] + (p - from[lo]);
    },
  };
}

/** A letter or digit (`/[\p{L}\p{N}]/u` on one UTF-16 code unit). */
export function isAlnumCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Letters and digits only, lower-cased, with the position in `text` of each one kept. */
export interface LooseText {
  readonly text: string;
  readonly at: Int32Array;
}

/** The fallback form for matching when the exact text differs in punctuation. */
export function looseText(text: string): LooseText {
  const codes: number[] = [];
  const at = new Int32Array(text.length);
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!isAlnumCode(c)) continue;
    codes.push(c < 0x80 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerUnit(c));
    at[n++] = k;
  }
  return { text: fromCodes(codes), at: at.subarray(0, n) };
}

/** The lower case of one code unit when it is one code unit, else the unit itself. */
function lowerUnit(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

function fromCodes(codes: readonly number[]): string {
  const CHUNK = 8192;
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let k = 0; k < codes.length; k += CHUNK) parts.push(String.fromCharCode(...codes.slice(k, k + CHUNK)));
  return parts.join('');
}
