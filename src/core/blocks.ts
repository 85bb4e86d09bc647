// A line-level block scanner: headings, prose blocks, code, math and front matter, with exact
// offsets. It reads each line once and never builds tokens, which keeps indexing faster than a full
// Markdown parse; it follows CommonMark where papers and sentences depend on it (ATX and setext
// headings, fences, quotes, list items, indented code) and approximates the rest.

import type { Heading } from './model';
import { buildLineTable, type LineTable } from './lines';
import { plainText } from './inline';
import { isThematicBreak } from './thematicBreak';

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
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)/;
/** Tested on the trimmed line. */
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const HTML_START = /^ {0,3}<(?:!--|\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$))/;

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The character after up to `max` leading spaces (NaN past the end): a cheap test before a regex. */
function afterSpaces(s: string, max: number): number {
  let k = 0;
  while (k < max && s.charCodeAt(k) === 32) k++;
  return s.charCodeAt(k);
}

/** FENCE can match only where a ` or ~ follows the leading spaces, tabs and `>` markers. */
function fenceAt(s: string): RegExpExecArray | null {
  let k = 0;
  let c = s.charCodeAt(0);
  while (c === 32 || c === 9 || c === 62) c = s.charCodeAt(++k);
  return c === 96 || c === 126 ? FENCE.exec(s) : null;
}

/** - * + or a digit: what LIST_ITEM needs after the leading spaces. */
function isListMarker(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
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

function indentOf(s: string): number {
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
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

  for (; i < count; i++) {
    const s = lineText(i);

    if (fence) {
      fenceBlock!.lastLine = i;
      const m = fenceAt(s);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && isBlank(m[2])) fence = undefined;
      continue;
    }
    if (math) {
      math.lastLine = i;
      if (s.trim().endsWith('$$')) math = undefined;
      continue;
    }

    if (isBlank(s)) {
      close();
      continue;
    }

    const indent = indentOf(s);
    const codeBefore = indentedCode;
    indentedCode = undefined;

    // Inside a list item: deeper-indented lines after a blank line continue the item.
    if (!open && lastList && indent >= lastList.contentIndent && lastList.contentIndent > 0) {
      const fm = fenceAt(s);
      if (fm) {
        fence = { char: fm[1][0], len: fm[1].length };
        fenceBlock = start('code', i);
        continue;
      }
      if (!isListMarker(afterSpaces(s, Infinity)) || !LIST_ITEM.test(s)) {
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

    const fm = fenceAt(s);
    if (fm && (fm[1][0] !== '`' || fm[2].indexOf('`') < 0)) {
      close();
      fence = { char: fm[1][0], len: fm[1].length };
      fenceBlock = start('code', i);
      continue;
    }

    const trimmed = s.indexOf('$$') >= 0 ? s.trim() : '';
    if (trimmed.startsWith('$$') && (trimmed === '$$' || !trimmed.slice(2).trimEnd().endsWith('$$'))) {
      close();
      math = start('math', i);
      continue;
    }
    if (trimmed.startsWith('$$') && trimmed.length > 4 && trimmed.endsWith('$$') && !open) {
      start('math', i);
      continue;
    }

    const first = afterSpaces(s, 3);
    const atx = indent < 4 && first === 35 /* # */ ? atxHeading(s) : undefined;
    if (atx) {
      close();
      lastList = undefined;
      headings.push(makeHeading(lines, i, i, atx.level, atx.raw, false, contentStart));
      continue;
    }

    if (open && open.kind === 'paragraph' && !open.continuation && SETEXT.test(s)) {
      const raw = rawLines(text, lines, open.firstLine, open.lastLine, contentStart);
      blocks.pop();
      headings.push(makeHeading(lines, open.firstLine, i, s.trim()[0] === '=' ? 1 : 2, raw, true, contentStart));
      close();
      continue;
    }

    if ((first === 45 || first === 42 || first === 95) && isThematicBreak(s)) {
      close();
      lastList = undefined;
      continue;
    }

    if (indent < 4 && s.charCodeAt(indent) === 62 /* > */) {
      if (open?.kind === 'quote') { open.lastLine = i; continue; }
      lastList = undefined;
      open = start('quote', i);
      continue;
    }

    const li = isListMarker(afterSpaces(s, Infinity)) ? LIST_ITEM.exec(s) : null;
    if (li && (li[3] !== undefined || s.length === li[0].length)) {
      const markerIndent = li[1].length;
      const spaces = li[3] ?? ' ';
      const contentIndent = markerIndent + li[2].length + (spaces.length > 4 ? 1 : spaces.length);
      // A numbered line cannot interrupt a paragraph unless it starts at 1 (CommonMark).
      if (!(open?.kind === 'paragraph' && /^\d/.test(li[2]) && !/^1[.)]/.test(li[2]))) {
        close();
        open = lastList = start('list-item', i, contentIndent, markerIndent);
        continue;
      }
    }

    if (open && open.kind === 'paragraph' && open.firstLine === open.lastLine && s.indexOf('|') >= 0 && TABLE_DELIMITER.test(s.trim())) {
      open.kind = 'table';
      open.lastLine = i;
      continue;
    }
    if (open?.kind === 'table') {
      if (s.indexOf('|') >= 0) { open.lastLine = i; continue; }
      close();
    }

    if (!open && first === 60 /* < */ && HTML_START.test(s)) {
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
