// The pipeline shared by the Markdown flavours: the source text with edits at exact offsets (note head
// lines rewritten, critique sentences labelled or highlighted) and a digest after each paper.
// Everything the user wrote is kept byte for byte outside the edits; added lines use the document's
// line ending.

import type { ClassifiedSentence, DocumentIndex, Note } from '../model';
import { buildLineTable, type LineTable } from '../lines';
import { isHighlighted } from '../markdownPlugin';
import { digestsOf } from './digest';
import { markdownDigest } from './markdownDigest';

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** A note's head line `> [!kind]± Title`, split into its parts. */
export interface NoteHead {
  /** Container markers before `[!`, e.g. `> ` or `> > `. */
  readonly prefix: string;
  /** The title's Markdown source, trimmed. */
  readonly title: string;
  /** True when the next line of the note has content (it would join the head line's paragraph once
   *  the head is an ordinary line). */
  readonly bodyFollows: boolean;
  readonly start: number;
  readonly end: number;
}

export interface SourceContext {
  readonly text: string;
  readonly lines: LineTable;
}

export interface MarkdownFlavour {
  /** The new head line(s) of a note, joined with `eol`; undefined keeps the note as written. */
  noteHead(note: Note, head: NoteHead, eol: string): string | undefined;
  /** Edits annotating one highlighted sentence. */
  sentence(s: ClassifiedSentence, source: SourceContext): Edit[];
}

/** Matched on the line without its trailing blanks: a lazy title before `[ \t]*$` would backtrack
 *  quadratically over a long run of blanks inside the title. */
const NOTE_HEAD = /^([ \t]*(?:>[ \t]?)+)[ \t]*\[![^\]\n]*\][+-]?[ \t]*([^]*)$/;

export function annotateMarkdown(
  text: string, index: DocumentIndex, opts: { fileName: string; paper?: number }, flavour: MarkdownFlavour,
): string {
  const lines = buildLineTable(text);
  const source: SourceContext = { text, lines };
  const eol = index.eol;
  const contentEnd = (endLine: number) => lines.ends[Math.min(endLine, lines.count) - 1];
  const one = opts.paper !== undefined ? index.papers[opts.paper] : undefined;
  const from = one ? one.start : 0;
  const to = one ? contentEnd(one.endLine) : text.length;
  const inRange = (offset: number) => offset >= from && offset < to;

  const edits: Edit[] = [];
  for (const note of index.notes) {
    if (!inRange(note.start)) continue;
    const head = noteHead(text, lines, note);
    const replacement = head && flavour.noteHead(note, head, eol);
    if (head && replacement !== undefined) edits.push({ start: head.start, end: head.end, insert: replacement });
  }
  for (const s of index.sentences) {
    if (isHighlighted(s) && inRange(s.start)) edits.push(...flavour.sentence(s, source));
  }
  const digests = digestsOf(index);
  index.papers.forEach((paper, p) => {
    if (one && paper !== one) return;
    edits.push({ start: contentEnd(paper.endLine), end: contentEnd(paper.endLine), insert: eol + eol + markdownDigest(digests[p], opts.fileName, eol) });
  });

  const out = applyEdits(text, from, to, edits);
  return one ? out + eol : out;
}

/** The text of [from, to) with the edits applied; edits at one offset keep their order. */
export function applyEdits(text: string, from: number, to: number, edits: readonly Edit[]): string {
  const sorted = edits.map((e, k) => ({ e, k })).sort((a, b) => a.e.start - b.e.start || a.k - b.k);
  let out = '';
  let pos = from;
  for (const { e } of sorted) {
    if (e.start < pos) continue; // overlapping edit: keep the first
    out += text.slice(pos, e.start) + e.insert;
    pos = e.end;
  }
  return out + text.slice(pos, to);
}

function noteHead(text: string, lines: LineTable, note: Note): NoteHead | undefined {
  const i = note.line - 1;
  if (i < 0 || i >= lines.count) return undefined;
  const start = lines.starts[i];
  const end = lines.ends[i];
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const m = NOTE_HEAD.exec(text.slice(start, e));
  if (!m) return undefined;
  const next = i + 1 < lines.count && note.endLine > note.line ? text.slice(lines.starts[i + 1], lines.ends[i + 1]) : '';
  const bodyFollows = next.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim() !== '';
  return { prefix: m[1], title: m[2], bodyFollows, start, end };
}
