// Critique sentences wrapped in <mark>: each highlighted sentence of the index is found in the text
// of its paragraph's inline tokens and its pieces are wrapped in `ps_mark_open`/`ps_mark_close`
// tokens, split where the nesting (emphasis, links, raw HTML) would otherwise break. An instance
// that only renders (the study panel's) plans the same pieces and marks while parsing and writes
// them while rendering (`PlannedMarks`), with the same HTML and no token for any of them.
// Runs on every render of the study panel, whose pages may hold thousands of marks: per paragraph,
// work is linear in its tokens, the paragraphs of a render share their working arrays, and marks
// share what they can (attribute pairs, rendered strings): the objects a render keeps until its HTML
// is done cost the garbage collector more than anything else the marks do.

import type { Renderer, RendererRule, StateCore, Token } from 'markdown-it';
import type { ClassifiedSentence, DocumentIndex } from './model';
import { plainText } from './inline';
import { KIND_LABEL } from './export/kindLabels';
import { fastTokenClass, type TokenClass } from './fastTokens';
import { childText, isAlnumCode, looseText, projectInline, type LooseText, type Projection } from './inlineProjection';

/** Sentences that get a mark (and an inline label in exports): critique sentences outside notes,
 *  since a callout already shows its kind. */
export function isHighlighted(s: ClassifiedSentence): boolean {
  return s.kind !== 'neutral' && s.note === undefined;
}

type Pair = [name: string, value: string];

/** The `meta` of a mark's opening token. */
export interface MarkMeta {
  readonly line: number;
  /** Whether this is the first mark of its sentence (a sentence split by nesting has several). */
  readonly first: boolean;
  /** The sentence of the index marked. */
  readonly sentence: ClassifiedSentence;
}

/** Marks the critique sentences of one inline token at a time, in document order: the sentences of
 *  the lines it covers that no earlier token took. */
export type SentenceMarker = (t: Token) => void;

/** A marker for the tokens of `state`, or undefined when the index highlights nothing. With
 *  `planned`, a paragraph's marks are planned there, to be written when it is rendered; else they
 *  become tokens among its children. */
export function sentenceMarker(state: StateCore, index: DocumentIndex, planned?: PlannedMarks): SentenceMarker | undefined {
  const sentences = highlightedByLine(index.sentences);
  if (sentences.length === 0) return undefined;
  const placed = new Uint8Array(sentences.length);
  const marker = paragraphMarker(sentences, placed, classesFor(state.Token), idsOf(state));
  return (t) => {
    if (t.type !== 'inline' || !t.map || !t.children || t.children.length === 0) return;
    const from = firstOnLine(sentences, t.map[0] + 1);
    let to = from;
    while (to < sentences.length && sentences[to].line <= t.map[1]) to++;
    let open = false;
    for (let k = from; k < to && !open; k++) open = placed[k] === 0;
    if (!open || !marker.lay(t.children, from, to)) return;
    if (planned) marker.plan(t.children, planned);
    else t.children = marker.tokens(t.children);
  };
}

/** Sentences → the ids the study panel gives them (`data-sentence` on their marks). */
export type SentenceIds = ReadonlyMap<ClassifiedSentence, number>;

/** The sentence ids of `state`'s environment (`paperStudySentenceIds`), if any. */
function idsOf(state: StateCore): SentenceIds | undefined {
  return (state.env as { paperStudySentenceIds?: SentenceIds } | undefined)?.paperStudySentenceIds;
}

/** An empty plan of the marks of `state`'s paragraphs, for `sentenceMarker` to fill. */
export function plannedMarks(state: StateCore): PlannedMarks {
  return new PlannedMarks(classesFor(state.Token), idsOf(state));
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

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Marks one paragraph (its inline children) after another with the sentences first..end-1 that no
 *  mark took yet: finds them as ranges of the children's raw text, cuts text children at their
 *  bounds into pieces and finds each range's runs of pieces to wrap; then makes the pieces and
 *  marks tokens, or plans them to be written at render. */
function paragraphMarker(sentences: readonly ClassifiedSentence[], placed: Uint8Array, classes: TokenClasses, ids: SentenceIds | undefined) {
  // The paragraph's ranges (raw [start, end) and sentence); its pieces (child, start and end in the
  // child's content, end -1 for the whole child) with the range owning each (-1: none); its runs of
  // pieces to wrap (first piece, last piece, range, 1 for the range's first run). In arrays that
  // every paragraph reuses.
  const starts: number[] = [], ends: number[] = [], found: ClassifiedSentence[] = [];
  const pieces: number[] = [], owner: number[] = [], runs: number[] = [];
  let ranges = 0, pieceCount = 0, runCount = 0;
  let children: readonly Token[] = [];
  const marks = markTokens(classes, ids);

  /** Finds the sentences first..end-1 not placed yet, in order, as raw ranges. */
  function locate(p: Projection, first: number, end: number): void {
    ranges = 0;
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
        while (a > from && p.text[a - 1] !== ' ' && !isAlnumCode(p.text.charCodeAt(a - 1))) a--;
        while (b < p.text.length && p.text[b] !== ' ' && !isAlnumCode(p.text.charCodeAt(b))) b++;
      }
      from = b;
      starts[ranges] = p.rawAt(a);
      ends[ranges] = p.rawAt(b - 1) + 1;
      found[ranges++] = s;
      placed[k] = 1;
    }
  }

  function piece(child: number, start: number, end: number, range: number): void {
    pieces[3 * pieceCount] = child; pieces[3 * pieceCount + 1] = start; pieces[3 * pieceCount + 2] = end;
    owner[pieceCount++] = range;
  }

  /** Cuts text children at range bounds and notes the range owning each piece. Owners never
   *  decrease along the pieces: each range owns one span. */
  function split(): void {
    pieceCount = 0;
    let r = 0;
    let end = 0; // where the child's text ends in the raw text
    for (let ci = 0; ci < children.length; ci++) {
      const c = children[ci];
      const base = end;
      end += childText(c).length;
      const type = c.type;
      if ((type !== 'text' && type !== 'code_inline' && type !== 'image') || c.content.length === 0) { piece(ci, 0, -1, -1); continue; }
      while (r < ranges && ends[r] <= base) r++;
      if (type !== 'text') { piece(ci, 0, -1, r < ranges && starts[r] <= base ? r : -1); continue; }
      let pos = base;
      let k = r;
      while (pos < end) {
        while (k < ranges && ends[k] <= pos) k++;
        const inside = k < ranges && starts[k] <= pos;
        const next = k >= ranges ? end : Math.min(end, inside ? ends[k] : starts[k]);
        if (pos === base && next === end) piece(ci, 0, -1, inside ? k : -1);
        else piece(ci, pos - base, next - base, inside ? k : -1);
        pos = next;
      }
    }
  }

  /** The child a piece is (all of it, or a piece of its text). */
  const childOf = (k: number): Token => children[pieces[3 * k]];

  /** Per range, the runs of its pieces that can be wrapped without breaking the nesting. */
  function markRuns(): void {
    runCount = 0;
    let k = 0;
    while (k < pieceCount) {
      const o = owner[k];
      if (o < 0) { k++; continue; }
      // The range's span: from its first piece to its last one.
      let b = k;
      for (let j = k + 1; j < pieceCount && (owner[j] === o || owner[j] < 0); j++) if (owner[j] === o) b = j;
      pushRuns(o, k, b);
      k = b + 1;
    }
  }

  /** The runs of range `o` over its span a..b: raw HTML and tags opened or closed outside the span
   *  are barriers between runs, and a run does not start or end with a piece of another range's
   *  text. */
  function pushRuns(o: number, a: number, b: number): void {
    let barriers: number[] | undefined;
    let open: number[] | undefined;
    for (let k = a; k <= b; k++) {
      const t = childOf(k);
      if (t.type === 'html_inline') (barriers ??= []).push(k);
      else if (t.nesting === 1) (open ??= []).push(k);
      else if (t.nesting === -1) { if (open?.length) open.pop(); else (barriers ??= []).push(k); }
    }
    if (open?.length) barriers = (barriers ?? []).concat(open).sort((x, y) => x - y);
    const count = barriers?.length ?? 0;
    let first = 1;
    let start = a;
    for (let i = 0; i <= count; i++) {
      const stop = barriers !== undefined && i < count ? barriers[i] : b + 1;
      let x = start, y = stop - 1;
      while (x <= y && childOf(x).nesting === 0 && owner[x] !== o) x++;
      while (y >= x && childOf(y).nesting === 0 && owner[y] !== o) y--;
      if (x <= y) {
        const at = 4 * runCount++;
        runs[at] = x; runs[at + 1] = y; runs[at + 2] = o; runs[at + 3] = first;
        first = 0;
      }
      start = stop + 1;
    }
  }

  return {
    /** Finds the sentences first..end-1 in `paragraph`, and its pieces and runs; false when it
     *  has none of them. */
    lay(paragraph: readonly Token[], first: number, end: number): boolean {
      children = paragraph;
      locate(projectInline(paragraph), first, end);
      if (ranges === 0) return false;
      split();
      markRuns();
      return true;
    },

    /** The children with the laid-out pieces and marks as tokens. A text child cut into pieces
     *  keeps its first piece. */
    tokens(paragraph: Token[]): Token[] {
      // Emit: a piece's opens, the piece, its closes. Runs are disjoint and in order, so one
      // pointer finds where each opens and another where each closes.
      const out = new Array<Token>(pieceCount + 2 * runCount);
      let n = 0, opened = 0, closed = 0;
      let cut = -1, content = '';
      for (let k = 0; k < pieceCount; k++) {
        const ci = pieces[3 * k], from = pieces[3 * k + 1], to = pieces[3 * k + 2];
        let t = paragraph[ci];
        if (to >= 0) {
          if (ci !== cut) { cut = ci; content = t.content; }
          if (from === 0) t.content = content.slice(0, to);
          else {
            const level = t.level;
            t = new classes.plain('text', '', 0);
            t.content = content.slice(from, to);
            t.level = level;
          }
        }
        for (; opened < runCount && runs[4 * opened] === k; opened++) out[n++] = marks.open(found[runs[4 * opened + 2]], runs[4 * opened + 3] === 1, t.level);
        out[n++] = t;
        for (; closed < runCount && runs[4 * closed + 1] === k; closed++) out[n++] = marks.close(t.level);
      }
      return out;
    },

    /** Keeps the pieces and runs in `planned`, for `paragraph` to be rendered with its marks. */
    plan(paragraph: readonly Token[], planned: PlannedMarks): void {
      planned.add(paragraph, pieces.slice(0, 3 * pieceCount), runs.slice(0, 4 * runCount), found.slice(0, ranges));
    },
  };
}

/** The marks of one parse's paragraphs, planned while parsing and written while rendering (for an
 *  instance whose tokens nobody else reads). A mark is written by the renderer's own rules, given
 *  one token made for the purpose, so that the HTML is the HTML of the tokens `sentenceMarker`
 *  would make, without making them. */
export class PlannedMarks {
  /** A paragraph's children → its pieces (child, start and end in its content, end -1 for all of
   *  it), its runs (first piece, last piece, range, 1 for the range's first run) and its ranges'
   *  sentences. */
  private readonly plans = new Map<readonly Token[], { pieces: number[]; runs: number[]; found: ClassifiedSentence[] }>();
  private readonly text: Token[];
  private readonly open: Token[];
  private readonly close: Token[];
  private readonly attrs: Pair[] = [];
  private readonly marks: ReturnType<typeof markTokens>;

  constructor(classes: TokenClasses, ids: SentenceIds | undefined) {
    this.text = [new classes.plain('text', '', 0)];
    this.open = [new classes.mark('ps_mark_open', 'mark', 1)];
    this.close = [new classes.plain('ps_mark_close', 'mark', -1)];
    this.marks = markTokens(classes, ids);
  }

  add(paragraph: readonly Token[], pieces: number[], runs: number[], found: ClassifiedSentence[]): void {
    this.plans.set(paragraph, { pieces, runs, found });
  }

  /** The HTML of a planned paragraph: what markdown-it's `renderInline` makes of the tokens
   *  `sentenceMarker` would have made; undefined for a paragraph without a plan. */
  render(paragraph: readonly Token[], options: Parameters<RendererRule>[2], env: Parameters<RendererRule>[3], self: Renderer): string | undefined {
    const plan = this.plans.get(paragraph);
    if (!plan) return undefined;
    const { pieces, runs, found } = plan;
    const [text] = this.text, [open] = this.open, [close] = this.close;
    const rule = (tokens: Token[], idx: number) => {
      const r = self.rules[tokens[idx].type];
      return r !== undefined ? r(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
    let html = '';
    let opened = 0, closed = 0;
    for (let k = 0; 3 * k < pieces.length; k++) {
      const ci = pieces[3 * k], from = pieces[3 * k + 1], to = pieces[3 * k + 2];
      const c = paragraph[ci];
      for (; 4 * opened < runs.length && runs[4 * opened] === k; opened++) {
        this.attrs.length = 0;
        this.marks.attrsOf(found[runs[4 * opened + 2]], this.attrs);
        open.attrs = this.attrs;
        open.level = c.level;
        html += rule(this.open, 0);
      }
      if (to < 0) html += rule(paragraph as Token[], ci);
      else {
        text.content = c.content.slice(from, to);
        text.level = c.level;
        html += rule(this.text, 0);
      }
      for (; 4 * closed < runs.length && runs[4 * closed + 1] === k; closed++) {
        close.level = c.level;
        html += rule(this.close, 0);
      }
    }
    return html;
  }
}

/** The mark tokens of one render. Marks of one kind, source, line or title share their attribute
 *  pairs. Each mark has its own attribute list, and its `attrJoin` replaces a pair rather than
 *  changing it (`attrSet` and `attrPush` never change one), so that a rule that edits one mark's
 *  attributes edits that mark only. With `ids`, a mark of a sentence that has one gets it as
 *  `data-sentence`. */
function markTokens(classes: TokenClasses, ids: SentenceIds | undefined) {
  const kinds = new Map<string, readonly [Pair, Pair]>();
  const sources = new Map<string, Pair>();
  const titles = new Map<string, Map<string, Pair>>();
  let line = -1;
  let linePair: Pair | undefined;
  // The pairs of the last mark, for the next one (often of the same sentence, kind or source).
  let last: ClassifiedSentence | undefined;
  let kindPairs: readonly [Pair, Pair] = [['', ''], ['', '']];
  let sourcePair: Pair = ['', ''];
  let title: Pair = ['', ''];
  /** Appends the attributes of a mark of `s` to `attrs`. */
  function attrsOf(s: ClassifiedSentence, attrs: Pair[]): void {
    const { kind, source, cue } = s;
    if (s.line !== line) {
      line = s.line;
      linePair = ['data-line', String(line)];
    }
    if (kind !== last?.kind) kindPairs = kept(kinds, kind, () => [['class', `ps-mark ps-kind-${kind}`], ['data-kind', kind]]);
    if (source !== last?.source) sourcePair = kept(sources, source, () => ['data-source', source]);
    if (kind !== last?.kind || cue !== last.cue) {
      const label = kind === 'neutral' ? '' : KIND_LABEL[kind];
      title = kept(kept(titles, kind, () => new Map<string, Pair>()), cue, () => ['title', cue ? `${label} — ${cue}` : label]);
    }
    last = s;
    attrs.push(kindPairs[0], kindPairs[1], sourcePair, linePair!, title);
    const id = ids?.get(s);
    if (id !== undefined) attrs.push(['data-sentence', String(id)]);
  }
  return {
    attrsOf,
    /** The opening token of a mark of `s`; `first` for the first of its marks. */
    open(s: ClassifiedSentence, first: boolean, level: number): Token {
      const t = new classes.mark('ps_mark_open', 'mark', 1);
      t.level = level;
      const attrs: Pair[] = [];
      attrsOf(s, attrs);
      t.attrs = attrs;
      const meta: MarkMeta = { line: s.line, first, sentence: s };
      t.meta = meta as unknown as Token['meta'];
      return t;
    },
    close(level: number): Token {
      const t = new classes.plain('ps_mark_close', 'mark', -1);
      t.level = level;
      return t;
    },
  };
}

/** The value `map` keeps for `key`, made (and kept) the first time. */
function kept<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, value = make());
  return value;
}

/** The classes of the tokens that marking makes, for tokens of class `TokenCtor`: `plain` makes the
 *  same tokens; `mark` is `plain` whose `attrJoin` replaces the pair it joins to. */
interface TokenClasses { readonly plain: TokenClass; readonly mark: TokenClass }

const tokenClasses = new WeakMap<TokenClass, TokenClasses>();

/** `plain` is the fast class of `TokenCtor` (fastTokens.ts); a page of critique makes ten thousand
 *  marks or more. */
function classesFor(TokenCtor: TokenClass): TokenClasses {
  let classes = tokenClasses.get(TokenCtor);
  if (classes) return classes;
  const plain = fastTokenClass(TokenCtor);
  const mark = class extends plain {
    override attrJoin(name: string, value: string): void {
      const i = this.attrIndex(name);
      if (i < 0) this.attrPush([name, value]);
      else this.attrs![i] = [name, `${this.attrs![i][1]} ${value}`];
    }
  };
  tokenClasses.set(TokenCtor, classes = { plain, mark });
  return classes;
}

/** A renderer rule for `ps_mark_open`: markdown-it's `renderToken` for a mark, which keeps the tag
 *  start of the last class, kind and source rendered, the `data-line` of the last line and the
 *  title attributes by title, since marks of one kind, of one line and of one title follow one
 *  another. Values go to `escapeHtml` as they are, as markdown-it's `renderAttrs` passes them
 *  (markdown-it's returns a number as it is). */
export function markOpenRule(escapeHtml: (s: string) => string): RendererRule {
  let head = '', key: unknown[] = [];
  let line: unknown, linePart = '';
  /** ` title="…"` by title; cleared when full. */
  const titles = new Map<unknown, string>();
  return (tokens, idx, options, _env, self) => {
    const t = tokens[idx];
    const attrs = t.attrs;
    if (t.hidden || t.block || t.nesting !== 1 || t.tag !== 'mark' || !attrs || attrs.length < 4
      || attrs[0][0] !== 'class' || attrs[1][0] !== 'data-kind' || attrs[2][0] !== 'data-source' || attrs[3][0] !== 'data-line') return self.renderToken(tokens, idx, options);
    if (attrs[0][1] !== key[0] || attrs[1][1] !== key[1] || attrs[2][1] !== key[2]) {
      key = [attrs[0][1], attrs[1][1], attrs[2][1]];
      head = `<mark class="${escapeHtml(key[0] as string)}" data-kind="${escapeHtml(key[1] as string)}" data-source="${escapeHtml(key[2] as string)}"`;
    }
    if (attrs[3][1] !== line) {
      line = attrs[3][1];
      linePart = ` data-line="${escapeHtml(line as string)}"`;
    }
    let html = head + linePart;
    let i = 4;
    if (attrs.length > 4 && attrs[4][0] === 'title') {
      let title = titles.get(attrs[4][1]);
      if (title === undefined) {
        if (titles.size >= 512) titles.clear();
        titles.set(attrs[4][1], title = ` title="${escapeHtml(attrs[4][1] as string)}"`);
      }
      html += title;
      i = 5;
    }
    for (; i < attrs.length; i++) html += ` ${escapeHtml(attrs[i][0])}="${escapeHtml(attrs[i][1] as string)}"`;
    return html + '>';
  };
}

/** A renderer rule for `ps_mark_close`: `</mark>`, as `renderToken` renders a closing mark that
 *  nothing changed, without making the string anew for each mark. */
export const markCloseRule: RendererRule = (tokens, idx, options, _env, self) => {
  const t = tokens[idx];
  return t.hidden || t.block || t.attrs || t.nesting !== -1 || t.tag !== 'mark' ? self.renderToken(tokens, idx, options) : '</mark>';
};
