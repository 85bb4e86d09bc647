// A line-level block scanner: headings, prose blocks, code, math and front matter, with exact
// offsets. It reads each line once and never builds tokens, which keeps indexing faster than a full
// Markdown parse; it follows CommonMark where papers and sentences depend on it (ATX and setext
// headings, fences, quotes, list items, indented code) and approximates the rest.

import type { Heading } from './model';
import { buildLineTable, type LineTable } from './lines';
import { plainText } from './inline';
import { isThematicBreakAt } from './thematicBreak';

export type BlockKind = 'paragraph' | 'list-item' | 'quote' | 'table' | 'code' | 'math' | 'html';

export interface Block {
  kind: BlockKind;
  /** 0-based index of the first and last line (inclusive). */
  firstLine: number;
  lastLine: number;
  /** For list items: column where the item's content starts; -1 otherwise. */
  contentIndent: number;
  /** For list items: column of the marker. */
  markerIndent: number;
  /** For list continuation paragraphs: true. */
  continuation: boolean;
}

export interface FrontMatterBlock {
  /** 0-based first and last line (the `---` lines). */
  firstLine: number;
  lastLine: number;
  /** The YAML between the fences. */
  yaml: string;
}

export interface ScannedHeading extends Heading {
  /** 0-based line index of the heading's first line. */
  lineIndex: number;
  /** 0-based line index of the heading's last line (the underline of a setext heading). */
  lastLineIndex: number;
}

export interface ScanResult {
  readonly lines: LineTable;
  readonly headings: ScannedHeading[];
  readonly blocks: Block[];
  readonly frontMatter?: FrontMatterBlock;
  /** Offset where content starts (1 when the text begins with a BOM). */
  readonly contentStart: number;
}

// Every pattern below is linear: no two quantifiers compete for the same blanks (a quadratic
// backtrack on long runs of blanks would hang on hostile files).
const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})([^]*)$/;
// List items, /^( *)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)/, are matched by hand (see listItemAt).
/** Tested on the trimmed line. */
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const HTML_START = /^ {0,3}<(?:!--|\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$))/;

function isBlank(s: string): boolean {
  return isBlankAt(s, 0, s.length);
}

/** Whether text[from, to) is only spaces and tabs. */
function isBlankAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The character of the line text[from, to) after up to `max` leading spaces (NaN past its end):
 *  a cheap test before a regex. */
function afterSpaces(text: string, from: number, to: number, max: number): number {
  let k = from;
  while (k - from < max && k < to && text.charCodeAt(k) === 32) k++;
  return k < to ? text.charCodeAt(k) : NaN;
}

/** FENCE matched on the line text[from, to), which it can match only where a ` or ~ follows the
 *  leading spaces, tabs and `>` markers. */
function fenceAt(text: string, from: number, to: number): RegExpExecArray | null {
  let k = from;
  let c = k < to ? text.charCodeAt(k) : NaN;
  while (c === 32 || c === 9 || c === 62) c = ++k < to ? text.charCodeAt(k) : NaN;
  return c === 96 || c === 126 ? FENCE.exec(text.slice(from, to)) : null;
}

/** What `listItemAt` found. */
const listItem = { markerIndent: 0, markerLength: 0, spaces: 0, numbered: false, one: false };

/** Whether a list item starts the line text[from, to), as /^( *)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)/
 *  would match it (matched by hand: this runs for most lines). Its parts are left in `listItem`:
 *  the marker's column and length, the blanks after it (1 when the line ends there), whether it
 *  is numbered and whether its number is 1. */
function listItemAt(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && text.charCodeAt(k) === 32) k++;
  const markerStart = k;
  const c = k < to ? text.charCodeAt(k) : NaN;
  let numbered = false;
  if (c === 45 || c === 42 || c === 43) k++; // - * +
  else {
    while (k < to && isDigit(text.charCodeAt(k))) k++;
    const digits = k - markerStart;
    const d = k < to ? text.charCodeAt(k) : NaN;
    if (digits === 0 || digits > 9 || (d !== 46 && d !== 41)) return false; // 1-9 digits, then . or )
    numbered = true;
    listItem.one = digits === 1 && text.charCodeAt(markerStart) === 49;
    k++;
  }
  const markerEnd = k;
  while (k < to && isBlankChar(text.charCodeAt(k))) k++;
  if (k === markerEnd && markerEnd < to) return false; // neither blanks nor the line's end after the marker
  listItem.markerIndent = markerStart - from;
  listItem.markerLength = markerEnd - markerStart;
  listItem.spaces = k === markerEnd ? 1 : k - markerEnd;
  listItem.numbered = numbered;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9;
}

/** An ATX heading line's level and content (the closing `#` run and surrounding blanks removed).
 *  Scanned by hand: a single regular expression for this backtracks quadratically on long runs of
 *  blanks inside the line. */
function atxHeading(s: string): { level: number; raw: string } | undefined {
  const m = ATX_OPEN.exec(s);
  if (!m) return undefined;
  let from = m[0].length;
  while (from < s.length && isBlankChar(s.charCodeAt(from))) from++;
  let end = s.length;
  while (end > from && isBlankChar(s.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > from && s.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && hashes > from && isBlankChar(s.charCodeAt(hashes - 1))) {
    end = hashes;
    while (end > from && isBlankChar(s.charCodeAt(end - 1))) end--;
  } else if (hashes === from && from > m[0].length) {
    end = from; // only a closing sequence: "## ##" is an empty heading
  }
  return { level: m[1].length, raw: s.slice(from, end) };
}

/** The column where the line text[from, to) starts (tabs to multiples of 4). */
function indentAt(text: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}

export function scanBlocks(text: string): ScanResult {
  const lines = buildLineTable(text);
  const { starts, ends, count } = lines;
  const contentStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headings: ScannedHeading[] = [];
  const blocks: Block[] = [];
  const lineText = (i: number) => text.slice(i === 0 ? contentStart : starts[i], ends[i]);

  let i = 0;
  let frontMatter: FrontMatterBlock | undefined;
  if (count > 1 && lineText(0).trimEnd() === '---') {
    for (let j = 1; j < count; j++) {
      const t = lineText(j).trimEnd();
      if (t === '---' || t === '...') {
        frontMatter = { firstLine: 0, lastLine: j, yaml: text.slice(starts[1], j > 1 ? ends[j - 1] : starts[1]) };
        i = j + 1;
        break;
      }
    }
  }

  let open: Block | undefined; // the block that lazy lines may continue
  let lastList: Block | undefined; // the latest list item, for continuation paragraphs
  let fence: { char: string; len: number } | undefined;
  let fenceBlock: Block | undefined;
  let math: Block | undefined;
  let indentedCode: Block | undefined;

  const close = () => { open = undefined; };
  const start = (kind: BlockKind, line: number, contentIndent = -1, markerIndent = -1, continuation = false): Block => {
    const b: Block = { kind, firstLine: line, lastLine: line, contentIndent, markerIndent, continuation };
    blocks.push(b);
    return b;
  };

  // The next `$$` and `|` at or after the current line's start (-2: not searched yet, -1: none
  // left), so that the lines are searched for them in one pass over the text, not one per line.
  let nextDollars = -2;
  let nextPipe = -2;
  const has = (at: number, next: number, what: string): number =>
    next === -1 || (next >= at && next !== -2) ? next : text.indexOf(what, at);

  // Each line is read in place (text[ls, le)); it is sliced only for the rare tests that need its string.
  for (; i < count; i++) {
    const ls = i === 0 ? contentStart : starts[i];
    const le = ends[i];

    if (fence) {
      fenceBlock!.lastLine = i;
      const m = fenceAt(text, ls, le);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && isBlank(m[2])) fence = undefined;
      continue;
    }
    if (math) {
      math.lastLine = i;
      if (lineText(i).trim().endsWith('$$')) math = undefined;
      continue;
    }

    if (isBlankAt(text, ls, le)) {
      close();
      continue;
    }

    const indent = indentAt(text, ls, le);
    const codeBefore = indentedCode;
    indentedCode = undefined;

    // Inside a list item: deeper-indented lines after a blank line continue the item.
    if (!open && lastList && indent >= lastList.contentIndent && lastList.contentIndent > 0) {
      const fm = fenceAt(text, ls, le);
      if (fm) {
        fence = { char: fm[1][0], len: fm[1].length };
        fenceBlock = start('code', i);
        continue;
      }
      if (!listItemAt(text, ls, le)) {
        open = start('paragraph', i, lastList.contentIndent, lastList.markerIndent, true);
        continue;
      }
    }

    if (indent >= 4 && !open && !lastList) {
      // Indented code; blank lines between indented lines stay inside it.
      indentedCode = codeBefore ?? start('code', i);
      indentedCode.lastLine = i;
      continue;
    }

    const fm = fenceAt(text, ls, le);
    if (fm && (fm[1][0] !== '`' || fm[2].indexOf('`') < 0)) {
      close();
      fence = { char: fm[1][0], len: fm[1].length };
      fenceBlock = start('code', i);
      continue;
    }

    nextDollars = has(ls, nextDollars, '$$');
    const trimmed = nextDollars >= 0 && nextDollars + 2 <= le ? lineText(i).trim() : '';
    if (trimmed.startsWith('$$') && (trimmed === '$$' || !trimmed.slice(2).trimEnd().endsWith('$$'))) {
      close();
      math = start('math', i);
      continue;
    }
    if (trimmed.startsWith('$$') && trimmed.length > 4 && trimmed.endsWith('$$') && !open) {
      start('math', i);
      continue;
    }

    const first = afterSpaces(text, ls, le, 3);
    const atx = indent < 4 && first === 35 /* # */ ? atxHeading(lineText(i)) : undefined;
    if (atx) {
      close();
      lastList = undefined;
      headings.push(makeHeading(lines, i, i, atx.level, atx.raw, false, contentStart));
      continue;
    }

    // SETEXT needs = or - after at most 3 spaces.
    if (open && open.kind === 'paragraph' && !open.continuation && (first === 61 || first === 45) && SETEXT.test(lineText(i))) {
      const raw = rawLines(text, lines, open.firstLine, open.lastLine, contentStart);
      blocks.pop();
      headings.push(makeHeading(lines, open.firstLine, i, first === 61 ? 1 : 2, raw, true, contentStart));
      close();
      continue;
    }

    if ((first === 45 || first === 42 || first === 95) && isThematicBreakAt(text, ls, le)) {
      close();
      lastList = undefined;
      continue;
    }

    if (indent < 4 && ls + indent < le && text.charCodeAt(ls + indent) === 62 /* > */) {
      if (open?.kind === 'quote') { open.lastLine = i; continue; }
      lastList = undefined;
      open = start('quote', i);
      continue;
    }

    if (listItemAt(text, ls, le)) {
      const { markerIndent, markerLength, spaces } = listItem;
      const contentIndent = markerIndent + markerLength + (spaces > 4 ? 1 : spaces);
      // A numbered line cannot interrupt a paragraph unless it starts at 1 (CommonMark).
      if (!(open?.kind === 'paragraph' && listItem.numbered && !listItem.one)) {
        close();
        open = lastList = start('list-item', i, contentIndent, markerIndent);
        continue;
      }
    }

    if (open && (open.kind === 'paragraph' || open.kind === 'table')) nextPipe = has(ls, nextPipe, '|');
    const pipe = nextPipe >= ls && nextPipe < le;
    if (open && open.kind === 'paragraph' && open.firstLine === open.lastLine && pipe && TABLE_DELIMITER.test(lineText(i).trim())) {
      open.kind = 'table';
      open.lastLine = i;
      continue;
    }
    if (open?.kind === 'table') {
      if (pipe) { open.lastLine = i; continue; }
      close();
    }

    if (!open && first === 60 /* < */ && HTML_START.test(lineText(i))) {
      lastList = undefined;
      open = start('html', i);
      continue;
    }

    if (open && open.kind !== 'code') {
      open.lastLine = i; // lazy continuation
      continue;
    }
    if (lastList && indent < lastList.markerIndent + 1) lastList = undefined;
    open = start('paragraph', i);
  }

  return { lines, headings, blocks, frontMatter, contentStart };
}

function rawLines(text: string, lines: LineTable, first: number, last: number, contentStart: number): string {
  const parts: string[] = [];
  for (let j = first; j <= last; j++) parts.push(text.slice(j === 0 ? contentStart : lines.starts[j], lines.ends[j]).trim());
  return parts.join(' ');
}

function makeHeading(
  lines: LineTable, first: number, last: number, level: number, raw: string, setext: boolean, contentStart: number,
): ScannedHeading {
  const r = raw.trim();
  return {
    level,
    raw: r,
    text: plainText(r),
    line: first + 1,
    start: first === 0 ? contentStart : lines.starts[first],
    end: lines.ends[last],
    setext,
    lineIndex: first,
    lastLineIndex: last,
  };
}
