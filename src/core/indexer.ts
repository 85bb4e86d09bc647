// Indexes a Markdown document: papers, sections, notes, sentences and each sentence's critique kind.
// Precedence of the critique rules: a structured note (the sentence sits in one, or one quotes it),
// then a critique section (heading or bold label), then the prose classifier.

import {
  CRITIQUE_KINDS, emptyCounts,
  type BlockType, type ClassifiedSentence, type CritiqueCounts, type CritiqueKind, type CritiqueSource,
  type DocumentIndex, type IndexOptions, type Note, type Paper, type Sentence, type SentenceKind,
} from './model';
import { scanBlocks, type Block, type ScanResult } from './blocks';
import { detectPapers } from './papers';
import { normalizeForMatch } from './inline';
import { splitSentences } from './sentences';
import { classifyProse, sectionRoleOfHeading } from './critique';
import { parseNotes } from './notes';

export interface FullIndex extends DocumentIndex {
  /** Problems found while reading (malformed front matter, …), for messages. */
  readonly problems: readonly string[];
}

const DECISIVE_ROLES = new Set(['strength', 'weakness', 'question', 'idea']);
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;
const CALLOUT_HEAD = /^[ \t]*(?:>[ \t]?)+\[![^\]\n]*\][+-]?[ \t]*/;
const LIST_PREFIX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
// `[ \t]*(?::[ \t]*)?` rather than `[ \t]*:?[ \t]*`: two blank runs around an optional colon
// backtrack quadratically over a long run of blanks.
const LABEL_ONLY = /^(?:(?:\*\*|__)([A-Za-z][\w /&'-]{1,40}?)[ \t]*(?::[ \t]*)?(?:\*\*|__)[ \t]*:?|([A-Za-z][\w /&'-]{1,40}?)[ \t]*:)$/;
const LABEL_LEAD = /^(?:\*\*|__)([A-Za-z][\w /&'-]{1,40}?)[ \t]*(?::[ \t]*)?(?:\*\*|__)(?:[ \t]*:)?[ \t]+\S/;

interface Draft extends Sentence {
  /** List marker column (list items), for the classifier's carry-over into nested items. */
  indent: number;
  kind: SentenceKind | undefined;
  source: CritiqueSource | undefined;
  cue: string | undefined;
}

interface RoleHint { role: CritiqueKind; cue: string }

export function indexDocument(text: string, options: IndexOptions = {}): FullIndex {
  const scan = scanBlocks(text);
  const { papers, problems } = detectPapers(text, scan, options.fileName);
  const notes = assignNotesToPapers(parseNotes(text), papers);
  const drafts: Draft[] = [];
  collectSentences(text, scan, papers, notes, noteOwnerByLine(notes, scan.lines.count), drafts);
  applyQuotes(drafts, notes);
  const sentences = classify(drafts, options);
  return {
    papers, sentences, notes, problems,
    eol: scan.lines.eol,
    bom: text.charCodeAt(0) === 0xfeff,
    lineCount: scan.lines.count,
  };
}

/** Critique counts of one paper: critique sentences outside notes, plus notes by kind. */
export function countsOf(index: DocumentIndex, paper: number): CritiqueCounts {
  const counts = emptyCounts();
  for (const s of index.sentences) {
    if (s.paper === paper && s.kind !== 'neutral' && s.note === undefined) counts[s.kind]++;
  }
  for (const n of index.notes) if (n.paper === paper) counts[n.kind]++;
  return counts;
}

function assignNotesToPapers(notes: Note[], papers: readonly Paper[]): Note[] {
  return notes.map((n) => {
    const p = papers.findIndex((paper) => n.start >= paper.start && n.start < paper.end);
    return p === n.paper ? n : { ...n, paper: p };
  });
}

function lineStart(scan: ScanResult, i: number): number {
  return i === 0 ? scan.contentStart : scan.lines.starts[i];
}

/** For each 0-based line, the innermost note that contains it, or -1. */
function noteOwnerByLine(notes: readonly Note[], lineCount: number): Int32Array {
  const owner = new Int32Array(lineCount).fill(-1);
  const byDepth = notes.map((_n, k) => k).sort((a, b) => notes[a].depth - notes[b].depth);
  for (const k of byDepth) for (let i = notes[k].line - 1; i < notes[k].endLine && i < lineCount; i++) owner[i] = k;
  return owner;
}

/** Splits the prose blocks of every paper into sentences, with section and note context. */
function collectSentences(
  text: string, scan: ScanResult, papers: readonly Paper[], notes: readonly Note[], owner: Int32Array, out: Draft[],
): void {
  const { lines } = scan;
  let p = -1;
  let paper: Paper | undefined;
  let sectionRoles: (RoleHint | undefined)[] = [];
  let blockId = 0;
  let label: (RoleHint & { indent: number; fromItem: boolean; section: number }) | undefined;

  for (const b of scan.blocks) {
    const bStart = lineStart(scan, b.firstLine);
    while (p + 1 < papers.length && papers[p + 1].start <= bStart) {
      p++; paper = papers[p]; sectionRoles = effectiveSectionRoles(paper); blockId = 0; label = undefined;
    }
    if (!paper || bStart < paper.start || bStart >= paper.end) continue;
    if (b.kind !== 'paragraph' && b.kind !== 'list-item' && b.kind !== 'quote') continue;
    const section = innermostSection(paper, bStart);
    if (label && label.section !== section) label = undefined;

    // Bold labels acting as headings: "**Weaknesses:**" alone, or leading a paragraph or item.
    // (firstLine.slice(cut) is the first line without its list marker or indentation.)
    const firstLine = text.slice(bStart, lines.ends[b.firstLine]);
    const cut = b.kind === 'list-item' ? LIST_PREFIX.exec(firstLine)?.[0].length ?? 0 : leadingBlanks(firstLine);
    if (b.kind !== 'quote' && b.firstLine === b.lastLine && mayBeLabel(firstLine, cut)) {
      const only = LABEL_ONLY.exec(firstLine.slice(cut).trim());
      const labelText = only ? only[1] ?? only[2] : '';
      const role = only ? sectionRoleOfHeading(labelText) : 'other';
      if (only && (DECISIVE_ROLES.has(role) || role === 'summary' || role === 'note')) {
        label = DECISIVE_ROLES.has(role)
          ? { role: role as CritiqueKind, cue: labelText, indent: b.markerIndent, fromItem: b.kind === 'list-item', section }
          : undefined;
        continue;
      }
    }
    if (label && label.fromItem && !(b.markerIndent > label.indent)) label = undefined;
    const lead = isBold(firstLine, cut) ? LABEL_LEAD.exec(firstLine.slice(cut)) : null;
    const leadRole = lead ? sectionRoleOfHeading(lead[1]) : 'other';
    const sectionHint = section >= 0 ? sectionRoles[section] : undefined;
    const hint: RoleHint | undefined = DECISIVE_ROLES.has(leadRole)
      ? { role: leadRole as CritiqueKind, cue: lead![1] }
      : label ?? sectionHint;

    if (b.kind === 'quote') {
      blockId = collectQuote(text, scan, b, p, section, hint, notes, owner, blockId, out);
      continue;
    }
    const folded = foldProse(text, scan, b, b.kind === 'list-item' ? cut : 0);
    pushSentences(folded, bStart, scan, p, blockId++, b.kind === 'list-item' ? 'list-item' : 'paragraph', section, undefined, hint, out, b.markerIndent);
  }
}

/** Whether `**` or `__` stands at `at` (a bold label may lead the line from there). */
function isBold(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return (c === 42 || c === 95) && line.charCodeAt(at + 1) === c;
}

/** Whether LABEL_ONLY may match line.slice(from).trim(): it starts bold or ends with a colon. */
function mayBeLabel(line: string, from: number): boolean {
  let i = from;
  let e = line.length;
  while (i < e && isJsSpace(line.charCodeAt(i))) i++;
  while (e > i && isJsSpace(line.charCodeAt(e - 1))) e--;
  return e > i && (isBold(line, i) || line.charCodeAt(e - 1) === 58);
}

/** The characters `trim()` and `\s` treat as white space. */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Number of spaces and tabs the line starts with. */
function leadingBlanks(line: string): number {
  let i = 0;
  for (let c = line.charCodeAt(0); c === 32 || c === 9; c = line.charCodeAt(++i));
  return i;
}

/** A tab or line break, or two white-space characters in a row: a sentence to fold. */
const LOOSE_SPACE = /\s\s|[\t\n\r]/;
/** The same, searched from `lastIndex`. */
const LOOSE_SPACE_FROM = /\s\s|[\t\n\r]/g;

/** A quote block: callout notes (title and body sentences take the note's kind) or a plain quote. */
function collectQuote(
  text: string, scan: ScanResult, b: Block, p: number, section: number, hint: RoleHint | undefined,
  notes: readonly Note[], owner: Int32Array, blockId: number, out: Draft[],
): number {
  let i = b.firstLine;
  while (i <= b.lastLine) {
    const k = owner[i];
    let j = i;
    const note = k >= 0 ? notes[k] : undefined;
    if (note && note.line === i + 1) {
      // The callout's head line: its title is a sentence of the note.
      const folded = foldBlock(text, scan, b, i, i, (s) => (CALLOUT_HEAD.exec(s)?.[0].length ?? 0));
      pushSentences(folded, lineStart(scan, i), scan, p, blockId++, 'note', section, k, undefined, out);
      i++;
      continue;
    }
    while (j + 1 <= b.lastLine && owner[j + 1] === k) j++;
    const depth = note ? note.depth : 0;
    const folded = foldBlock(text, scan, b, i, j, (s) => {
      const m = QUOTE_PREFIX.exec(s);
      if (!m) return 0;
      const markers = (m[0].match(/>/g) ?? []).length;
      // Deeper quotes inside a note are the sentence it quotes: not prose of its own.
      return note && markers > depth ? s.length : m[0].length;
    });
    pushSentences(folded, lineStart(scan, i), scan, p, blockId++, note ? 'note' : 'quote', section, note ? k : undefined, note ? undefined : hint, out);
    i = j + 1;
  }
  return blockId;
}

/** The text of lines first..last with container markers and line breaks replaced by spaces, so that
 *  offsets into it are offsets into the source (relative to the first line's start). */
function foldBlock(text: string, scan: ScanResult, b: Block, first: number, last: number, prefixOf: (line: string) => number): string {
  const { ends } = scan.lines;
  let out = '';
  for (let i = first; i <= last; i++) {
    const ls = lineStart(scan, i);
    const line = text.slice(ls, ends[i]);
    let cut = prefixOf(line);
    if (b.kind === 'list-item' && i === b.firstLine) cut = Math.max(cut, LIST_PREFIX.exec(line)?.[0].length ?? 0);
    if (b.kind === 'quote' && cut === 0) cut = QUOTE_PREFIX.exec(line)?.[0].length ?? 0;
    out += ' '.repeat(cut) + line.slice(cut);
    if (i < last) out += ' '.repeat(lineStart(scan, i + 1) - ends[i]);
  }
  return out;
}

const LINE_BREAKS = /[\r\n]/g;

/** foldBlock of a whole paragraph or list item, in one slice: only the list marker (`cut`
 *  characters) and the line breaks become spaces. */
function foldProse(text: string, scan: ScanResult, b: Block, cut: number): string {
  const start = lineStart(scan, b.firstLine);
  let out = text.slice(start, scan.lines.ends[b.lastLine]);
  if (b.lastLine > b.firstLine) out = out.replace(LINE_BREAKS, ' ');
  return cut > 0 ? ' '.repeat(cut) + out.slice(cut) : out;
}

function pushSentences(
  folded: string, base: number, scan: ScanResult, p: number, block: number, blockType: BlockType,
  section: number, note: number | undefined, hint: RoleHint | undefined, out: Draft[], indent = -1,
): void {
  let first = 0;
  while (first < folded.length && isJsSpace(folded.charCodeAt(first))) first++;
  if (first === folded.length) return;
  // Sentences need their spaces folded only where the block has runs of them (or tabs, breaks)
  // after its leading blanks (a list marker's, which no sentence includes).
  LOOSE_SPACE_FROM.lastIndex = first;
  const loose = LOOSE_SPACE_FROM.test(folded);
  for (const r of splitSentences(folded)) {
    const start = base + r.start;
    const end = base + r.end;
    const raw = folded.slice(r.start, r.end);
    const draft: Draft = {
      text: loose && LOOSE_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw,
      start, end,
      line: lineAt(scan, start), endLine: lineAt(scan, end - 1),
      paper: p, block, blockType, indent,
      section: section >= 0 ? section : undefined,
      note,
      kind: hint?.role, source: hint ? 'section' : undefined, cue: hint?.cue,
    };
    out.push(draft);
  }
}

function lineAt(scan: ScanResult, offset: number): number {
  const { starts } = scan.lines;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return lo + 1;
}

function innermostSection(paper: Paper, offset: number): number {
  let found = -1;
  const { sections } = paper;
  for (let k = 0; k < sections.length; k++) if (sections[k].start <= offset && offset < sections[k].end) found = k;
  return found;
}

/** Each section's decisive critique role: its own, or the nearest enclosing section's. */
function effectiveSectionRoles(paper: Paper): (RoleHint | undefined)[] {
  const out: (RoleHint | undefined)[] = [];
  const stack: number[] = [];
  paper.sections.forEach((s, k) => {
    while (stack.length && paper.sections[stack[stack.length - 1]].heading.level >= s.heading.level) stack.pop();
    const own = DECISIVE_ROLES.has(s.role) ? { role: s.role as CritiqueKind, cue: s.heading.text } : undefined;
    out.push(own ?? (stack.length ? out[stack[stack.length - 1]] : undefined));
    stack.push(k);
  });
  return out;
}

/** Notes decide their own sentences, and the sentences they quote. */
function applyQuotes(drafts: Draft[], notes: readonly Note[]): void {
  for (const d of drafts) {
    if (d.note !== undefined) {
      const n = notes[d.note];
      d.kind = n.kind; d.source = 'note'; d.cue = n.title ? `${n.rawKind}: ${n.title}` : n.rawKind;
    }
  }
  // Each sentence's normalized text, made once when a quote first needs it.
  const normalized: (string | undefined)[] = [];
  for (const n of notes) {
    if (!n.quote) continue;
    const q = normalizeForMatch(n.quote);
    if (q.length < 3) continue;
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k];
      if (d.note !== undefined || (n.paper >= 0 && d.paper !== n.paper)) continue;
      const s = normalized[k] ??= normalizeForMatch(d.text);
      if (s.includes(q) || (q.includes(s) && s.length >= 8)) {
        d.kind = n.kind; d.source = 'note'; d.cue = `quoted by ${n.rawKind}${n.title ? `: ${n.title}` : ''}`;
      }
    }
  }
}

function classify(drafts: Draft[], options: IndexOptions): ClassifiedSentence[] {
  const undecided = drafts.filter((d) => d.kind === undefined);
  const verdicts = classifyProse(undecided.map((d) => ({
    text: d.text, block: d.paper * 1_000_000 + d.block, blockType: d.blockType, indent: d.indent,
  })), { cues: options.cues });
  undecided.forEach((d, k) => {
    const v = verdicts[k];
    d.kind = v.kind;
    d.source = v.kind === 'neutral' ? 'none' : 'prose';
    d.cue = v.kind === 'neutral' ? '' : v.cue;
  });
  // Every draft now has kind, source and cue: it is a ClassifiedSentence (mutated in place: no copies).
  return drafts as ClassifiedSentence[];
}

export { CRITIQUE_KINDS };
