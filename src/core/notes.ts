// Structured notes: Obsidian callouts (`> [!weakness] Title`, fold markers `+`/`-`) and GitHub
// alerts (`> [!WARNING]`). parseNotes finds them with exact offsets, in quotes, list items and other
// callouts but never in fenced code; formatNote writes a note in canonical form; serializeNote writes
// a parsed note back from its parts and the spacing it was written with, byte for byte.
//
// A note's body is its content without the note's own `>` markers; its quote is the first nested
// plain quote (`> > …`) at the top of that content. Nested callouts stay in the body (as `> [!idea]`
// lines) and are reported as notes of their own, one level deeper.

import type { CritiqueKind, Note } from './model';
import { isThematicBreak } from './thematicBreak';

/** What a note says, as a caller writes it. */
export interface NoteSpec {
  /** The kind as written between `[!` and `]` (`weakness`, `WARNING`, `custom`). */
  kind: string;
  title: string;
  /** Body lines joined with '\n'; '' for none. */
  body: string;
  /** The quoted sentence (`> > …` lines joined with '\n'); undefined for none. */
  quote?: string;
  fold?: '' | '+' | '-';
}

/** One source line of a parsed note. */
export interface NoteLineLayout {
  readonly role: 'head' | 'body' | 'quote';
  /** Text before the line's content: container indent, the note's `>` and the space after it
   *  (from the note's start on the first line; no `>` on a lazy continuation line). */
  readonly prefix: string;
  /** Quote lines: the nested `>` and its space as written ('' on a lazy line). */
  readonly quotePrefix: string;
  /** Line ending after the line ('' after the last one). */
  readonly eol: string;
}

/** How a parsed note was spaced: enough to write it back exactly. */
export interface NoteLayout {
  readonly lines: readonly NoteLineLayout[];
  /** Spaces between the head line's `> ` and `[!`. */
  readonly headLead: string;
  /** Whitespace between `]` (or the fold marker) and the title, and after the title. */
  readonly titleGap: string;
  readonly titleTrail: string;
  /** The container prefix new lines of the note start with ('  ' in a list item, '> ' when nested):
   *  `formatNote(spec, eol, indent)` reproduces a canonically spaced note. */
  readonly indent: string;
}

/** A note as parsed from text, with its layout. */
export interface ParsedNote extends Note {
  readonly layout: NoteLayout;
}

// ---- kinds -------------------------------------------------------------------------------------

const KIND_NAMES = new Map<string, CritiqueKind>([
  ['strength', 'strength'], ['strengths', 'strength'], ['tip', 'strength'], ['hint', 'strength'],
  ['weakness', 'weakness'], ['weaknesses', 'weakness'], ['warning', 'weakness'], ['caution', 'weakness'],
  ['attention', 'weakness'],
  ['question', 'question'], ['questions', 'question'], ['important', 'question'], ['help', 'question'],
  ['faq', 'question'],
  ['idea', 'idea'], ['ideas', 'idea'],
  ['note', 'note'], ['notes', 'note'],
]);

/** The critique kind of a callout type, case-insensitive: the five kinds (and plurals), GitHub alerts
 *  (TIP → strength, WARNING/CAUTION → weakness, IMPORTANT → question, NOTE → note) and a few Obsidian
 *  aliases (hint, attention, help, faq). Anything else is a 'note'. */
export function noteKindOf(raw: string): CritiqueKind {
  return KIND_NAMES.get(raw.trim().toLowerCase()) ?? 'note';
}

// ---- writing -----------------------------------------------------------------------------------

/** A note's lines in canonical form (`> [!kind]fold Title`, body lines, then `> > quote` lines),
 *  each line prefixed by indent, joined with eol, with no trailing line ending. */
export function formatNote(spec: NoteSpec, eol: '\n' | '\r\n' | '\r' = '\n', indent = ''): string {
  const lines = [indent + '> ' + headText(cleanKind(spec.kind), spec.fold ?? '', cleanTitle(spec.title))];
  for (const line of splitText(spec.body, false)) lines.push(bodyLine(indent, line));
  for (const line of splitText(spec.quote, true)) lines.push(quoteLine(indent, line));
  return lines.join(eol);
}

/** A parsed note written back from its parts (rawKind, fold, title, body, quote) and its layout:
 *  exactly `text.slice(note.start, note.end)` when the parts are unchanged. Body or quote lines added
 *  by an edit get the note's indent and canonical markers; a note without layout is formatted. */
export function serializeNote(note: Note & { readonly layout?: NoteLayout }): string {
  const { layout } = note;
  if (!layout) {
    return formatNote({ kind: note.rawKind, title: note.title, body: note.body, quote: note.quote, fold: note.fold });
  }
  const bodySlots = layout.lines.filter((l) => l.role === 'body').length;
  const quoteSlots = layout.lines.length - 1 - bodySlots;
  const body = splitText(note.body, bodySlots > 0);
  const quote = splitText(note.quote, true);
  const lastBody = layout.lines.map((l) => l.role).lastIndexOf('body');
  const lastQuote = layout.lines.map((l) => l.role).lastIndexOf('quote');
  const out: { text: string; eol: string }[] = [];
  let b = 0;
  let q = 0;
  layout.lines.forEach((l, i) => {
    if (l.role === 'head') {
      const head = layout.headLead + '[!' + note.rawKind + ']' + note.fold + layout.titleGap + note.title + layout.titleTrail;
      out.push({ text: l.prefix + head, eol: l.eol });
    } else if (l.role === 'body') {
      if (b < body.length) out.push({ text: l.prefix + body[b++], eol: l.eol });
      if (i === lastBody) while (b < body.length) out.push({ text: bodyLine(layout.indent, body[b++]), eol: '' });
    } else {
      if (q < quote.length) out.push({ text: l.prefix + l.quotePrefix + quote[q++], eol: l.eol });
      if (i === lastQuote) while (q < quote.length) out.push({ text: quoteLine(layout.indent, quote[q++]), eol: '' });
    }
  });
  if (bodySlots === 0) out.splice(1, 0, ...body.map((s) => ({ text: bodyLine(layout.indent, s), eol: '' })));
  if (quoteSlots === 0) out.push(...quote.map((s) => ({ text: quoteLine(layout.indent, s), eol: '' })));
  const fallback = layout.lines.find((l) => l.eol !== '')?.eol ?? '\n';
  return out.map((o, i) => (i === out.length - 1 ? o.text : o.text + (o.eol || fallback))).join('');
}

function headText(kind: string, fold: string, title: string): string {
  return '[!' + kind + ']' + fold + (title === '' ? '' : ' ' + title);
}

function bodyLine(indent: string, line: string): string {
  return line === '' ? indent + '>' : indent + '> ' + line;
}

function quoteLine(indent: string, line: string): string {
  return line === '' ? indent + '> >' : indent + '> > ' + line;
}

/** Lines of a body or quote. '' is no line for a body, one empty line for a quote. */
function splitText(s: string | undefined, emptyIsLine: boolean): string[] {
  if (s === undefined || (s === '' && !emptyIsLine)) return [];
  return s.split(/\r\n|\r|\n/);
}

function cleanKind(kind: string): string {
  return kind.replace(/[\s\]]+/g, '') || 'note';
}

function cleanTitle(title: string): string {
  return trimBlanks(title.split(/[\r\n]+/).map(trimBlanks).join(' '));
}

/** Blanks (spaces, tabs) at the end of s, found by a loop: `/[ \t]+$/` is quadratic in long runs. */
function trailingBlanks(s: string): number {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  return s.length - e;
}

function trimBlanks(s: string): string {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return s.slice(i, s.length - trailingBlanks(s));
}

// ---- parsing -----------------------------------------------------------------------------------

const HEAD = /^( {0,3})\[!([^\]\s]+)\]([+-]?)(.*)$/;

/** Every callout in the text, in document order (a note before the notes nested in it).
 *  paper is -1 (the indexer fills it); depth is 1 for a callout not inside another callout. */
export function parseNotes(text: string): ParsedNote[] {
  // Every callout head holds "[!": most documents have none and need no scan.
  if (text.indexOf('[!') < 0) return [];
  const doc = sourceOf(text);
  const notes: ParsedNote[] = [];
  collectNotes(doc, scanContainer(doc, documentViews(doc), true), 0, notes);
  return notes;
}

/** Quotes nested deeper than this are not searched for callouts: each level rescans its lines, and
 *  a hostile file of 30,000 `>` would otherwise cost quadratic time and overflow the stack. */
export const MAX_QUOTE_NESTING = 32;

function collectNotes(doc: Source, blocks: readonly LineBlock[], depth: number, out: ParsedNote[], nesting = 1): void {
  for (const block of blocks) {
    if (!block.quote) continue;
    const inner = scanContainer(doc, block.quote.inner, false);
    const head = calloutHead(doc, block.quote);
    if (head) out.push(buildNote(doc, block.quote, inner, head, depth + 1));
    if (nesting < MAX_QUOTE_NESTING) collectNotes(doc, inner, head ? depth + 1 : depth, out, nesting + 1);
  }
}

function calloutHead(doc: Source, quote: QuoteLines): RegExpExecArray | null {
  return HEAD.exec(contentOf(doc, quote.inner[0]));
}

function buildNote(doc: Source, q: QuoteLines, inner: readonly LineBlock[], head: RegExpExecArray, depth: number): ParsedNote {
  const { text, lines } = doc;
  const n = q.inner.length;
  const firstLine = q.inner[0].line;
  const lastLine = q.inner[n - 1].line;
  const lineStart = lineFrom(doc, firstLine);
  const before = text.slice(lineStart, q.markers[0]);
  const atLineStart = /^[ \t>]*$/.test(before);
  const start = atLineStart ? lineStart : q.markers[0];
  const quoteBlock = inner.find((b) => b.quote && b.listCol === 0 && !b.listItem && !calloutHead(doc, b.quote));

  const layoutLines: NoteLineLayout[] = [];
  const body: string[] = [];
  const quote: string[] = [];
  for (let k = 0; k < n; k++) {
    const v = q.inner[k];
    const prefix = text.slice(k === 0 ? start : lineFrom(doc, v.line), v.from);
    const eol = k < n - 1 ? lines[v.line].eol : '';
    const end = lines[v.line].end;
    if (k === 0) {
      layoutLines.push({ role: 'head', prefix, quotePrefix: '', eol });
    } else if (quoteBlock?.quote && k >= quoteBlock.first && k <= quoteBlock.last) {
      const from = quoteBlock.quote.inner[k - quoteBlock.first].from;
      layoutLines.push({ role: 'quote', prefix, quotePrefix: text.slice(v.from, from), eol });
      quote.push(text.slice(from, end));
    } else {
      layoutLines.push({ role: 'body', prefix, quotePrefix: '', eol });
      body.push(text.slice(v.from, end));
    }
  }

  const rest = head[4];
  const titleGap = /^[ \t]*/.exec(rest)![0];
  const afterGap = rest.slice(titleGap.length);
  const titleTrail = afterGap.slice(afterGap.length - trailingBlanks(afterGap));
  const secondMarker = n > 1 ? q.markers[1] : -1;
  const indent = atLineStart ? before
    : secondMarker >= 0 ? text.slice(lineFrom(doc, q.inner[1].line), secondMarker)
      : before.replace(/[^\t>]/g, ' ');
  return {
    kind: noteKindOf(head[2]),
    rawKind: head[2],
    fold: head[3] as '' | '+' | '-',
    title: afterGap.slice(0, afterGap.length - titleTrail.length),
    body: body.join('\n'),
    quote: quoteBlock ? quote.join('\n') : undefined,
    start,
    end: lines[lastLine].end,
    line: firstLine + 1,
    endLine: lastLine + 1,
    paper: -1,
    depth,
    layout: { lines: layoutLines, headLead: head[1], titleGap, titleTrail, indent },
  };
}

// ---- source lines ------------------------------------------------------------------------------

/** One line of a text: [start, end) is its content, eol the line break after it ('' at the end). */
export interface SourceLine {
  readonly start: number;
  readonly end: number;
  readonly eol: '' | '\n' | '\r\n' | '\r';
}

/** A text cut into lines at \n, \r\n and lone \r. A final line break opens no empty last line. */
export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    lines.push({ start, end: i, eol: crlf ? '\r\n' : c === 10 ? '\n' : '\r' });
    if (crlf) i++;
    start = i + 1;
  }
  if (start < text.length) lines.push({ start, end: text.length, eol: '' });
  return lines;
}

interface Source {
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** 1 when the text starts with a BOM. */
  readonly bom: number;
}

/** Where a container's line starts: its line and the offset its content starts at. */
interface View {
  readonly line: number;
  readonly from: number;
}

function sourceOf(text: string): Source {
  return { text, lines: sourceLines(text), bom: text.charCodeAt(0) === 0xfeff ? 1 : 0 };
}

function lineFrom(doc: Source, line: number): number {
  return line === 0 ? doc.bom : doc.lines[line].start;
}

function documentViews(doc: Source): View[] {
  return doc.lines.map((_, i) => ({ line: i, from: lineFrom(doc, i) }));
}

function contentOf(doc: Source, v: View): string {
  return doc.text.slice(v.from, doc.lines[v.line].end);
}

// ---- container scanning ------------------------------------------------------------------------
// A line-level block scan of one container (the document, or a quote's content): enough CommonMark
// to find quotes (and callouts) and to know where blocks end: fences, list items, paragraphs with
// lazy continuation, headings, thematic breaks, indented code, front matter.

export type LineBlockType = 'blank' | 'text' | 'heading' | 'break' | 'fence' | 'code' | 'quote' | 'front-matter';

/** A quote's lines: where each `>` stands (-1 on a lazy line) and where its content starts. */
export interface QuoteLines {
  readonly markers: readonly number[];
  readonly inner: readonly View[];
}

export interface LineBlock {
  type: LineBlockType;
  /** Indexes of its first and last line in the container (document: line indexes). */
  readonly first: number;
  last: number;
  /** Column of its first line's first non-blank character. */
  readonly indent: number;
  /** Content column of the list item it stands in; 0 outside lists. */
  readonly listCol: number;
  /** Content columns of the list items open at its first line. */
  readonly openCols: readonly number[];
  /** It starts with a list marker. */
  readonly listItem: boolean;
  readonly quote?: QuoteLines;
  /** A fence that is never closed (it runs to the end of its container). */
  unclosed?: boolean;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const FENCE = /^(?:`{3,}[^`]*|~{3,}.*)$/;
const FENCE_CLOSE = /^(?:`{3,}|~{3,})[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const MAX_LIST_MARKERS_PER_LINE = 100;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** The blocks of the whole document, with its lines (block first/last are line indexes). */
export function scanDocument(text: string): { lines: readonly SourceLine[]; blocks: LineBlock[]; bom: number } {
  const doc = sourceOf(text);
  return { lines: doc.lines, blocks: scanContainer(doc, documentViews(doc), true), bom: doc.bom };
}

function scanContainer(doc: Source, views: readonly View[], top: boolean): LineBlock[] {
  const blocks: LineBlock[] = [];
  let cols: number[] = [];
  let para: LineBlock | undefined;
  let k = top ? frontMatter(doc, views, blocks) : 0;
  for (; k < views.length; k++) {
    const s = contentOf(doc, views[k]);
    const ind = leading(s);
    const rest = s.slice(ind.chars);
    if (rest === '') {
      blocks.push(block('blank', k, ind.cols, 0, cols, false));
      para = undefined;
      continue;
    }
    if (para) {
      const rel = ind.cols - deepest(cols, ind.cols);
      if (rel <= 3 && ind.cols >= para.listCol && SETEXT.test(rest)) {
        para.last = k;
        para.type = 'heading';
        para = undefined;
        continue;
      }
      if (rel >= 4 || !startsBlock(rest)) {
        para.last = k;
        continue;
      }
      para = undefined;
    }
    if (cols.some((c) => c > ind.cols)) cols = cols.filter((c) => c <= ind.cols);
    let base = deepest(cols, ind.cols);
    if (ind.cols - base >= 4) {
      const prev = blocks[blocks.length - 1];
      if (prev?.type === 'code' && prev.last === k - 1) prev.last = k;
      else blocks.push(block('code', k, ind.cols, base, cols, false));
      continue;
    }
    const item = listMarkers(s, ind.chars, ind.cols, cols);
    if (item.listItem) base = cols[cols.length - 1];
    const content = s.slice(item.pos);
    const add = (type: LineBlockType, last = k, quote?: QuoteLines): LineBlock => {
      const b = block(type, k, ind.cols, base, cols, item.listItem, quote);
      b.last = last;
      blocks.push(b);
      return b;
    };
    if (content.trim() === '') add('text');
    else if (content[0] === '>') {
      const q = collectQuote(doc, views, k, views[k].from + item.pos, base);
      add('quote', k + q.markers.length - 1, q);
      k += q.markers.length - 1;
    } else if (FENCE.test(content)) {
      const end = fenceEnd(doc, views, k, /^(`+|~+)/.exec(content)![1], base);
      add('fence', end.last).unclosed = !end.closed;
      k = end.last;
    } else if (ATX.test(content)) add('heading');
    else if (isThematicBreak(content, 0)) add('break');
    else para = add('text');
  }
  return blocks;
}

function block(type: LineBlockType, k: number, indent: number, listCol: number, cols: readonly number[],
  listItem: boolean, quote?: QuoteLines): LineBlock {
  return { type, first: k, last: k, indent, listCol, openCols: cols.slice(), listItem, quote };
}

/** Front matter at the top of the document: pushes its block and returns the next line index. */
function frontMatter(doc: Source, views: readonly View[], blocks: LineBlock[]): number {
  if (views.length === 0 || !FRONT_MATTER_OPEN.test(contentOf(doc, views[0]))) return 0;
  for (let j = 1; j < views.length; j++) {
    if (FRONT_MATTER_CLOSE.test(contentOf(doc, views[j]))) {
      const b = block('front-matter', 0, 0, 0, [], false);
      b.last = j;
      blocks.push(b);
      return j + 1;
    }
  }
  return 0;
}

/** Skips the list markers at the start of a line (`- `, `1. `, nested `- - `), opening their items. */
function listMarkers(s: string, pos: number, col: number, cols: number[]): { pos: number; listItem: boolean } {
  let listItem = false;
  // Each marker tests the rest of the line: a hostile line of a million `- ` stops at the cap (the
  // depth markdown-it renders, its maxNesting) instead of costing quadratic time.
  for (let k = 0; k < MAX_LIST_MARKERS_PER_LINE; k++) {
    const rest = s.slice(pos);
    const m = isThematicBreak(rest, 0) ? null : LIST_MARKER.exec(rest);
    if (!m) return { pos, listItem };
    const after = rest.slice(m[0].length);
    const sp = leading(after);
    const empty = sp.chars === after.length;
    const wide = !empty && sp.cols > 4;
    col += m[0].length + (empty || wide ? 1 : sp.cols);
    pos += m[0].length + (empty ? sp.chars : wide ? 1 : sp.chars);
    cols.push(col);
    listItem = true;
    if (empty) return { pos, listItem };
  }
  return { pos, listItem };
}

/** Whether a line (without its indentation) starts a block that interrupts a paragraph. */
function startsBlock(rest: string): boolean {
  if (rest[0] === '>' || FENCE.test(rest) || ATX.test(rest) || isThematicBreak(rest, 0)) return true;
  const m = LIST_MARKER.exec(rest);
  return !!m && rest.slice(m[0].length).trim() !== '' && (m[1] === undefined || Number(m[1]) === 1);
}

/** The last line of a fenced block opened at view k: its closing fence, the end of its list item,
 *  or the end of the container (then it is not closed). */
function fenceEnd(doc: Source, views: readonly View[], k: number, open: string, base: number): { last: number; closed: boolean } {
  for (let j = k + 1; j < views.length; j++) {
    const s = contentOf(doc, views[j]);
    const ind = leading(s);
    const rest = s.slice(ind.chars);
    if (rest !== '' && ind.cols < base) return { last: j - 1, closed: true };
    if (ind.cols - base <= 3 && rest.startsWith(open) && FENCE_CLOSE.test(rest)) return { last: j, closed: true };
  }
  return { last: views.length - 1, closed: false };
}

/** The lines of a quote whose first `>` stands at offset marker: `>` lines indented like the first
 *  one, and lazy lines continuing its innermost paragraph. */
function collectQuote(doc: Source, views: readonly View[], k: number, marker: number, base: number): QuoteLines {
  const markers: number[] = [];
  const inner: View[] = [];
  let para = false;
  let fence = '';
  for (let j = k; j < views.length; j++) {
    const v = views[j];
    let at = marker;
    let from = -1;
    if (j > k) {
      const s = contentOf(doc, v);
      const ind = leading(s);
      const rest = s.slice(ind.chars);
      if (rest === '') break;
      if (rest[0] === '>' && ind.cols >= base && ind.cols - base <= 3) at = v.from + ind.chars;
      else if (para && (ind.cols - base >= 4 || !startsBlock(rest))) at = -1;
      else break;
      from = v.from + ind.chars;
    }
    if (at >= 0) from = at + 1 + (doc.text.charCodeAt(at + 1) === 32 ? 1 : 0);
    markers.push(at);
    inner.push({ line: v.line, from });
    if (at >= 0) [para, fence] = innermost(doc.text.slice(from, doc.lines[v.line].end), para, fence);
  }
  return { markers, inner };
}

/** Whether a quote line's innermost content leaves a paragraph open (so a lazy line may follow),
 *  and the fence open there. Approximate: enough to end quotes where CommonMark does in practice. */
function innermost(s: string, para: boolean, fence: string): [boolean, string] {
  let r = s;
  for (let l = leading(r); l.cols <= 3 && r[l.chars] === '>'; l = leading(r)) {
    r = r.slice(l.chars + 1);
    if (r[0] === ' ') r = r.slice(1);
  }
  const l = leading(r);
  const t = r.slice(l.chars);
  if (fence) return [false, t.startsWith(fence) && FENCE_CLOSE.test(t) ? '' : fence];
  if (t === '') return [false, ''];
  if (l.cols >= 4) return [para, ''];
  if (FENCE.test(t)) return [false, /^(`+|~+)/.exec(t)![1]];
  return [!ATX.test(t) && !isThematicBreak(t, 0), ''];
}

/** Width in columns (tabs to multiples of 4) and length of a line's leading whitespace. */
function leading(s: string): { cols: number; chars: number } {
  let cols = 0;
  let i = 0;
  for (; i < s.length; i++) {
    if (s[i] === ' ') cols++;
    else if (s[i] === '\t') cols += 4 - (cols % 4);
    else break;
  }
  return { cols, chars: i };
}

/** The deepest open list column not beyond col (0 when none). */
function deepest(cols: readonly number[], col: number): number {
  let best = 0;
  for (const c of cols) if (c <= col && c > best) best = c;
  return best;
}
