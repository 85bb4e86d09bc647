// The pieces of a sentence's source that can each be wrapped in an inline delimiter pair (`==…==`)
// without breaking the Markdown around them: never across a line break, never into part of a code
// span, link, autolink, HTML tag or math, and never across an emphasis delimiter whose partner lies
// outside the piece. A small per-line scanner approximates CommonMark's inline rules for this.

import type { LineTable } from '../lines';
import { lineOfOffset } from '../lines';

interface Delim {
  readonly start: number;
  readonly end: number;
  readonly char: string;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  partner: number;
}

/** Inline structure of one line, in absolute offsets. */
interface LineScan {
  /** Code spans, links, images, autolinks, HTML tags, inline math: [start, end). */
  readonly atoms: [number, number][];
  readonly delims: Delim[];
}

export type Piece = readonly [start: number, end: number];

const CONTAINER = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
const ANGLE = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+|\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|!--(?:(?!-->)[^<])*--)>/y; // a comment stops at the next `<`: linear on a line of unclosed ones
const LINK = /!?\[(?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*\](?:\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|\[(?:[^[\]\\]|\\.)*\])?/y;
const MATH = /\$(?=\S)(?:[^$\\]|\\.)*?(?<=\S)\$(?!\d)/y;
const WORD = /[\p{L}\p{N}]/u;
const PUNCT = /[\p{P}\p{S}]/u;

/** Scans lines lazily and remembers them: sentences of one paragraph share lines. */
export class PieceFinder {
  private readonly scans = new Map<number, LineScan>();

  constructor(private readonly text: string, private readonly lines: LineTable) {}

  /** The wrappable pieces of [start, end), trimmed of whitespace, each holding a letter or digit. */
  pieces(start: number, end: number): Piece[] {
    const { lines, text } = this;
    const out: Piece[] = [];
    const first = lineOfOffset(lines, start) - 1;
    const last = lineOfOffset(lines, Math.max(start, end - 1)) - 1;
    for (let i = first; i <= last; i++) {
      const lineStart = lines.starts[i];
      const s = i === first ? start : lineStart + (CONTAINER.exec(text.slice(lineStart, lines.ends[i]))?.[0].length ?? 0);
      const e = Math.min(end, lines.ends[i]);
      if (s < e) this.segmentPieces(i, s, e, out);
    }
    return out;
  }

  private segmentPieces(line: number, s: number, e: number, out: Piece[]): void {
    const { atoms, delims } = this.scan(line);
    const barriers: [number, number][] = [];
    const overlap = (a: number, b: number) => { if (a < e && b > s) barriers.push([Math.max(a, s), Math.min(b, e)]); };
    // Atoms and delimiters are in line order and do not overlap: visit only those that meet [s, e),
    // so a one-line paragraph of thousands of sentences stays linear.
    for (let k = firstEndingAfter(atoms, s, (a) => a[1]); k < atoms.length && atoms[k][0] < e; k++) {
      const [a, b] = atoms[k];
      if (a < s || b > e) overlap(a, b);
    }
    for (let k = firstEndingAfter(delims, s, (d) => d.end); k < delims.length && delims[k].start < e; k++) {
      const d = delims[k];
      if (!(d.canOpen || d.canClose)) continue;
      const p = d.partner >= 0 ? delims[d.partner] : undefined;
      const balanced = p !== undefined && p.start >= s && p.end <= e && d.start >= s && d.end <= e;
      // Highlights never nest: `==` runs always cut.
      if (!balanced || d.char === '=') overlap(d.start, d.end);
    }
    barriers.sort((x, y) => x[0] - y[0]);
    let pos = s;
    for (const [a, b] of [...barriers, [e, e] as [number, number]]) {
      if (a > pos) this.pushPiece(pos, a, out);
      pos = Math.max(pos, b);
    }
  }

  private pushPiece(a: number, b: number, out: Piece[]): void {
    const { text } = this;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    // A trailing backslash would escape the closing delimiter.
    while (b > a && text[b - 1] === '\\') b--;
    if (a >= b || !WORD.test(text.slice(a, b))) return;
    // Inside a highlight already (`==…==` written by the user).
    if (text[a - 1] === '=' || text[b] === '=') return;
    out.push([a, b]);
  }

  private scan(line: number): LineScan {
    let scan = this.scans.get(line);
    if (!scan) {
      scan = scanLine(this.text, this.lines.starts[line], this.lines.ends[line]);
      this.scans.set(line, scan);
    }
    return scan;
  }
}

/** Index of the first item (in line order) that ends after `offset`. */
function firstEndingAfter<T>(items: readonly T[], offset: number, end: (item: T) => number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (end(items[mid]) <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}

function scanLine(text: string, from: number, to: number): LineScan {
  const atoms: [number, number][] = [];
  const delims: Delim[] = [];
  const runs = new BacktickRuns(text, from, to);
  const sticky = (re: RegExp, k: number): number => {
    re.lastIndex = k;
    const m = re.exec(text);
    return m && k + m[0].length <= to ? k + m[0].length : -1;
  };
  for (let k = from; k < to;) {
    const c = text[k];
    if (c === '\\') { k += 2; continue; }
    if (c === '`') {
      const n = runLength(text, k, to);
      const close = runs.next(n, k + n);
      if (close >= 0) { atoms.push([k, close + n]); k = close + n; } else k += n;
      continue;
    }
    const atomEnd = c === '<' ? sticky(ANGLE, k)
      : c === '[' || (c === '!' && text[k + 1] === '[') ? sticky(LINK, k)
        : c === '$' ? sticky(MATH, k) : -1;
    if (atomEnd > 0) { atoms.push([k, atomEnd]); k = atomEnd; continue; }
    if (c === '*' || c === '_' || c === '~' || c === '=') {
      const n = runLength(text, k, to);
      if (n >= 2 || c === '*' || c === '_') delims.push(delim(text, k, k + n, from, to));
      k += n;
      continue;
    }
    k++;
  }
  pair(delims);
  return { atoms, delims };
}

function runLength(text: string, k: number, to: number): number {
  let n = 1;
  while (k + n < to && text[k + n] === text[k]) n++;
  return n;
}

/** The backtick runs of a line by length, so that finding a code span's closing run is a binary
 *  search: scanning ahead from every unmatched run would be quadratic. */
class BacktickRuns {
  private byLength: Map<number, number[]> | undefined;

  constructor(private readonly text: string, private readonly from: number, private readonly to: number) {}

  /** Start of the first run of exactly n backticks at or after `at`, or -1. */
  next(n: number, at: number): number {
    const starts = (this.byLength ??= this.collect()).get(n);
    if (!starts) return -1;
    const k = firstEndingAfter(starts, at - 1, (x) => x);
    return k < starts.length ? starts[k] : -1;
  }

  private collect(): Map<number, number[]> {
    const { text, to } = this;
    const map = new Map<number, number[]>();
    for (let k = this.from; k < to;) {
      if (text[k] !== '`') { k++; continue; }
      const m = runLength(text, k, to);
      const list = map.get(m);
      if (list) list.push(k); else map.set(m, [k]);
      k += m;
    }
    return map;
  }
}

/** CommonMark's flanking rules, in short. */
function delim(text: string, start: number, end: number, from: number, to: number): Delim {
  const prev = start > from ? text[start - 1] : ' ';
  const next = end < to ? text[end] : ' ';
  const prevSpace = /\s/.test(prev), nextSpace = /\s/.test(next);
  const prevPunct = PUNCT.test(prev), nextPunct = PUNCT.test(next);
  const left = !nextSpace && (!nextPunct || prevSpace || prevPunct);
  const right = !prevSpace && (!prevPunct || nextSpace || nextPunct);
  const char = text[start];
  const canOpen = char === '_' ? left && (!right || prevPunct) : left;
  const canClose = char === '_' ? right && (!left || nextPunct) : right;
  return { start, end, char, canOpen, canClose, partner: -1 };
}

/** Pairs closers with the nearest opener of the same character; what is left stays unpaired.
 *  (`~` and `=` runs pair only with runs of the same length.) The nearest opener is found through
 *  a list per kind whose stale entries are dropped as they are met, so pairing stays linear. */
function pair(delims: Delim[]): void {
  const stack: number[] = [];
  const byKind = new Map<string, { at: number; delim: number }[]>();
  const kind = (d: Delim) => (d.char === '*' || d.char === '_' ? d.char : `${d.char}${d.end - d.start}`);
  delims.forEach((d, k) => {
    if (d.canClose) {
      const list = byKind.get(kind(d)) ?? [];
      while (list.length && (list[list.length - 1].at >= stack.length || stack[list[list.length - 1].at] !== list[list.length - 1].delim)) list.pop();
      const top = list.pop();
      if (top) {
        delims[top.delim].partner = k;
        d.partner = top.delim;
        stack.length = top.at;
        return;
      }
    }
    if (d.canOpen) {
      const list = byKind.get(kind(d));
      const entry = { at: stack.length, delim: k };
      if (list) list.push(entry); else byKind.set(kind(d), [entry]);
      stack.push(k);
    }
  });
}
