// What indexing a document leaves for its next indexing, while the document is being edited: how
// each unit of prose (a paragraph, a list item, a run of quote lines) split into sentences, and how
// each sentence read on its own. A re-index takes every unit the edit did not touch as it was:
// it is neither split nor read again. The sentences of the units it touched are looked up by their
// text among the old sentences of the edited stretch, so that an edit reads again only the
// sentences it changed.

import { ProseMemo, type CueOptions, type SentenceReading } from './critique';
import type { ParsedNote } from './notes';

/** Numbers kept per sentence of a unit (see Unit.spans). */
export const SPAN = 5;

/** A unit of prose as it was read. */
export interface Unit {
  /** Where it starts and ends in the text it was read from (its whole lines, markers included). */
  readonly start: number;
  readonly end: number;
  /** How it was read (a list marker's width, or what kind of quote lines): the same text read
   *  another way splits differently. */
  readonly how: number;
  /** Its sentences, SPAN numbers each: start and end relative to `start`, first and last line
   *  relative to its first line, and 1 if the sentence's text is folded (not a slice of the text). */
  readonly spans: readonly number[];
  /** The folded sentences' texts (undefined for a sentence that is a slice of the text). */
  readonly texts: readonly (string | undefined)[];
  /** Where its first sentence's reading is in the readings of the indexing that kept it. */
  readonly first: number;
}

/** What is known of each sentence of a document, in document order (lists of equal length). */
export interface SentenceFacts {
  /** How it reads on its own (see ProseSource.readings), once read. */
  readonly readings: (SentenceReading | undefined)[];
  /** Its text as compared with the quotes of notes (normalizeForMatch), once compared. */
  readonly normals: (string | undefined)[];
  /** The quotes it was found to match none of (as a key: see Drafts), if it was. */
  readonly unquoted: (string | undefined)[];
}

export function emptyFacts(): SentenceFacts {
  return { readings: [], normals: [], unquoted: [] };
}

/** Code units compared at a time by commonPrefix and commonSuffix. */
const CHUNK = 256;

/**
 * Kept between indexings of one document (IndexOptions.memo). Each indexing keeps only the units
 * and readings of the text it indexed, so a memo never holds more than its document's sentences.
 */
export class IndexMemo {
  /** Readings looked up by sentence text (the sentences of edited units). */
  readonly prose = new ProseMemo();
  /** The text of the last indexing that ended, and of the one under way. */
  private text: string | undefined;
  private pending = '';
  private cuesKey = '';
  /** The units of `text` by start, and the readings of its sentences in document order. */
  private units = new Map<number, Unit>();
  private facts = emptyFacts();
  private next = new Map<number, Unit>();
  /** The edit, as the text before `prefix` and from `suffixFrom` on (in the new text) that it left
   *  alone; `delta` is the new length minus the old. */
  private prefix = 0;
  private suffixFrom = 0;
  private delta = 0;
  /** The notes parsed from `text`, and whether they still hold after the edit (moved). */
  private parsedNotes: readonly ParsedNote[] | undefined;
  private pendingNotes: readonly ParsedNote[] | undefined;
  private notesHold = false;
  /** What the last indexing took as it was: units, and the notes (true) or not. */
  unitsReused = 0;
  notesReused = false;

  /** Sentences read again by the last indexing, and sentences whose reading was reused. */
  get misses(): number { return this.prose.misses; }
  get hits(): number { return this.prose.hits; }

  /** Starts indexing `text`: finds the stretch that changed since the last indexing, and offers
   *  the old sentences of that stretch to the prose memo. Different cues forget everything. */
  begin(text: string, cues: CueOptions['cues']): void {
    const key = cues ? JSON.stringify(cues) : '';
    const old = this.text;
    this.next = new Map();
    this.unitsReused = 0;
    this.notesHold = false;
    if (old === undefined || key !== this.cuesKey) {
      this.units = new Map();
      this.facts = emptyFacts();
      this.prefix = 0;
      this.suffixFrom = text.length;
      this.delta = 0;
    } else {
      const prefix = commonPrefix(old, text);
      const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
      this.prefix = prefix;
      this.suffixFrom = text.length - suffix;
      this.delta = text.length - old.length;
      this.offerEdited(old, prefix, old.length - suffix);
      this.notesHold = this.parsedNotes !== undefined && editLeavesNotes(old, text, prefix, old.length - suffix, this.suffixFrom, this.parsedNotes);
    }
    this.cuesKey = key;
    this.pending = text;
    this.pendingNotes = undefined;
  }

  /** The unit of the last indexing that text[start, end), read `how`, still is (the edit did not
   *  touch it, though it may have moved it); undefined if there is none. */
  unchanged(start: number, end: number, how: number): Unit | undefined {
    let shift: number;
    if (end <= this.prefix) shift = 0;
    else if (start >= this.suffixFrom) shift = this.delta;
    else return undefined;
    const u = this.units.get(start - shift);
    if (!u || u.end !== end - shift || u.how !== how) return undefined;
    this.unitsReused++;
    return u;
  }

  /** The notes of the text being indexed: those of the last indexing when the edit cannot have
   *  changed them (see editLeavesNotes), moved with the text after the edit; else `parse`'s. */
  notes(text: string, parse: (text: string) => ParsedNote[]): readonly ParsedNote[] {
    // (notesHold is only set when there are parsed notes to keep.)
    const old = this.notesHold ? this.parsedNotes : undefined;
    const { prefix, delta } = this;
    const notes = !old ? parse(text)
      : delta === 0 ? old : old.map((n) => (n.start < prefix ? n : { ...n, start: n.start + delta, end: n.end + delta }));
    this.notesReused = old !== undefined;
    this.pendingNotes = notes;
    return notes;
  }

  /** Copies what is known of sentence j of an unchanged unit to entry k of `to`. */
  copyFacts(unit: Unit, j: number, to: SentenceFacts, k: number): void {
    const from = this.facts;
    const i = unit.first + j;
    to.readings[k] = from.readings[i];
    to.normals[k] = from.normals[i];
    to.unquoted[k] = from.unquoted[i];
  }

  /** Keeps a unit of this indexing, whose first sentence is sentence `first` of the document. */
  keep(start: number, end: number, how: number, spans: readonly number[], texts: readonly (string | undefined)[], first: number): void {
    this.next.set(start, { start, end, how, spans, texts, first });
  }

  /** Ends the indexing: its units, and what it knows of its sentences (kept, not copied). */
  end(facts: SentenceFacts): void {
    this.text = this.pending;
    this.parsedNotes = this.pendingNotes;
    this.units = this.next;
    this.next = new Map();
    this.facts = facts;
  }

  /** Offers the old sentences of the units that overlap old[from, to) (the edited stretch, with
   *  the units that end or start right at it) to the prose memo, by their text. */
  private offerEdited(old: string, from: number, to: number): void {
    for (const u of this.units.values()) {
      if (u.end < from || u.start > to) continue;
      for (let j = 0, s = 0; s < u.spans.length; j++, s += SPAN) {
        const reading = this.facts.readings[u.first + j];
        if (!reading) continue;
        this.prose.offer(u.texts[j] ?? old.slice(u.start + u.spans[s], u.start + u.spans[s + 1]), reading);
      }
    }
  }
}

/**
 * Whether the notes of `old` still hold in `text` (moved by the edit), when old[prefix, oldTo) was
 * replaced by text[prefix, newTo). The rule is narrow on purpose, and it is what typing in prose
 * does: the edit stays inside one line; that line's first letter stands, before and after the
 * edit, after the same run of blanks and container or list markers ("> ", "- ", "1. ", "## "),
 * which is what decides its kind (a letter after them leaves no fence, break, underline or callout
 * head to make), so every line keeps its kind; and the line is no part of a note, so no note's
 * text changed.
 */
export function editLeavesNotes(old: string, text: string, prefix: number, oldTo: number, newTo: number, notes: readonly ParsedNote[]): boolean {
  if (hasLineBreak(old, prefix, oldTo) || hasLineBreak(text, prefix, newTo)) return false;
  let start = prefix;
  while (start > 0 && !isLineBreak(old.charCodeAt(start - 1))) start--;
  let first = start;
  while (first < prefix && isMarkerOrBlank(old.charCodeAt(first))) first++;
  if (!isLetter(old, first) || !isLetter(text, first)) return false;
  let oldEnd = oldTo;
  while (oldEnd < old.length && !isLineBreak(old.charCodeAt(oldEnd))) oldEnd++;
  // The line, and the line break after it, touch no note (a note ends where its last line does).
  for (const n of notes) if (n.start <= oldEnd && n.end >= start) return false;
  return true;
}

/** Blanks, quote markers, list markers (- * + and digits with . or )) and heading marks. */
function isMarkerOrBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57) || c === 46 || c === 41 || c === 35;
}

/** Whether an ASCII letter stands at `at`. */
function isLetter(s: string, at: number): boolean {
  const c = s.charCodeAt(at) | 32;
  return c >= 97 && c <= 122;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

function hasLineBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(s.charCodeAt(i))) return true;
  return false;
}

/** How many code units a and b have in common at their start. Strings are compared a chunk at a
 *  time first (a native comparison), then unit by unit. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many code units a and b have in common at their end, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const an = a.length;
  const bn = b.length;
  let i = 0;
  while (i + CHUNK <= max && a.slice(an - i - CHUNK, an - i) === b.slice(bn - i - CHUNK, bn - i)) i += CHUNK;
  while (i < max && a.charCodeAt(an - i - 1) === b.charCodeAt(bn - i - 1)) i++;
  return i;
}
