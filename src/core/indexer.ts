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
import { HAS_BREAK, LOOSE, splitSentencesInto } from './sentences';
import { ProseClassifier, sectionRoleOfHeading } from './critique';
import { emptyFacts, IndexMemo, SPAN, type SentenceFacts, type Unit } from './indexMemo';
import { parseNotes } from './notes';
import { CodeUnits } from './codeUnits';
import { isWhiteSpace } from './whiteSpace';

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

/** A sentence as it is collected; a ClassifiedSentence once settled (its kind, source and cue set). */
interface Draft extends Sentence {
  /** List marker column (list items), for the classifier's carry-over into nested items. */
  indent: number;
  kind: SentenceKind | undefined;
  source: CritiqueSource | undefined;
  cue: string | undefined;
}

interface RoleHint { role: CritiqueKind; cue: string }

/** The code units of the document being indexed (a buffer of up to 8 M of them, 16 MB, is kept
 *  from one document to the next), and of a folded quote. */
const documentCodes = new CodeUnits(1 << 16, 1 << 23);
const quoteCodes = new CodeUnits(1024, 1 << 16);

/** The sentences of the document being indexed (see Drafts.end), and their readings. */
const collected: Draft[] = [];
const collectedFacts = emptyFacts();

/**
 * The sentences collected so far. Each block's sentences are settled as soon as the block is read:
 * notes decide their own sentences and the sentences they quote, then the prose classifier reads
 * the rest (it has them in document order, block by block, as it would all at once).
 */
class Drafts {
  /** The drafts, in a list reused from document to document: see `end`. */
  readonly drafts = collected;
  /** What is known of each draft: copied from the memo for the sentences of unchanged units,
   *  filled in as the others are read. New lists the memo keeps, or lists reused like `drafts`
   *  (emptied first: entries are only ever written for drafts already collected). */
  readonly facts: SentenceFacts;
  /** The drafts whose text is not verbatim the text they stand for (folded: line breaks, container
   *  markers or runs of blanks made single spaces). */
  readonly folded = new Set<Draft>();
  /** Notes that quote a sentence, with the quote as compared. */
  private readonly quotes: { note: Note; quote: string }[] = [];
  /** The quotes a sentence of a paper is compared with, as a key (see decideByNotes), by paper. */
  private readonly quoteKeys = new Map<number, string>();
  private readonly classifier: ProseClassifier;

  constructor(
    /** The document's code units (see codeUnits.ts). */
    readonly codes: Uint16Array,
    private readonly notes: readonly Note[],
    options: IndexOptions,
    /** The document's memo, if it has one. */
    readonly memo: IndexMemo | undefined,
  ) {
    this.drafts.length = 0; // (left over only if an earlier indexing threw)
    this.facts = memo ? emptyFacts() : truncateFacts(collectedFacts);
    for (const note of notes) {
      if (!note.quote) continue;
      const quote = normalizeForMatch(note.quote);
      if (quote.length >= 3) this.quotes.push({ note, quote });
    }
    const { drafts, folded } = this;
    // The classifier reads the sentences no note or section decided, block by block.
    const blockOf = (k: number): number | undefined => {
      const d = drafts[k];
      return d.kind === undefined ? d.paper * 1_000_000 + d.block : undefined;
    };
    const verdict = (k: number, kind: SentenceKind, cue: string): void => {
      const d = drafts[k];
      d.kind = kind;
      d.source = kind === 'neutral' ? 'none' : 'prose';
      d.cue = kind === 'neutral' ? '' : cue;
    };
    // Sentences are read where they stand in the text, unless their text was folded.
    const offsetOf = (k: number): number => {
      const d = drafts[k];
      return folded.size > 0 && folded.has(d) ? -1 : d.start;
    };
    this.classifier = new ProseClassifier(drafts, blockOf, { cues: options.cues, memo: memo?.prose }, verdict, { codes, offsetOf, readings: this.facts.readings });
  }

  /** Settles the sentences of the block just read: drafts[from] on. */
  settle(from: number): void {
    const { drafts } = this;
    for (let k = from; k < drafts.length; k++) this.decideByNotes(k);
    this.classifier.classify(from, drafts.length);
  }

  /** Every draft, settled: each has kind, source and cue, it is a ClassifiedSentence. They are
   *  returned in a new list, and the reused one is emptied: a document's list made as the document
   *  is read is what V8 may come to allocate in the old generation (lists of sentences often live
   *  long), and an old list, even dead, keeps the young sentences it held alive through every
   *  young collection until a full one. */
  end(): ClassifiedSentence[] {
    this.classifier.end();
    const sentences = this.drafts.slice() as ClassifiedSentence[];
    this.drafts.length = 0;
    if (this.memo) this.memo.end(this.facts);
    else truncateFacts(this.facts);
    return sentences;
  }

  /** Adds the `count` sentences of a unit of prose that starts at `base` on 0-based line `line`:
   *  SPAN numbers each in `spans` (see Unit), texts of the folded ones in `texts`, and the readings of
   *  `known` if it is the unit as an earlier indexing read it; then settles them. The memo keeps
   *  the unit (text[base, end), read `how`). */
  addUnit(
    text: string, base: number, end: number, how: number, line: number, count: number, spans: readonly number[],
    texts: readonly (string | undefined)[], known: Unit | undefined, context: DraftContext,
  ): void {
    const { drafts, facts, memo } = this;
    const first = drafts.length;
    for (let j = 0, s = 0; j < count; j++, s += SPAN) {
      const start = base + spans[s];
      const end = base + spans[s + 1];
      const draft = draftOf(texts[j] ?? text.slice(start, end), start, end, line + spans[s + 2], line + spans[s + 3], context);
      if (known) memo!.copyFacts(known, j, facts, drafts.length);
      drafts.push(draft);
      if (spans[s + 4] !== 0) this.folded.add(draft);
    }
    memo?.keep(base, end, how, spans, texts, first);
    this.settle(first);
  }

  /** A note decides its own sentences, and the sentences it quotes (the last note that quotes one). */
  private decideByNotes(k: number): void {
    const d = this.drafts[k];
    if (d.note !== undefined) {
      const n = this.notes[d.note];
      d.kind = n.kind; d.source = 'note'; d.cue = n.title ? `${n.rawKind}: ${n.title}` : n.rawKind;
      return;
    }
    const { quotes, facts } = this;
    if (quotes.length === 0) return;
    // A sentence found to match none of its paper's quotes needs no new comparison while they
    // are the same quotes (the memo keeps what was found).
    const key = this.quoteKeyOf(d.paper);
    if (facts.unquoted[k] === key) return;
    let s: string | undefined; // the sentence's normalized text, made when a quote first needs it
    let quoted = false;
    for (const { note: n, quote: q } of quotes) {
      if (n.paper >= 0 && d.paper !== n.paper) continue;
      s ??= facts.normals[k] ??= normalizeForMatch(d.text);
      if (s.includes(q) || (q.includes(s) && s.length >= 8)) {
        d.kind = n.kind; d.source = 'note'; d.cue = `quoted by ${n.rawKind}${n.title ? `: ${n.title}` : ''}`;
        quoted = true;
      }
    }
    if (!quoted) facts.unquoted[k] = key;
  }

  /** The quotes the sentences of a paper are compared with, in order, as one string (normalized
   *  quotes hold no line break). */
  private quoteKeyOf(paper: number): string {
    let key = this.quoteKeys.get(paper);
    if (key === undefined) {
      key = this.quotes.filter(({ note: n }) => n.paper < 0 || n.paper === paper).map((q) => q.quote).join('\n');
      this.quoteKeys.set(paper, key);
    }
    return key;
  }
}

/** Empties reused lists of facts; returns them. */
function truncateFacts(facts: SentenceFacts): SentenceFacts {
  facts.readings.length = 0;
  facts.normals.length = 0;
  facts.unquoted.length = 0;
  return facts;
}

export function indexDocument(text: string, options: IndexOptions = {}): FullIndex {
  const scan = scanBlocks(text);
  const { papers, problems } = detectPapers(text, scan, options.fileName);
  const { memo } = options;
  memo?.begin(text, options.cues);
  const notes = assignNotesToPapers(memo ? memo.notes(text, parseNotes) : parseNotes(text), papers);
  const out = new Drafts(documentCodes.of(text), notes, options, memo);
  const owner = notes.length > 0 ? noteOwnerByLine(notes, scan.lines.count) : undefined;
  collectSentences(text, scan, papers, notes, owner, out);
  const sentences = out.end();
  documentCodes.release();
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

function assignNotesToPapers(notes: readonly Note[], papers: readonly Paper[]): Note[] {
  return notes.map((n) => {
    const p = papers.findIndex((paper) => n.start >= paper.start && n.start < paper.end);
    return p === n.paper ? n : { ...n, paper: p };
  });
}

function lineStart(scan: ScanResult, i: number): number {
  return i === 0 ? scan.contentStart : scan.lines.starts[i];
}

/** For each 0-based line, the innermost note that contains it, or -1 (made only when there are notes). */
function noteOwnerByLine(notes: readonly Note[], lineCount: number): Int32Array {
  const owner = new Int32Array(lineCount).fill(-1);
  const byDepth = notes.map((_n, k) => k).sort((a, b) => notes[a].depth - notes[b].depth);
  for (const k of byDepth) for (let i = notes[k].line - 1; i < notes[k].endLine && i < lineCount; i++) owner[i] = k;
  return owner;
}

/** Splits the prose blocks of every paper into sentences, with section and note context. */
function collectSentences(
  text: string, scan: ScanResult, papers: readonly Paper[], notes: readonly Note[], owner: Int32Array | undefined, out: Drafts,
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
    // (text[bStart + cut, lineEnd) is the first line without its list marker or indentation.)
    const lineEnd = lines.ends[b.firstLine];
    const cut = (b.kind === 'list-item' ? listPrefixEnd(text, bStart, lineEnd) : blanksEnd(text, bStart, lineEnd)) - bStart;
    if (b.kind !== 'quote' && b.firstLine === b.lastLine && mayBeLabel(text, bStart + cut, lineEnd)) {
      const only = LABEL_ONLY.exec(text.slice(bStart + cut, lineEnd).trim());
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
    const lead = isBold(text, bStart + cut) ? LABEL_LEAD.exec(text.slice(bStart + cut, lineEnd)) : null;
    const leadRole = lead ? sectionRoleOfHeading(lead[1]) : 'other';
    const sectionHint = section >= 0 ? sectionRoles[section] : undefined;
    const hint: RoleHint | undefined = DECISIVE_ROLES.has(leadRole)
      ? { role: leadRole as CritiqueKind, cue: lead![1] }
      : label ?? sectionHint;

    if (b.kind === 'quote') {
      blockId = collectQuote(text, scan, b, p, section, hint, notes, owner, blockId, out);
      continue;
    }
    const to = lines.ends[b.lastLine];
    const context: DraftContext = {
      paper: p, block: blockId++, blockType: b.kind === 'list-item' ? 'list-item' : 'paragraph', indent: b.markerIndent, section, note: undefined, hint,
    };
    pushSentences(text, bStart, bStart + (b.kind === 'list-item' ? cut : 0), to, b.firstLine, scan, context, out);
  }
}

/** Whether `**` or `__` stands at `at` (a bold label may lead the line from there). */
function isBold(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return (c === 42 || c === 95) && line.charCodeAt(at + 1) === c;
}

/** Whether LABEL_ONLY may match text.slice(from, to).trim(): it starts bold or ends with a colon. */
function mayBeLabel(text: string, from: number, to: number): boolean {
  let i = from;
  let e = to;
  while (i < e && isWhiteSpace(text.charCodeAt(i))) i++;
  while (e > i && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  return e > i && (isBold(text, i) || text.charCodeAt(e - 1) === 58);
}

/** The end of the run of spaces and tabs that text[from, to) starts with. */
function blanksEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Where LIST_PREFIX, matched at `from`, ends in text[from, to); `from` when it does not match.
 *  (A hand-written match: this runs for every list item.) */
function listPrefixEnd(text: string, from: number, to: number): number {
  let i = blanksEnd(text, from, to);
  const c = i < to ? text.charCodeAt(i) : -1;
  if (c === 45 || c === 42 || c === 43) i++; // - * +
  else {
    const digits = i;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
    const d = i < to ? text.charCodeAt(i) : -1;
    if (i === digits || i - digits > 9 || (d !== 46 && d !== 41)) return from; // 1-9 digits, then . or )
    i++;
  }
  const marker = i;
  i = blanksEnd(text, i, to);
  if (i === marker) return from;
  // An optional task box: "[ ]", "[x]" or "[X]" and blanks after it.
  if (i + 3 <= to && text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93) {
    const box = text.charCodeAt(i + 1);
    if (box === 32 || box === 120 || box === 88) {
      const after = blanksEnd(text, i + 3, to);
      if (after > i + 3) i = after;
    }
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LINE_BREAKS = /[\r\n]/g;

/** A quote block: callout notes (title and body sentences take the note's kind) or a plain quote. */
function collectQuote(
  text: string, scan: ScanResult, b: Block, p: number, section: number, hint: RoleHint | undefined,
  notes: readonly Note[], owner: Int32Array | undefined, blockId: number, out: Drafts,
): number {
  let i = b.firstLine;
  while (i <= b.lastLine) {
    const k = owner ? owner[i] : -1;
    let j = i;
    const note = k >= 0 ? notes[k] : undefined;
    if (note && note.line === i + 1) {
      // The callout's head line: its title is a sentence of the note.
      const context: DraftContext = { paper: p, block: blockId++, blockType: 'note', indent: -1, section, note: k, hint: undefined };
      pushFolded(text, scan, b, i, i, QUOTE_HEAD, (s) => (CALLOUT_HEAD.exec(s)?.[0].length ?? 0), context, out);
      i++;
      continue;
    }
    while (j + 1 <= b.lastLine && (owner ? owner[j + 1] : -1) === k) j++;
    const depth = note ? note.depth : 0;
    const context: DraftContext = {
      paper: p, block: blockId++, blockType: note ? 'note' : 'quote', indent: -1, section, note: note ? k : undefined, hint: note ? undefined : hint,
    };
    pushFolded(text, scan, b, i, j, note ? QUOTE_IN_NOTE - depth : PLAIN_QUOTE, (s) => {
      const m = QUOTE_PREFIX.exec(s);
      if (!m) return 0;
      const markers = (m[0].match(/>/g) ?? []).length;
      // Deeper quotes inside a note are the sentence it quotes: not prose of its own.
      return note && markers > depth ? s.length : m[0].length;
    }, context, out);
    i = j + 1;
  }
  return blockId;
}

/** How quote lines are read (Unit.how): a callout's head line, a plain quote, or the lines of a
 *  note (QUOTE_IN_NOTE minus the note's depth). Paragraphs and list items have how >= 0. */
const QUOTE_HEAD = -1;
const PLAIN_QUOTE = -2;
const QUOTE_IN_NOTE = -3;

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

/** The sentences of quote lines first..last, folded (see foldBlock) with `prefixOf`, read `how`. */
function pushFolded(
  text: string, scan: ScanResult, b: Block, first: number, last: number, how: number, prefixOf: (line: string) => number,
  context: DraftContext, out: Drafts,
): void {
  const base = lineStart(scan, first);
  const end = scan.lines.ends[last];
  const known = out.memo?.unchanged(base, end, how);
  if (known) {
    out.addUnit(text, base, end, how, first, known.texts.length, known.spans, known.texts, known, context);
    return;
  }
  const folded = foldBlock(text, scan, b, first, last, prefixOf);
  const bounds = sentenceBounds;
  const count = blank(folded, 0, folded.length) ? 0 : splitSentencesInto(quoteCodes.of(folded), 0, 0, folded.length, bounds);
  const { spans, texts } = unitLists(out, count / 3);
  let cursor = first;
  const { starts } = scan.lines;
  for (let k = 0, s = 0; k < count; k += 3, s += SPAN) {
    const start = base + bounds[k];
    const stop = base + bounds[k + 1];
    const raw = folded.slice(bounds[k], bounds[k + 1]);
    while (cursor + 1 < starts.length && starts[cursor + 1] <= start) cursor++;
    spans[s] = bounds[k];
    spans[s + 1] = bounds[k + 1];
    spans[s + 2] = cursor - first;
    while (cursor + 1 < starts.length && starts[cursor + 1] <= stop - 1) cursor++;
    spans[s + 3] = cursor - first;
    spans[s + 4] = 1;
    // A line break or a loose run of white space (what /\s\s|[\t\n\r]/ finds): runs become single spaces.
    texts[k / 3] = bounds[k + 2] !== 0 ? raw.replace(/\s+/g, ' ') : raw;
  }
  out.addUnit(text, base, end, how, first, count / 3, spans, texts, undefined, context);
}

/** Sentence bounds of the block being read (reused, never shrunk: see splitSentencesInto). */
const sentenceBounds: number[] = [];

/** A unit's sentences, as Drafts.addUnit takes them: reused lists (entries past the unit's are
 *  left as they were), or new ones of the right length when the document has a memo (it keeps them). */
const reusedSpans: number[] = [];
const reusedTexts: (string | undefined)[] = [];

function unitLists(out: Drafts, sentences: number): { spans: number[]; texts: (string | undefined)[] } {
  if (out.memo) return { spans: new Array<number>(sentences * SPAN), texts: new Array<string | undefined>(sentences) };
  return { spans: reusedSpans, texts: reusedTexts };
}

/** The sentences of a paragraph or list item, text[lineFrom, to) with its first `from - lineFrom`
 *  characters (a list marker) left out, read in place: its sentences are slices of the text with
 *  line breaks and runs of blanks folded to single spaces (see splitSentencesInto). */
function pushSentences(
  text: string, lineFrom: number, from: number, to: number, line: number, scan: ScanResult, context: DraftContext, out: Drafts,
): void {
  if (blank(text, from, to)) return;
  const how = from - lineFrom;
  const known = out.memo?.unchanged(lineFrom, to, how);
  if (known) {
    out.addUnit(text, lineFrom, to, how, line, known.texts.length, known.spans, known.texts, known, context);
    return;
  }
  const bounds = sentenceBounds;
  const count = splitSentencesInto(out.codes, lineFrom, from, to, bounds);
  const { spans, texts } = unitLists(out, count / 3);
  let cursor = line;
  const { starts } = scan.lines;
  for (let k = 0, s = 0; k < count; k += 3, s += SPAN) {
    const start = bounds[k];
    const end = bounds[k + 1];
    const folding = bounds[k + 2];
    let raw: string | undefined;
    // Its line breaks become spaces, then runs of white space (and tabs) single spaces.
    if (folding !== 0) {
      raw = text.slice(start, end);
      if (folding & HAS_BREAK) raw = raw.replace(LINE_BREAKS, ' ');
      if (folding & LOOSE) raw = raw.replace(/\s+/g, ' ');
    }
    while (cursor + 1 < starts.length && starts[cursor + 1] <= start) cursor++;
    spans[s] = start - lineFrom;
    spans[s + 1] = end - lineFrom;
    spans[s + 2] = cursor - line;
    while (cursor + 1 < starts.length && starts[cursor + 1] <= end - 1) cursor++;
    spans[s + 3] = cursor - line;
    spans[s + 4] = folding !== 0 ? 1 : 0;
    texts[k / 3] = raw;
  }
  out.addUnit(text, lineFrom, to, how, line, count / 3, spans, texts, undefined, context);
}

/** Where a unit's sentences stand: paper, block, list indent (-1 outside lists), section (-1 for
 *  none), note, and the section's or label's role, if any. */
interface DraftContext {
  readonly paper: number;
  readonly block: number;
  readonly blockType: BlockType;
  readonly indent: number;
  readonly section: number;
  readonly note: number | undefined;
  readonly hint: RoleHint | undefined;
}

/** A draft; `line` and `endLine` are 0-based here; the kind, source and cue are the section's or
 *  label's (`hint`), if any. */
function draftOf(text: string, start: number, end: number, line: number, endLine: number, c: DraftContext): Draft {
  const { hint } = c;
  return {
    text, start, end, line: line + 1, endLine: endLine + 1,
    paper: c.paper, block: c.block, blockType: c.blockType, indent: c.indent,
    section: c.section >= 0 ? c.section : undefined,
    note: c.note,
    kind: hint?.role, source: hint ? 'section' : undefined, cue: hint?.cue,
  };
}

/** Whether text[from, to) is all white space (as `trim()` sees it). */
function blank(text: string, from: number, to: number): boolean {
  while (from < to && isWhiteSpace(text.charCodeAt(from))) from++;
  return from === to;
}


/** The last section (in document order: the innermost) that holds `offset`, or -1. Sections
 *  start in order, so the last one that starts at or before `offset` is found by bisection; it
 *  holds `offset` unless it ended before, and then one of the sections it is nested in may. */
function innermostSection(paper: Paper, offset: number): number {
  const { sections } = paper;
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  while (k >= 0 && !(offset < sections[k].end)) k--;
  return k;
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

export { CRITIQUE_KINDS };
export { IndexMemo } from './indexMemo';
