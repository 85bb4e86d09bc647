// Where a new note goes and the edit that puts it there. A note is inserted after the block the
// cursor is in (paragraph, list item paragraph, quote, fenced code), on the cursor's line when that
// line is blank, or at the end of a paper; always with one blank line before and after it, reusing
// blank lines that are already there. The edit only inserts text, in the document's own line ending.

import { formatNote, scanDocument, type LineBlock, type NoteSpec, type SourceLine } from './notes';
import type { TextEdit } from './textEdit';

export type { TextEdit } from './textEdit';

/** Where to put a note: near an offset (the cursor), or at the end of a paper's range [start, end). */
export type InsertTarget = { offset: number } | { paperEnd: { start: number; end: number } };

/** The dominant line ending of a text ('\n' when it has none). */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** The edit that inserts the note `spec` at target. */
export function noteInsertionEdit(text: string, target: InsertTarget, spec: NoteSpec): TextEdit {
  const eol = detectEol(text);
  const { lines, blocks, bom } = scanDocument(text);
  const note = (indent: number) => formatNote(spec, eol, ' '.repeat(indent));
  if (text.length === bom) return { start: bom, end: bom, newText: note(0) + eol };
  if ('paperEnd' in target) {
    const { start, end } = target.paperEnd;
    let last = -1;
    for (let i = 0; i < lines.length && lines[i].start < end; i++) {
      if (lines[i].end >= start && !isBlank(text, lines[i], i === 0 ? bom : 0)) last = i;
    }
    if (last < 0) last = lineAt(lines, start);
    const fence = blocks.find((b) => b.unclosed && b.first <= last && last <= b.last);
    if (fence) return insertBefore(text, lines, bom, fence.first, note(0), eol);
    return insertAfter(text, lines, bom, last, note(0), eol);
  }
  const offset = Math.max(0, Math.min(target.offset, text.length));
  const line = lineAt(lines, offset);
  const block = blocks.find((b) => b.first <= line && line <= b.last);
  if (block?.unclosed) return insertBefore(text, lines, bom, block.first, note(block.listCol), eol);
  // The empty line after a final line break is a blank line at the end of the text.
  const afterEnd = offset === text.length && lines[line].eol !== '';
  if (!block || afterEnd) return insertAfter(text, lines, bom, line, note(0), eol);
  if (block.type !== 'blank') return insertAfter(text, lines, bom, block.last, note(block.listCol), eol);
  return insertAfter(text, lines, bom, line, note(blankLineIndent(blocks, blocks.indexOf(block))), eol);
}

/** A note quoting the selected text: container markers and list bullets stripped, whitespace
 *  collapsed; title and body left empty for the user to fill. */
export function noteForSelection(selectedText: string, kind: string): NoteSpec {
  const quote = selectedText
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(stripContainers)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { kind, title: '', body: '', quote: quote === '' ? undefined : quote, fold: '' };
}

function stripContainers(line: string): string {
  let s = line;
  for (;;) {
    const next = s.replace(/^\s*(?:>|[-+*](?=\s)|\d{1,9}[.)](?=\s)|\[[ xX]\](?=\s))/, '');
    if (next === s) return s;
    s = next;
  }
}

/** Inserts a note after line `after`: one blank line before it (the next line when it is blank,
 *  else a new one; none needed when `after` itself is blank) and one after it when text follows. */
function insertAfter(text: string, lines: readonly SourceLine[], bom: number, after: number, note: string,
  eol: string): TextEdit {
  const blank = (i: number) => isBlank(text, lines[i], i === 0 ? bom : 0);
  let i = after;
  let before = '';
  if (!blank(after)) {
    if (after + 1 < lines.length && blank(after + 1)) i = after + 1;
    else before = eol;
  }
  let at: number;
  if (lines[i].eol === '') {
    at = text.length;
    before = eol + before;
  } else at = lines[i].end + lines[i].eol.length;
  const followed = i + 1 < lines.length;
  const gap = followed && !blank(i + 1) ? eol : '';
  return { start: at, end: at, newText: before + note + eol + gap };
}

/** Inserts a note before line `before` (a fence that never closes, so nothing after it is read). */
function insertBefore(text: string, lines: readonly SourceLine[], bom: number, before: number, note: string,
  eol: string): TextEdit {
  if (before > 0) return insertAfter(text, lines, bom, before - 1, note, eol);
  return { start: bom, end: bom, newText: note + eol + eol };
}

/** The indent for a note on a blank line: inside the list item before it when the list goes on
 *  after the blank line, else none. */
function blankLineIndent(blocks: readonly LineBlock[], at: number): number {
  let p = at;
  while (p >= 0 && blocks[p].type === 'blank') p--;
  let n = at;
  while (n < blocks.length && blocks[n].type === 'blank') n++;
  const prev = blocks[p];
  const next = blocks[n];
  if (!prev || !next || prev.openCols.length === 0) return 0;
  if (next.listItem) return prev.listCol;
  let best = 0;
  for (const c of prev.openCols) if (c <= next.indent && c > best) best = c;
  return best;
}

function lineAt(lines: readonly SourceLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isBlank(text: string, line: SourceLine, skip: number): boolean {
  return /^[ \t]*$/.test(text.slice(line.start + skip, line.end));
}
