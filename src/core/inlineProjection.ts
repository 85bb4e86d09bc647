// The text of a paragraph's inline tokens as the index sees its sentences: whitespace collapsed to
// single spaces, invisible characters dropped, every projected position mapped back to a position in
// the tokens' own text. Built for paragraphs of megabytes: one pass over character codes, text copied
// in runs, and the way back kept as a few runs instead of an entry per character.

import type { Token } from 'markdown-it';
import { isWhiteSpace } from './whiteSpace';

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

function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)
    || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** Runs of projected positions whose raw positions follow one another: run k starts at projected
 *  position `from[k]` and raw position `raw[k]`. */
class RunProjection implements Projection {
  constructor(readonly text: string, private readonly from: readonly number[], private readonly raw: readonly number[]) {}

  rawAt(p: number): number {
    const from = this.from;
    let lo = 0, hi = from.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (from[mid] <= p) lo = mid; else hi = mid - 1; }
    return this.raw[lo] + (p - from[lo]);
  }
}

/** The common case: nothing dropped before the end, one run. */
class ShiftedProjection implements Projection {
  constructor(readonly text: string, private readonly shift: number) {}

  rawAt(p: number): number {
    return p + this.shift;
  }
}

/** Projects the children's text (the children's texts one after another are the raw text). Ordinary
 *  characters and single ASCII spaces cost a comparison each; only a dropped or replaced character
 *  cuts the text and starts a run. */
export function projectInline(children: readonly Token[]): Projection {
  let parts: string[] | undefined; // the text, when it is more than one piece
  let single = ''; // the text while it is at most one piece
  let from: number[] | undefined, raw: number[] | undefined; // the runs after the first
  let from0 = -1, raw0 = 0; // the first run
  const add = (part: string) => {
    if (parts) parts.push(part);
    else if (single === '') single = part;
    else parts = [single, part];
  };
  const startRun = (p: number, r: number) => {
    if (from0 < 0) { from0 = p; raw0 = r; return; }
    if (!from || !raw) { from = [from0]; raw = [raw0]; }
    from.push(p); raw.push(r);
  };
  let n = 0; // projected length so far
  let base = 0;
  let afterSpace = true;
  let broken = true; // the next kept character starts a new run
  for (let i = 0; i < children.length; i++) {
    const content = childText(children[i]);
    let run = 0;
    for (let k = 0; k < content.length; k++) {
      const c = content.charCodeAt(k);
      if (c > 32 && c < 0xa0) { // the common case: kept as it is
        if (broken) { startRun(n, base + k); broken = false; }
        n++;
        afterSpace = false;
        continue;
      }
      const space = isWhiteSpace(c);
      if (!space && !isInvisibleCode(c)) {
        if (broken) { startRun(n, base + k); broken = false; }
        n++;
        afterSpace = false;
        continue;
      }
      if (space && !afterSpace) {
        if (broken) { startRun(n, base + k); broken = false; }
        n++;
        afterSpace = true;
        if (c === 32) continue; // kept as it is
        if (k > run) add(content.slice(run, k));
        add(' ');
        run = k + 1;
        continue;
      }
      // Dropped: a space after a space, or an invisible character.
      if (k > run) add(content.slice(run, k));
      run = k + 1;
      broken = true;
    }
    if (content.length > run) add(run === 0 ? content : content.slice(run));
    base += content.length;
  }
  const text = parts ? parts.join('') : single;
  if (from && raw) return new RunProjection(text, from, raw);
  return new ShiftedProjection(text, from0 < 0 ? 0 : raw0 - from0);
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
