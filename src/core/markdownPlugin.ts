// The markdown-it plugin of Paper Study: notes (Obsidian callouts, GitHub alerts) render as callout
// blocks, critique sentences are wrapped in <mark>, and block elements carry `data-line`.
// It serves the study panel, HTML export and VS Code's built-in preview, whose own instance may allow
// raw HTML: everything this plugin writes is escaped here and never relies on the instance's options,
// and raw HTML and links from the source pass an allow-list (safeTokens.ts) on any instance.
//
// `data-line` values are 1-based source lines (the model's convention). This plugin never overwrites
// a `data-line` already set: in VS Code's preview, whose own rule writes 0-based values on blocks with
// attrSet, the preview's values are the ones on blocks (marks and callouts keep ours).

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { ClassifiedSentence, DocumentIndex, IndexOptions, Note } from './model';
import { indexDocument } from './indexer';
import { plainText } from './inline';
import { escapeHtml } from './html';
import { createMarkdown, type MarkdownOptions } from './markdown';
import { KIND_LABEL, noteLabel } from './export/kindLabels';
import { neutralizeTokens } from './safeTokens';

export interface PaperStudyPluginOptions {
  /** Index options used when `env.paperStudyIndex` is absent; read at every render. */
  readonly indexOptions?: () => IndexOptions;
  /** Whether critique sentences are highlighted; read at every render. Default: yes. */
  readonly highlight?: () => boolean;
}

/** What a caller may put in markdown-it's `env`. */
export interface PaperStudyEnv {
  [key: string | symbol]: unknown;
  /** The index of exactly the text being rendered; computed when absent. */
  paperStudyIndex?: DocumentIndex;
}

/** `[!kind]± Title` on the first line of a quote's first paragraph; group 1 is the title. */
const CALLOUT_HEAD = /^\[![^\]\n]*\][+-]?[ \t]*([^\n]*)(?:\n|$)/;

export function paperStudyPlugin(md: MarkdownIt, options: PaperStudyPluginOptions = {}): void {
  const indexes = new WeakMap<object, { src: string; index: DocumentIndex }>();
  const indexOf = (state: StateCore): DocumentIndex => {
    const env = state.env as PaperStudyEnv | undefined;
    if (env?.paperStudyIndex && Array.isArray(env.paperStudyIndex.sentences)) return env.paperStudyIndex;
    const key = (env ?? state) as object;
    const cached = indexes.get(key);
    if (cached && cached.src === state.src) return cached.index;
    const index = indexDocument(state.src, options.indexOptions?.() ?? {});
    indexes.set(key, { src: state.src, index });
    return index;
  };

  md.core.ruler.after('block', 'paper_study_callouts', (state) => { renderCallouts(state, indexOf(state)); });
  md.core.ruler.push('paper_study_marks', (state) => {
    if (options.highlight?.() ?? true) markSentences(state, indexOf(state));
  });
  // Last, so that it also sees what other rules made: nothing unsafe reaches the renderer.
  md.core.ruler.push('paper_study_safety', (state) => { neutralizeTokens(state.tokens); });
  md.core.ruler.push('paper_study_lines', (state) => {
    for (const t of state.tokens) {
      if (t.map && t.nesting !== -1 && t.type !== 'inline' && t.attrGet('data-line') === null) t.attrSet('data-line', String(t.map[0] + 1));
    }
  });

  md.renderer.rules.ps_callout_title_open = (tokens, idx) => {
    const t = tokens[idx];
    const label = `<span class="ps-callout-label">${escapeHtml(String(t.meta?.label ?? ''))}</span>`;
    return `<div class="ps-callout-title">${label}${t.meta?.hasTitle ? ' <span class="ps-callout-title-text">' : ''}`;
  };
  md.renderer.rules.ps_callout_title_close = (tokens, idx) => `${tokens[idx].meta?.hasTitle ? '</span>' : ''}</div>\n`;
}

export interface RenderOptions {
  readonly markdown?: MarkdownOptions;
  /** The index of `text`, when the caller has it already. */
  readonly index?: DocumentIndex;
  /** Used to compute the index when none is given. */
  readonly indexOptions?: IndexOptions;
}

/** Renders `text` with the shared setup and the plugin; the index is computed once (or reused). */
export function renderDocument(text: string, options: RenderOptions = {}): { html: string; index: DocumentIndex } {
  const index = options.index ?? indexDocument(text, options.indexOptions ?? {});
  const env: PaperStudyEnv = { paperStudyIndex: index };
  return { html: sharedMarkdown(options.markdown).render(text, env), index };
}

const instances = new Map<string, MarkdownIt>();
function sharedMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const key = `${options.breaks ?? false}|${options.linkify ?? true}`;
  let md = instances.get(key);
  if (!md) {
    md = createMarkdown(options).use(paperStudyPlugin);
    instances.set(key, md);
  }
  return md;
}

// ---------------------------------------------------------------------------------------------
// Callouts

interface OpenQuote { callout: boolean; hasBody: boolean }

/** Turns blockquotes that the index knows as notes into callout tokens (runs before inline parsing). */
function renderCallouts(state: StateCore, index: DocumentIndex): void {
  if (index.notes.length === 0) return;
  const notesByLine = new Map<number, Note>();
  for (const n of index.notes) if (!notesByLine.has(n.line)) notesByLine.set(n.line, n);
  const src = state.tokens;
  const out: Token[] = [];
  const stack: OpenQuote[] = [];
  const make = (type: string, tag: string, nesting: -1 | 0 | 1, level: number): Token => {
    const t = new state.Token(type, tag, nesting);
    t.block = true;
    t.level = level;
    return t;
  };

  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    if (t.type === 'blockquote_close') {
      const open = stack.pop();
      if (open?.callout) {
        if (open.hasBody) out.push(make('ps_callout_body_close', 'div', -1, t.level + 1));
        out.push(make('ps_callout_close', 'div', -1, t.level));
      } else out.push(t);
      continue;
    }
    if (t.type !== 'blockquote_open') { out.push(t); continue; }

    const head = calloutHead(src, i, notesByLine);
    if (!head) {
      if (stack.length && stack[stack.length - 1].callout) t.attrJoin('class', 'ps-callout-quote');
      stack.push({ callout: false, hasBody: false });
      out.push(t);
      continue;
    }
    const { note, title, rest } = head;
    const open = make('ps_callout_open', 'div', 1, t.level);
    open.map = t.map;
    open.attrSet('class', `ps-callout ps-kind-${note.kind}`);
    open.attrSet('data-kind', note.kind);
    if (note.fold) open.attrSet('data-fold', note.fold);
    out.push(open);

    const titleOpen = make('ps_callout_title_open', 'div', 1, t.level + 1);
    titleOpen.meta = { label: noteLabel(note), hasTitle: title !== '' };
    out.push(titleOpen);
    if (title !== '') {
      const titleInline = make('inline', '', 0, t.level + 2);
      titleInline.content = title;
      titleInline.children = [];
      out.push(titleInline);
    }
    const titleClose = make('ps_callout_title_close', 'div', -1, t.level + 1);
    titleClose.meta = { hasTitle: title !== '' };
    out.push(titleClose);

    // The first paragraph lost its head line; drop it when nothing else was in it.
    const paragraph = src[i + 1];
    const inline = src[i + 2];
    if (rest.trim() === '') i += 3;
    else {
      inline.content = rest;
      if (paragraph.map) { paragraph.map = [paragraph.map[0] + 1, paragraph.map[1]]; inline.map = [...paragraph.map]; }
    }
    const hasBody = src[i + 1]?.type !== 'blockquote_close';
    if (hasBody) {
      const body = make('ps_callout_body_open', 'div', 1, t.level + 1);
      body.attrSet('class', 'ps-callout-body');
      out.push(body);
    }
    stack.push({ callout: true, hasBody });
  }
  state.tokens = out;
}

/** The note whose head line opens the blockquote at `i`, with its title source and the remaining lines. */
function calloutHead(src: readonly Token[], i: number, notesByLine: ReadonlyMap<number, Note>): { note: Note; title: string; rest: string } | undefined {
  const q = src[i];
  const inline = src[i + 2];
  if (!q.map || src[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') return undefined;
  const note = notesByLine.get(q.map[0] + 1);
  const m = CALLOUT_HEAD.exec(inline.content);
  if (!note || !m) return undefined;
  return { note, title: m[1].trim(), rest: inline.content.slice(m[0].length) };
}

// ---------------------------------------------------------------------------------------------
// Sentence marks

/** Sentences that get a mark (and an inline label in exports): critique sentences outside notes,
 *  since a callout already shows its kind. */
export function isHighlighted(s: ClassifiedSentence): boolean {
  return s.kind !== 'neutral' && s.note === undefined;
}

/** Wraps each critique sentence's text pieces in mark tokens, paragraph by paragraph. */
function markSentences(state: StateCore, index: DocumentIndex): void {
  const byLine = new Map<number, ClassifiedSentence[]>();
  for (const s of index.sentences) {
    if (!isHighlighted(s)) continue;
    const list = byLine.get(s.line);
    if (list) list.push(s); else byLine.set(s.line, [s]);
  }
  if (byLine.size === 0) return;
  const placed = new Set<ClassifiedSentence>();
  for (const t of state.tokens) {
    if (t.type !== 'inline' || !t.map || !t.children || t.children.length === 0) continue;
    const candidates: ClassifiedSentence[] = [];
    for (let line = t.map[0] + 1; line <= t.map[1]; line++) {
      for (const s of byLine.get(line) ?? []) if (!placed.has(s)) candidates.push(s);
    }
    if (candidates.length) t.children = markInline(t.children, candidates, placed, state.Token);
  }
}

/** Inline tokens whose text is part of the sentence text; the rest of them hold no text of their own. */
const TEXT = new Set(['text', 'code_inline', 'image']);
const BREAKS = new Set(['softbreak', 'hardbreak']);

/** A projection of the inline text: whitespace collapsed, each character's raw position kept. */
interface Projection { text: string; raw: ArrayLike<number> }

/** What `/\s/` matches, without a regular expression for the common (ASCII) case. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && /\s/.test(String.fromCharCode(c)));
}

function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)
    || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** One pass with character codes, kept characters copied in runs: a paragraph of megabytes has
 *  millions of characters, and a regular expression or an array entry per character costs seconds. */
function project(children: readonly Token[]): { projection: Projection; bases: number[] } {
  const contents = children.map((c) => (TEXT.has(c.type) ? c.content : BREAKS.has(c.type) ? ' ' : ''));
  let total = 0;
  for (const content of contents) total += content.length;
  const raw = new Int32Array(total);
  let n = 0;
  const parts: string[] = [];
  const bases: number[] = [];
  let base = 0;
  let afterSpace = true;
  for (const content of contents) {
    bases.push(base);
    let run = 0;
    for (let k = 0; k < content.length; k++) {
      const c = content.charCodeAt(k);
      const space = isSpaceCode(c);
      if (!space && !isInvisibleCode(c)) { raw[n++] = base + k; afterSpace = false; continue; }
      if (k > run) parts.push(content.slice(run, k));
      run = k + 1;
      if (space && !afterSpace) { parts.push(' '); raw[n++] = base + k; afterSpace = true; }
    }
    if (content.length > run) parts.push(content.slice(run));
    base += content.length;
  }
  return { projection: { text: parts.join(''), raw: raw.subarray(0, n) }, bases };
}

/** Letters and digits only, lower-cased: the fallback when the exact text differs in punctuation. */
function alnum(p: Projection): Projection {
  const chars: string[] = [];
  const raw: number[] = [];
  for (let k = 0; k < p.text.length; k++) {
    const ch = p.text[k];
    if (/[\p{L}\p{N}]/u.test(ch)) {
      const lower = ch.toLowerCase();
      chars.push(lower.length === 1 ? lower : ch);
      raw.push(k);
    }
  }
  return { text: chars.join(''), raw };
}

/** Finds each sentence, in order, as a raw range [start, end) over the children's text. */
function locate(p: Projection, sentences: readonly ClassifiedSentence[]): ({ start: number; end: number } | undefined)[] {
  let loose: Projection | undefined;
  let from = 0;
  return sentences.map((s) => {
    const needle = plainText(s.text);
    if (needle === '') return undefined;
    let a = p.text.indexOf(needle, from);
    let b = a + needle.length;
    if (a < 0) {
      loose ??= alnum(p);
      const n = alnum({ text: needle, raw: [] }).text;
      let q = lowerBound(loose.raw, from);
      q = n ? loose.text.indexOf(n, q) : -1;
      if (q < 0) return undefined;
      a = loose.raw[q];
      b = loose.raw[q + n.length - 1] + 1;
      // Take back the punctuation around the words (an opening quote, the full stop).
      while (a > from && p.text[a - 1] !== ' ' && !/[\p{L}\p{N}]/u.test(p.text[a - 1])) a--;
      while (b < p.text.length && p.text[b] !== ' ' && !/[\p{L}\p{N}]/u.test(p.text[b])) b++;
    }
    from = b;
    return { start: p.raw[a], end: p.raw[b - 1] + 1 };
  });
}

function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
  return lo;
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

function markInline(children: Token[], sentences: readonly ClassifiedSentence[], placed: Set<ClassifiedSentence>, TokenCtor: TokenClass): Token[] {
  const { projection, bases } = project(children);
  const found = locate(projection, sentences);
  const ranges: { start: number; end: number; s: ClassifiedSentence }[] = [];
  found.forEach((r, k) => { if (r) { ranges.push({ ...r, s: sentences[k] }); placed.add(sentences[k]); } });
  if (ranges.length === 0) return children;

  // 1. Split text tokens at range boundaries; note each piece's owning range.
  const pieces: Token[] = [];
  const owner: number[] = [];
  let r = 0;
  children.forEach((c, ci) => {
    const base = bases[ci];
    if (!TEXT.has(c.type) || c.content.length === 0) { pieces.push(c); owner.push(-1); return; }
    const end = base + c.content.length;
    while (r < ranges.length && ranges[r].end <= base) r++;
    if (c.type !== 'text') {
      const inside = r < ranges.length && ranges[r].start <= base;
      pieces.push(c); owner.push(inside ? r : -1);
      return;
    }
    let pos = base;
    let k = r;
    while (pos < end) {
      while (k < ranges.length && ranges[k].end <= pos) k++;
      const inside = k < ranges.length && ranges[k].start <= pos;
      const next = k >= ranges.length ? end : Math.min(end, inside ? ranges[k].end : ranges[k].start);
      const piece = new TokenCtor('text', '', 0);
      piece.content = c.content.slice(pos - base, next - base);
      piece.level = c.level;
      pieces.push(piece); owner.push(inside ? k : -1);
      pos = next;
    }
  });

  // 2. Per range, the runs of pieces that can be wrapped without breaking the nesting.
  const opens: ClassifiedSentence[][] = pieces.map(() => []);
  const closes: number[] = pieces.map(() => 0);
  const firstOf = new Map<number, number>();
  const lastOf = new Map<number, number>();
  owner.forEach((o, k) => { if (o >= 0) { if (!firstOf.has(o)) firstOf.set(o, k); lastOf.set(o, k); } });
  for (const [o, a] of firstOf) {
    const b = lastOf.get(o)!;
    const barrier = new Set<number>();
    const stack: number[] = [];
    for (let k = a; k <= b; k++) {
      const t = pieces[k];
      if (t.type === 'html_inline') barrier.add(k);
      else if (t.nesting === 1) stack.push(k);
      else if (t.nesting === -1) { if (stack.length) stack.pop(); else barrier.add(k); }
    }
    for (const k of stack) barrier.add(k);
    let runStart = -1;
    for (let k = a; k <= b + 1; k++) {
      if (k <= b && !barrier.has(k)) { if (runStart < 0) runStart = k; continue; }
      if (runStart >= 0) {
        let x = runStart, y = k - 1;
        while (x <= y && pieces[x].nesting === 0 && owner[x] !== o) x++;
        while (y >= x && pieces[y].nesting === 0 && owner[y] !== o) y--;
        if (x <= y) { opens[x].push(ranges[o].s); closes[y]++; }
      }
      runStart = -1;
    }
  }

  // 3. Emit.
  const out: Token[] = [];
  const started = new Set<ClassifiedSentence>();
  pieces.forEach((t, k) => {
    for (const s of opens[k]) {
      out.push(markOpen(s, !started.has(s), TokenCtor, t.level));
      started.add(s);
    }
    out.push(t);
    for (let n = 0; n < closes[k]; n++) {
      const close = new TokenCtor('ps_mark_close', 'mark', -1);
      close.level = t.level;
      out.push(close);
    }
  });
  return out;
}

function markOpen(s: ClassifiedSentence, first: boolean, TokenCtor: TokenClass, level: number): Token {
  const t = new TokenCtor('ps_mark_open', 'mark', 1);
  t.level = level;
  t.attrSet('class', `ps-mark ps-kind-${s.kind}`);
  t.attrSet('data-kind', s.kind);
  t.attrSet('data-source', s.source);
  t.attrSet('data-line', String(s.line));
  const label = s.kind === 'neutral' ? '' : KIND_LABEL[s.kind];
  t.attrSet('title', s.cue ? `${label} — ${s.cue}` : label);
  t.meta = { line: s.line, first };
  return t;
}
