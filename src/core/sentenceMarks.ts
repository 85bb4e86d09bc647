// Critique sentences wrapped in <mark>: each highlighted sentence of the index is found in the text
// of its paragraph's inline tokens and its pieces are wrapped in `ps_mark_open`/`ps_mark_close`
// tokens, split where the nesting (emphasis, links, raw HTML) would otherwise break.
// Runs on every render of the study panel: per paragraph, work is linear in its tokens and a
// sentence costs a few tokens, not an allocation per character or per token.

import type { RendererRule, StateCore, Token } from 'markdown-it';
import { CRITIQUE_KINDS, type ClassifiedSentence, type CritiqueSource, type DocumentIndex } from './model';
import { plainText } from './inline';
import { KIND_LABEL } from './export/kindLabels';
import { childText, looseText, projectInline, type LooseText, type Projection } from './inlineProjection';

/** Sentences that get a mark (and an inline label in exports): critique sentences outside notes,
 *  since a callout already shows its kind. */
export function isHighlighted(s: ClassifiedSentence): boolean {
  return s.kind !== 'neutral' && s.note === undefined;
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** A sentence found in a paragraph: raw range [start, end) over the children's text. */
interface Found { readonly start: number; readonly end: number; readonly s: ClassifiedSentence }

/** Marks the critique sentences of one inline token at a time, in document order: the sentences of
 *  the lines it covers that no earlier token took. */
export type SentenceMarker = (t: Token) => void;

/** A marker for the tokens of `state`, or undefined when the index highlights nothing. */
export function sentenceMarker(state: StateCore, index: DocumentIndex): SentenceMarker | undefined {
  const sentences = highlightedByLine(index.sentences);
  if (sentences.length === 0) return undefined;
  const placed = new Uint8Array(sentences.length);
  return (t) => {
    if (t.type !== 'inline' || !t.map || !t.children || t.children.length === 0) return;
    const from = firstOnLine(sentences, t.map[0] + 1);
    let to = from;
    while (to < sentences.length && sentences[to].line <= t.map[1]) to++;
    let open = false;
    for (let k = from; k < to && !open; k++) open = placed[k] === 0;
    if (open) t.children = markInline(t.children, sentences, from, to, placed, state.Token);
  };
}

/** The highlighted sentences by line; sentences of one line keep their order. */
function highlightedByLine(all: readonly ClassifiedSentence[]): ClassifiedSentence[] {
  const list: ClassifiedSentence[] = [];
  let sorted = true;
  for (let i = 0; i < all.length; i++) {
    const s = all[i];
    if (!isHighlighted(s)) continue;
    if (list.length && list[list.length - 1].line > s.line) sorted = false;
    list.push(s);
  }
  return sorted ? list : list.sort((a, b) => a.line - b.line);
}

/** The first sentence on `line` or after it. */
function firstOnLine(sentences: readonly ClassifiedSentence[], line: number): number {
  let lo = 0, hi = sentences.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sentences[mid].line < line) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Finds the sentences from..to not placed yet, in order, as raw ranges over the children's text. */
function locate(p: Projection, sentences: readonly ClassifiedSentence[], first: number, end: number, placed: Uint8Array): Found[] {
  const found: Found[] = [];
  let loose: LooseText | undefined;
  let from = 0;
  for (let k = first; k < end; k++) {
    if (placed[k] !== 0) continue;
    const s = sentences[k];
    const needle = plainText(s.text);
    if (needle === '') continue;
    let a = p.text.indexOf(needle, from);
    let b = a + needle.length;
    if (a < 0) {
      loose ??= looseText(p.text);
      const n = looseText(needle).text;
      let q = lowerBound(loose.at, from);
      q = n ? loose.text.indexOf(n, q) : -1;
      if (q < 0) continue;
      a = loose.at[q];
      b = loose.at[q + n.length - 1] + 1;
      // Take back the punctuation around the words (an opening quote, the full stop).
      while (a > from && p.text[a - 1] !== ' ' && !/[\p{L}\p{N}]/u.test(p.text[a - 1])) a--;
      while (b < p.text.length && p.text[b] !== ' ' && !/[\p{L}\p{N}]/u.test(p.text[b])) b++;
    }
    from = b;
    found.push({ start: p.rawAt(a), end: p.rawAt(b - 1) + 1, s });
    placed[k] = 1;
  }
  return found;
}

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

function markInline(children: Token[], sentences: readonly ClassifiedSentence[], from: number, to: number, placed: Uint8Array, TokenCtor: TokenClass): Token[] {
  const ranges = locate(projectInline(children), sentences, from, to, placed);
  if (ranges.length === 0) return children;
  const { pieces, owner } = splitAtRanges(children, ranges, TokenCtor);
  const runs = markRuns(pieces, owner);

  // Emit: a piece's opens, the piece, its closes. Runs are disjoint and in order, so one pointer
  // finds where each opens and another where each closes.
  const out: Token[] = [];
  let opened = 0, closed = 0;
  for (let k = 0; k < pieces.length; k++) {
    const t = pieces[k];
    for (; opened < runs.length && runs[opened].at === k; opened++) {
      out.push(markOpen(ranges[runs[opened].range].s, runs[opened].first, TokenCtor, t.level));
    }
    out.push(t);
    for (; closed < runs.length && runs[closed].to === k; closed++) {
      const close = new TokenCtor('ps_mark_close', 'mark', -1);
      close.level = t.level;
      out.push(close);
    }
  }
  return out;
}

/** Splits text tokens at range boundaries and notes the range owning each piece (-1: none). A text
 *  token keeps its first piece. Owners never decrease along the pieces: each range owns one span. */
function splitAtRanges(children: readonly Token[], ranges: readonly Found[], TokenCtor: TokenClass): { pieces: Token[]; owner: number[] } {
  const pieces: Token[] = [];
  const owner: number[] = [];
  let r = 0;
  let end = 0; // where the child's text ends in the raw text
  for (let ci = 0; ci < children.length; ci++) {
    const c = children[ci];
    const base = end;
    end += childText(c).length;
    const type = c.type;
    const content = c.content;
    if ((type !== 'text' && type !== 'code_inline' && type !== 'image') || content.length === 0) { pieces.push(c); owner.push(-1); continue; }
    while (r < ranges.length && ranges[r].end <= base) r++;
    if (type !== 'text') {
      pieces.push(c); owner.push(r < ranges.length && ranges[r].start <= base ? r : -1);
      continue;
    }
    let pos = base;
    let k = r;
    while (pos < end) {
      while (k < ranges.length && ranges[k].end <= pos) k++;
      const inside = k < ranges.length && ranges[k].start <= pos;
      const next = k >= ranges.length ? end : Math.min(end, inside ? ranges[k].end : ranges[k].start);
      if (pos === base) {
        if (next < end) c.content = content.slice(0, next - base);
        pieces.push(c);
      } else {
        const piece = new TokenCtor('text', '', 0);
        piece.content = content.slice(pos - base, next - base);
        piece.level = c.level;
        pieces.push(piece);
      }
      owner.push(inside ? k : -1);
      pos = next;
    }
  }
  return { pieces, owner };
}

/** A run of pieces to wrap in one mark: it opens before piece `at` and closes after piece `to`;
 *  `first` for the first run of its range. */
interface Run { readonly at: number; readonly to: number; readonly range: number; readonly first: boolean }

/** Per range, the runs of its pieces that can be wrapped without breaking the nesting, in piece
 *  order. */
function markRuns(pieces: readonly Token[], owner: readonly number[]): Run[] {
  const runs: Run[] = [];
  let k = 0;
  while (k < owner.length) {
    const o = owner[k];
    if (o < 0) { k++; continue; }
    // The range's span: from its first piece to its last one.
    let b = k;
    for (let j = k + 1; j < owner.length && (owner[j] === o || owner[j] < 0); j++) if (owner[j] === o) b = j;
    pushRuns(pieces, owner, o, k, b, runs);
    k = b + 1;
  }
  return runs;
}

/** The runs of range `o` over its span a..b: raw HTML and tags opened or closed outside the span are
 *  barriers between runs, and a run does not start or end with a piece of another range's text. */
function pushRuns(pieces: readonly Token[], owner: readonly number[], o: number, a: number, b: number, runs: Run[]): void {
  let barriers: number[] | undefined;
  let open: number[] | undefined;
  for (let k = a; k <= b; k++) {
    const t = pieces[k];
    if (t.type === 'html_inline') (barriers ??= []).push(k);
    else if (t.nesting === 1) (open ??= []).push(k);
    else if (t.nesting === -1) { if (open?.length) open.pop(); else (barriers ??= []).push(k); }
  }
  if (open?.length) barriers = (barriers ?? []).concat(open).sort((x, y) => x - y);
  const count = barriers?.length ?? 0;
  let first = true;
  let start = a;
  for (let i = 0; i <= count; i++) {
    const stop = barriers !== undefined && i < count ? barriers[i] : b + 1;
    let x = start, y = stop - 1;
    while (x <= y && pieces[x].nesting === 0 && owner[x] !== o) x++;
    while (y >= x && pieces[y].nesting === 0 && owner[y] !== o) y--;
    if (x <= y) { runs.push({ at: x, to: y, range: o, first }); first = false; }
    start = stop + 1;
  }
}

const SOURCES: readonly CritiqueSource[] = ['note', 'section', 'prose', 'none'];
const MARK_CLASS = new Map(CRITIQUE_KINDS.map((k) => [k as string, `ps-mark ps-kind-${k}`]));

function markOpen(s: ClassifiedSentence, first: boolean, TokenCtor: TokenClass, level: number): Token {
  const t = new TokenCtor('ps_mark_open', 'mark', 1);
  t.level = level;
  const label = s.kind === 'neutral' ? '' : KIND_LABEL[s.kind];
  t.attrs = [
    ['class', MARK_CLASS.get(s.kind) ?? `ps-mark ps-kind-${s.kind}`],
    ['data-kind', s.kind],
    ['data-source', s.source],
    ['data-line', String(s.line)],
    ['title', s.cue ? `${label} — ${s.cue}` : label],
  ];
  t.meta = { line: s.line, first };
  return t;
}

/** `<mark class=… data-kind=… data-source=… data-line="` for each kind and source. */
const TAG_START = new Map(CRITIQUE_KINDS.map((k) => [k as string, new Map(SOURCES.map((source) => [source as string,
  `<mark class="ps-mark ps-kind-${k}" data-kind="${k}" data-source="${source}" data-line="`]))]));

/** A renderer rule for `ps_mark_open`: the same HTML as markdown-it's `renderToken`, with the tag's
 *  start taken whole from a table while the first four attributes are those `markOpen` wrote.
 *  A page of critique has thousands of marks, and this spares most of the strings of each. */
export function markOpenRule(escapeHtml: (s: string) => string): RendererRule {
  return (tokens, idx, options, _env, self) => {
    const t = tokens[idx];
    const attrs = t.attrs;
    if (t.hidden || t.block || t.nesting !== 1 || t.tag !== 'mark' || !attrs || attrs.length < 4
      || attrs[0][0] !== 'class' || attrs[1][0] !== 'data-kind' || attrs[2][0] !== 'data-source' || attrs[3][0] !== 'data-line') return self.renderToken(tokens, idx, options);
    const kind = String(attrs[1][1]);
    const start = attrs[0][1] === MARK_CLASS.get(kind) ? TAG_START.get(kind)?.get(String(attrs[2][1])) : undefined;
    if (start === undefined) return self.renderToken(tokens, idx, options);
    const line = escapeHtml(String(attrs[3][1]));
    if (attrs.length === 5 && attrs[4][0] === 'title') return start + line + '" title="' + escapeHtml(String(attrs[4][1])) + '">';
    let html = start + line + '"';
    for (let i = 4; i < attrs.length; i++) html += ` ${escapeHtml(attrs[i][0])}="${escapeHtml(String(attrs[i][1]))}"`;
    return html + '>';
  };
}
