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
    for (const [a, b] of atoms) if (a < s || b > e) overlap(a, b);
    for (const d of delims) {
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

function scanLine(text: string, from: number, to: number): LineScan {
  const atoms: [number, number][] = [];
  const delims: Delim[] = [];
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
      const close = findRun(text, '`', n, k + n, to);
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

function findRun(text: string, char: string, n: number, from: number, to: number): number {
  for (let k = from; k < to;) {
    if (text[k] !== char) { k++; continue; }
    const m = runLength(text, k, to);
    if (m === n) return k;
    k += m;
  }
  return -1;
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

/** Pairs closers with the nearest opener of the same character; what is left stays unpaired. */
function pair(delims: Delim[]): void {
  const stack: number[] = [];
  delims.forEach((d, k) => {
    if (d.canClose) {
      for (let j = stack.length - 1; j >= 0; j--) {
        const o = delims[stack[j]];
        if (o.char === d.char && (d.char === '*' || d.char === '_' || o.end - o.start === d.end - d.start)) {
          o.partner = k;
          d.partner = stack[j];
          stack.length = j;
          return;
        }
      }
    }
    if (d.canOpen) stack.push(k);
  });
}
