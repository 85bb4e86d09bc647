// The transparent prose classifier: which sentences of a summary praise the paper, criticise it,
// ask or propose something. Every verdict names the cue that decided it. The lexicon is data in
// critiqueCues.ts; this file holds the rules:
//   1. a sentence's own cues: user phrases, a label ("Downside: …"), questions, ideas, omissions
//      ("didn't mention"), announcements ("it has a few weaknesses"), first-person judgements
//      ("I think … inefficient"), praise and criticism phrases — each unless negated, limited,
//      about prior work, or a report of the authors' own claims;
//   2. carry-over inside a block: an announcement opens an enumeration that lasts to the block's end
//      (or the next list items, after "…:"), and a judgement opening a paragraph (or any first-person
//      judgement) carries to the sentences that elaborate it ("Also, …", "It seemed …"). A contrary
//      cue ends either.

import { CRITIQUE_KINDS, type BlockType, type CritiqueKind, type SectionRole, type SentenceKind } from './model';
import { plainText } from './inline';
import * as cues from './critiqueCues';
import { CodeUnits } from './codeUnits';

export interface ProseInput {
  text: string;
  /** Paragraph id: sentences of one block share it and come in order. */
  block: number;
  /** Optional: with it, an announcement ending in ":" carries into the list items that follow. */
  blockType?: BlockType;
  /** Optional: a list item's marker column; items deeper than the announcing one carry it. */
  indent?: number;
}

export interface ProseVerdict {
  kind: SentenceKind;
  /** The phrase that decided, '' if neutral. */
  cue: string;
}

export interface CueOptions {
  /** User phrases by kind, matched case-insensitively as whole words; they take precedence. */
  cues?: Partial<Record<CritiqueKind, readonly string[]>>;
  /** What an earlier classification of the same document learned (see ProseMemo). */
  memo?: ProseMemo;
}

/**
 * Remembers how each sentence of one document read on its own, so that classifying the document
 * again after an edit reads only the sentences the edit changed (the rules that join sentences
 * still run on all of them). Keep one per document: each classification keeps only the sentences
 * it met, so a memo never holds more than its document's sentences.
 */
export class ProseMemo {
  private current = new Map<string, Analysis>();
  private next = new Map<string, Analysis>();
  private cuesKey: string | undefined;
  /** Sentences read again by the last classification, and sentences reused. */
  misses = 0;
  hits = 0;

  /** Starts a classification with these user cues (a different set forgets everything). */
  begin(cues: CueOptions['cues']): void {
    const key = cues ? JSON.stringify(cues) : '';
    if (key !== this.cuesKey) this.current.clear();
    this.cuesKey = key;
    this.next = new Map();
    this.misses = 0;
    this.hits = 0;
  }

  analysis(text: string, user: UserCues | undefined, codes: Uint16Array | undefined, offset: number): Analysis {
    let a = this.current.get(text) ?? this.next.get(text);
    if (a) this.hits++;
    else { a = analyse(text, user, codes, offset); this.misses++; }
    this.next.set(text, a);
    return a;
  }

  /** Offers how a sentence of the last classification read, for this one to find by its text (a
   *  caller that hands the classifier known readings offers only those of the text it changed). */
  offer(text: string, reading: SentenceReading): void {
    if (!this.current.has(text)) this.current.set(text, reading);
  }

  /** Ends a classification: what it did not meet is forgotten. */
  end(): void {
    this.current = this.next;
    this.next = new Map();
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: every word the rules know has a small integer id and a set of flags, so that a
// sentence is read once into ids and every later test is an array lookup. Words are hashed as they
// are read: no string is made for a plain ASCII word. Unknown words have id 0, except long words,
// which are checked once for a misspelt critique noun and then remembered with the answer.

interface NounInfo { readonly kind: 'weakness' | 'strength'; readonly canonical: string; readonly plural: boolean }

/** What a word tells about its sentence at a glance: a critique noun (exact or misspelt) or a soft
 *  one ("issue"), or "not"/"never". A sentence without such words has no noun cue or omission by
 *  the authors, and those rules need not read it. */
const MARK = { nounish: 1, negation: 2 } as const;

/** Word classes of the rules, one bit each. */
const F = {
  mildWeak: 1 << 0, mildStrong: 1 << 1, negator: 1 << 2, limiter: 1 << 3, reporting: 1 << 4, solving: 1 << 5,
  comparison: 1 << 6, quantifier: 1 << 7, authorVerb: 1 << 8, authorSubject: 1 << 9, soft: 1 << 10,
  firstPerson: 1 << 11, reporter: 1 << 12, clauseWord: 1 << 13, turnWord: 1 << 14, copula: 1 << 15,
  definite: 1 << 16, determiner: 1 << 17, afterStrengthNoun: 1 << 18, headingWord: 1 << 19,
} as const;

const FNV_OFFSET = 0x811c9dc5 | 0; // as an int32, so that hashes stay small integers
const FNV_PRIME = 0x01000193;
/** Words remembered beyond the lexicon before the memory is cleared (between documents). */
const LEARNED_LIMIT = 50000;

function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** hashOf the ASCII letters codes[s, e) in lower case. */
function hashOfCodes(codes: Uint16Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ (codes[i] | 32), FNV_PRIME);
  return h;
}

/** An open-addressing table from lower-case words to ids, with per-id flags, noun and phrases. */
class Vocabulary {
  private slots = new Int32Array(1 << 12);
  private slotHashes = new Int32Array(1 << 12);
  /** Short keys (0 for a free slot) and their ids: the same size as `slots`. */
  private shortKeys = new Int32Array(1 << 12);
  private shortIds = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** By id; id 0 is "unknown". */
  readonly words: string[] = [''];
  private readonly hashes: number[] = [0];
  readonly flags: number[] = [0];
  readonly nouns: (NounInfo | undefined)[] = [undefined];
  /** By id: MARK bits, what a sentence's words tell about it at a glance (see Words.marks). */
  readonly marks: number[] = [0];
  /** Every word's characters, one after the other, and where each word starts (by id; where the
   *  last ends at the end): `find` compares typed arrays, not strings (see codeUnits.ts). */
  private chars = new Uint16Array(1 << 14);
  private charsEnd = 0;
  private readonly charsAt: number[] = [0, 0];
  private lexiconSize = 1;
  /** Changes whenever learned ids are forgotten: tables built on them must be built again. */
  epoch = 0;

  /** The id of the ASCII word codes[s, e) read in lower case, whose hash is h; 0 if unknown. */
  find(codes: Uint16Array, s: number, e: number, h: number): number {
    const len = e - s;
    const { chars, charsAt } = this;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot];
      if (id === 0) return 0;
      if (this.slotHashes[slot] !== h) continue;
      const at = charsAt[id];
      if (charsAt[id + 1] - at !== len) continue;
      let k = 0;
      while (k < len) {
        let c = codes[s + k];
        if (c >= 65 && c <= 90) c += 32;
        if (c !== chars[at + k]) break;
        k++;
      }
      if (k === len) return id;
    }
  }

  /** The id of a lower-case word; 0 if unknown. */
  findWord(word: string, h = hashOf(word)): number {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot];
      if (id === 0) return 0;
      if (this.hashes[id] === h && this.words[id] === word) return id;
    }
  }

  /** The id of a word, added (with its noun, exact or misspelt) when new. */
  add(word: string, h = hashOf(word)): number {
    const known = this.findWord(word, h);
    if (known) return known;
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    this.flags.push(0);
    const noun = NOUNS.get(word) ?? (fuzzyCandidate(word) ? fuzzyNoun(word) : undefined);
    this.nouns.push(noun);
    this.marks.push(noun ? MARK.nounish : 0);
    if (this.chars.length < this.charsEnd + word.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsEnd + word.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let i = 0; i < word.length; i++) this.chars[this.charsEnd++] = word.charCodeAt(i);
    this.charsAt.push(this.charsEnd);
    if (id * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** Ends the lexicon: later words are learned, and forgotten by `forgetLearned`. */
  seal(): void {
    this.lexiconSize = this.words.length;
  }

  /** Forgets learned words when there are many (call between documents, never inside one). */
  forgetLearned(): void {
    if (this.words.length - this.lexiconSize <= LEARNED_LIMIT) return;
    for (const list of [this.words, this.hashes, this.flags, this.nouns, this.marks] as unknown[][]) list.length = this.lexiconSize;
    this.charsAt.length = this.lexiconSize + 1;
    this.charsEnd = this.charsAt[this.lexiconSize];
    this.rehash(1 << 12);
    this.epoch++;
  }

  /** The id of the word whose short key (see `shortKeyOf`) is `key`; 0 if unknown. Short words are
   *  found by their key alone: it is exact, no letters need comparing. */
  findShort(key: number): number {
    for (let slot = shortSlot(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.shortKeys[slot];
      if (k === key) return this.shortIds[slot];
      if (k === 0) return 0;
    }
  }

  private place(id: number): void {
    let slot = this.hashes[id] & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id;
    this.slotHashes[slot] = this.hashes[id];
    const key = shortKeyOf(this.words[id]);
    if (key === 0) return;
    slot = shortSlot(key) & this.mask;
    while (this.shortKeys[slot] !== 0) slot = (slot + 1) & this.mask;
    this.shortKeys[slot] = key;
    this.shortIds[slot] = id;
  }

  private rehash(size: number): void {
    while (this.words.length * 2 > size) size *= 2;
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.shortKeys = new Int32Array(size);
    this.shortIds = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 1; id < this.words.length; id++) this.place(id);
  }
}

/** Words of at most this many letters a-z have a short key. */
const SHORT_WORD = 6;
/** Short keys from this value on have 6 letters: a seventh makes the word too long (27^5). */
const SHORT_KEY_FULL = 14348907;

/** A word of 1 to 6 letters a-z as a number: its letters as the digits 1..26 in base 27 (below
 *  2^31, and different for different words); 0 for any other word. */
function shortKeyOf(word: string): number {
  if (word.length > SHORT_WORD) return 0;
  let key = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return 0;
    key = key * 27 + (c - 96);
  }
  return key;
}

/** Where a short key's probe starts (before masking). */
function shortSlot(key: number): number {
  const x = Math.imul(key, 0x9e3779b1);
  return x ^ (x >>> 16);
}

// ---------------------------------------------------------------------------------------------
// Critique nouns, with typo tolerance.

const NOUNS = new Map<string, NounInfo>();
for (const [kind, list] of [['weakness', cues.WEAKNESS_NOUNS], ['strength', cues.STRENGTH_NOUNS]] as const) {
  for (const n of list) NOUNS.set(n, { kind, canonical: n, plural: n.endsWith('s') && !n.endsWith('ss') });
}
const FUZZY_TARGETS = [...NOUNS.keys()].filter((n) => n.length >= 7);
const FUZZY_INITIALS = new Set(FUZZY_TARGETS.map((t) => t.charCodeAt(0)));
/** The same, as a table by character code (1 for an initial), for the word reader. */
const FUZZY_INITIAL = new Uint8Array(128);
for (const c of FUZZY_INITIALS) if (c < 128) FUZZY_INITIAL[c] = 1;

/** Words checked for a misspelt critique noun: 7 letters or more, with a noun's first letter. */
function fuzzyCandidate(word: string): boolean {
  return word.length >= 7 && FUZZY_INITIALS.has(word.charCodeAt(0));
}

function fuzzyNoun(word: string): NounInfo | undefined {
  const t = fuzzyFind(word, FUZZY_TARGETS);
  return t ? NOUNS.get(t) : undefined;
}

/** Levenshtein distance, or max+1 once it is certain to exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const VOWELS = 'aeiouy';

/** Likely misspellings of a 7- or 8-letter target: one letter missing, added or transposed, or a
 *  vowel for a vowel ("weekness", "strenght"); "downsize" is not "downside". */
function nearMissShort(word: string, target: string): boolean {
  if (word.length !== target.length) return editDistance(word, target, 1) <= 1;
  const diff: number[] = [];
  for (let i = 0; i < word.length && diff.length <= 2; i++) if (word[i] !== target[i]) diff.push(i);
  if (diff.length === 1) return VOWELS.includes(word[diff[0]]) && VOWELS.includes(target[diff[0]]);
  return diff.length === 2 && diff[1] === diff[0] + 1 && word[diff[0]] === target[diff[1]] && word[diff[1]] === target[diff[0]];
}

/** A target the word misspells: words of 7+ letters, same first letter; from 9 letters any two edits. */
function fuzzyFind(word: string, targets: readonly string[]): string | undefined {
  if (word.length < 7 || /(?:ed|ing|ly|en|ens)$/.test(word)) return undefined;
  for (const t of targets) {
    if (t.charCodeAt(0) !== word.charCodeAt(0) || Math.abs(t.length - word.length) > 2) continue;
    if (word.length >= 9 && t.length >= 9 ? editDistance(word, t, 2) <= 2 : nearMissShort(word, t)) return t;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Words: a sentence as lower-case word ids with their spans in the plain text.

interface Words {
  plain: string;
  /** Changes whenever the words are read again (see `factsOf`). */
  serial: number;
  /** Offset in `plain` of its first colon, -1 if none. */
  colon: number;
  /** The MARK bits of its words, or-ed. */
  marks: number;
  /** Number of words; the arrays below may be longer (they are reused). */
  n: number;
  id: Int32Array;
  /** Length of the word as read (contractions expanded: "n't" is "not"). */
  len: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when clause punctuation (, ; : ( ) — " …) stands between word k-1 and word k. */
  clauseBreak: Uint8Array;
  /** The words themselves, only when asked for (user phrases). */
  strings: string[] | undefined;
}

const PRONOUN_IS = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how', 'this']);
const CONTRACTED: Record<string, string> = { m: 'am', re: 'are', ve: 'have', ll: 'will', d: 'would' };
const NOT_BASE: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/** ASCII characters by class: letters in lower case, in upper case, digits, and 0 for the rest. */
const LOWER = 1, UPPER = 2, DIGIT = 3;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 97 && c <= 122 ? LOWER : c >= 65 && c <= 90 ? UPPER : c >= 48 && c <= 57 ? DIGIT : 0;
}

function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_CLASS[c] !== 0 : (c >= 0xc0 && c < 0x2000) || (c >= 0x3040 && c < 0xff00);
}

function isClausePunct(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x2014 || c === 0x2013
    || c === 0x201c || c === 0x201d || c === 46 || c === 63 || c === 33 || c === 0x2026;
}

/** Characters that need inline Markdown removed before words are read: links (`](`), HTML, entities
 *  and invisible characters; emphasis and code ticks are punctuation to the word reader and may stay. */
function isMarkup(c: number, next: number): boolean {
  return (c === 93 && next === 40) || c === 60 || c === 38 || (c >= 0x200b && c <= 0x206f) || c === 0xfeff;
}

function newWords(capacity: number): Words {
  return {
    plain: '', serial: 0, colon: -1, marks: 0, n: 0, id: new Int32Array(capacity), len: new Int32Array(capacity), start: new Int32Array(capacity),
    end: new Int32Array(capacity), clauseBreak: new Uint8Array(capacity), strings: undefined,
  };
}

function grow(words: Words): void {
  const size = words.id.length * 2;
  const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => { b.set(a); return b; };
  words.id = copy(words.id, new Int32Array(size));
  words.len = copy(words.len, new Int32Array(size));
  words.start = copy(words.start, new Int32Array(size));
  words.end = copy(words.end, new Int32Array(size));
  words.clauseBreak = copy(words.clauseBreak, new Uint8Array(size));
}

/** Appends a word to `out`. */
function pushWord(out: Words, id: number, len: number, s: number, e: number, clauseBreak: boolean, word: string | undefined): void {
  const k = out.n;
  out.marks |= vocabulary.marks[id];
  if (k === out.id.length) grow(out);
  out.id[k] = id; out.len[k] = len; out.start[k] = s; out.end[k] = e; out.clauseBreak[k] = clauseBreak ? 1 : 0;
  if (out.strings) out.strings.push(word ?? out.plain.slice(s, e).toLowerCase());
  out.n = k + 1;
}

/** Appends a word read as a string (not plain ASCII, or made by expanding a contraction). */
function pushString(out: Words, word: string, s: number, e: number, clauseBreak: boolean): void {
  let id = vocabulary.findWord(word);
  if (id === 0 && fuzzyCandidate(word)) id = vocabulary.add(word);
  pushWord(out, id, word.length, s, e, clauseBreak, word);
}

/** The lower-case text words are cut from when they are not plain ASCII. */
function lowerOf(plain: string): string {
  const lower = plain.toLowerCase();
  return lower.length !== plain.length ? plain : lower; // rare case-mapping that changes length: compare per word below
}

/** Readings so far: each gives its words a new `serial`. */
let wordsRead = 0;

/** Reads `plain` into `out` (reused): lower-case words, "cannot" and contractions expanded, "e.g."
 *  as one word; unknown long words learned with their noun check. With `stopAtMarkup`, returns false
 *  as soon as it meets inline Markdown that `plainText` must remove first (see isMarkup). Its
 *  characters are read from `codes` at `offset`, where `plain` stands (see codeUnits.ts); without
 *  them, they are copied there first. */
function readWords(plain: string, out: Words, stopAtMarkup = false, codes?: Uint16Array, offset = 0): boolean {
  const src = codes ?? sentenceCodes.of(plain);
  if (!codes) offset = 0;
  out.plain = plain;
  out.serial = ++wordsRead;
  out.colon = -1;
  out.marks = 0;
  out.n = 0;
  let lower: string | undefined; // made only for words that are not plain ASCII
  const n = plain.length;
  const end = offset + n;
  let i = 0;
  let pendingBreak = false;
  while (i < n) {
    const c = src[offset + i];
    if (c === 32) { i++; continue; }
    const cls = c < 128 ? ASCII_CLASS[c] : 0;
    if (cls === 0 && !(c >= 128 && isWordChar(c))) {
      const next = i + 1 < n ? src[offset + i + 1] : NaN;
      if (stopAtMarkup && isMarkup(c, next)) return false;
      if (c === 58 && out.colon < 0) out.colon = i;
      if (isClausePunct(c) && !(c === 46 && isWordChar(next))) pendingBreak = true;
      i++;
      continue;
    }
    const s = i;
    const brk = pendingBreak;
    pendingBreak = false;
    if (cls === LOWER || cls === UPPER) {
      // The common case, read in a tight loop: a word of ASCII letters, looked up without making a
      // string. A word that goes on with another word character or an apostrophe, or a letter
      // before a dot ("e.g."), is read again below, the general way.
      // Short words are found by their key; longer ones are hashed afterwards.
      const start = offset + i;
      const keyEnd = start + SHORT_WORD;
      let p = start;
      let key = 0;
      let d = c;
      for (;;) {
        if (p < keyEnd) key = key * 27 + ((d | 32) - 96);
        p++;
        if (p >= end) break;
        d = src[p];
        if (((d | 32) - 97) >>> 0 >= 26) break; // not an ASCII letter
      }
      const len = p - start;
      if (p >= end || !(isWordChar(d) || d === 39 || d === 0x2019 || (len === 1 && d === 46))) {
        i = s + len;
        let id: number;
        if (len <= SHORT_WORD) id = vocabulary.findShort(key);
        else {
          const h = hashOfCodes(src, start, p);
          id = vocabulary.find(src, start, p, h);
          if (id === 0 && FUZZY_INITIAL[src[start] | 32] === 1) id = vocabulary.add(plain.slice(s, i).toLowerCase(), h);
        }
        if (id === ID.cannot) { pushWord(out, ID.can, 3, s, i, brk, 'can'); pushWord(out, ID.not, 3, s, i, false, 'not'); continue; }
        pushWord(out, id, len, s, i, brk, undefined);
        continue;
      }
    }
    let apos = -1;
    let ascii = true;
    let h = FNV_OFFSET;
    // The short key of the word while it is letters only (see shortKeyOf); -1 once it is not.
    let key = 0;
    while (i < n) {
      let d = src[offset + i];
      const dc = d < 128 ? ASCII_CLASS[d] : 0;
      if (dc === LOWER || dc === UPPER) {
        d |= 32; // lower case
        h = Math.imul(h ^ d, FNV_PRIME);
        if (key >= 0) key = key < SHORT_KEY_FULL ? key * 27 + (d - 96) : -1;
        i++;
      } else if (dc === DIGIT) {
        h = Math.imul(h ^ d, FNV_PRIME);
        key = -1;
        i++;
      } else if (d >= 128 && isWordChar(d)) {
        ascii = false;
        if (stopAtMarkup && d === 0xfeff) return false;
        i++;
      } else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordChar(src[offset + i + 1])) {
        if (apos < 0) apos = i - s; // a curly apostrophe too leaves the word ASCII enough to lower-case alone
        i++;
      }
      else break;
    }
    // "e.g." and "i.e." read as one word.
    if (i - s === 1 && i + 2 < n && src[offset + i] === 46 && isWordChar(src[offset + i + 1])
      && src[offset + i + 2] === 46 && !(i + 3 < n && isWordChar(src[offset + i + 3]))) {
      const a = src[offset + s];
      const b = src[offset + i + 1];
      let word: string;
      if (a < 128 && b < 128) word = String.fromCharCode(a >= 65 && a <= 90 ? a + 32 : a, b >= 65 && b <= 90 ? b + 32 : b);
      else {
        lower ??= lowerOf(plain);
        word = (lower[s] + lower[i + 1]).toLowerCase();
      }
      pushString(out, word, s, i + 3, brk);
      i += 3;
      continue;
    }
    if (ascii && apos < 0) {
      // A plain ASCII word with digits (or a letter before a dot), looked up without making a string.
      let id = key > 0 ? vocabulary.findShort(key) : vocabulary.find(src, offset + s, offset + i, h);
      if (id === ID.cannot) { pushWord(out, ID.can, 3, s, i, brk, 'can'); pushWord(out, ID.not, 3, s, i, false, 'not'); continue; }
      if (id === 0 && i - s >= 7) {
        let c0 = src[offset + s];
        if (c0 <= 90 && c0 >= 65) c0 += 32;
        if (FUZZY_INITIALS.has(c0)) id = vocabulary.add(plain.slice(s, i).toLowerCase(), h);
      }
      pushWord(out, id, i - s, s, i, brk, undefined);
      continue;
    }
    let word: string;
    // An ASCII word (apostrophes included) lower-cases alone as it does in the whole text; others
    // are cut from the lower-case text.
    if (ascii) word = plain.slice(s, i).toLowerCase();
    else {
      lower ??= lowerOf(plain);
      word = lower === plain ? plain.slice(s, i).toLowerCase() : lower.slice(s, i);
    }
    if (apos < 0) {
      if (word === 'cannot') { pushString(out, 'can', s, i, brk); pushString(out, 'not', s, i, false); } else pushString(out, word, s, i, brk);
      continue;
    }
    if (word.charCodeAt(apos) === 0x2019) word = word.replace(/\u2019/g, "'");
    const base = word.slice(0, apos);
    const tail = word.slice(apos + 1);
    if (tail === 't' && base.endsWith('n')) {
      const stem = base.slice(0, -1);
      pushString(out, NOT_BASE[stem] ?? stem, s, i, brk); pushString(out, 'not', s, i, false);
    } else if (tail === 's') {
      pushString(out, base, s, i, brk);
      if (PRONOUN_IS.has(base)) pushString(out, 'is', s, i, false);
    } else if (Object.hasOwn(CONTRACTED, tail)) {
      pushString(out, base, s, i, brk); pushString(out, CONTRACTED[tail], s, i, false);
    } else {
      pushString(out, base, s, i, brk);
    }
  }
  return true;
}

/** The flags of word k (none outside the sentence). */
function flagsAt(words: Words, k: number): number {
  return k >= 0 && k < words.n ? vocabulary.flags[words.id[k]] : 0;
}

/** The id of word k (0 outside the sentence). */
function idAt(words: Words, k: number): number {
  return k >= 0 && k < words.n ? words.id[k] : 0;
}

function nounAt(words: Words, k: number): NounInfo | undefined {
  return vocabulary.nouns[words.id[k]];
}

// ---------------------------------------------------------------------------------------------
// Phrases: compiled once from the lexicon's little syntax, all categories in one table indexed by
// first word id, so a sentence is scanned once.

/** A set of word ids, as bits (ids are small integers): a test is two loads, no hashing. */
type IdSet = Uint32Array;

function idSetOf(ids: Iterable<number>): IdSet {
  let max = 0;
  for (const id of ids) max = Math.max(max, id);
  const set = new Uint32Array((max >>> 5) + 1);
  for (const id of ids) set[id >>> 5] |= 1 << (id & 31);
  return set;
}

/** Whether `id` (or -1, no word) is in the set. */
function inSet(set: IdSet, id: number): boolean {
  const w = id >>> 5;
  return w < set.length && (set[w] & (1 << (id & 31))) !== 0;
}

interface Slot { readonly alts: IdSet | null; readonly optional: boolean }
interface Phrase {
  readonly slots: readonly Slot[];
  readonly cat: number;
  /** The words the second slot allows when it must be filled by one of them: a quick test before matching. */
  readonly second: IdSet | null;
}
/** The phrases that start with one word. */
interface FirstWord {
  readonly phrases: Phrase[];
  /** Every word their second slots allow, or null when one of them does not need a particular
   *  second word: when the next word is not among them, none of the phrases can match. */
  seconds: IdSet | null;
  /** The same, as the phrases are added. */
  secondIds: Set<number> | null;
}
/** Phrases by the id of their first word. */
type PhraseTable = readonly (FirstWord | undefined)[];

function addPhrases(table: (FirstWord | undefined)[], phrases: readonly string[], cat: number): void {
  for (const p of phrases) {
    const alternatives = p.trim().split(/\s+/).map((tok) => {
      const optional = tok.endsWith('?');
      const body = optional ? tok.slice(0, -1) : tok;
      return { ids: body === '*' ? null : body.split('|').map((a) => vocabulary.add(a)), optional };
    });
    const slots: Slot[] = alternatives.map(({ ids, optional }) => ({ alts: ids && idSetOf(ids), optional }));
    const first = alternatives[0];
    if (!first || first.optional || !first.ids) throw new Error(`cue phrase must start with a word: ${p}`);
    if (cat >= CATEGORY_LIMIT) throw new Error(`too many phrase categories: ${cat}`);
    const next = alternatives[1];
    const secondIds = next && !next.optional ? next.ids : null;
    const second = secondIds && idSetOf(secondIds);
    for (const a of new Set(first.ids)) {
      const entry = table[a] ??= { phrases: [], seconds: idSetOf([]), secondIds: new Set() };
      entry.phrases.push({ slots, cat, second });
      if (secondIds === null) entry.secondIds = null;
      else if (entry.secondIds) for (const w of secondIds) entry.secondIds.add(w);
      entry.seconds = entry.secondIds && idSetOf(entry.secondIds);
    }
  }
}

/** End (exclusive word index) of the longest match of slots[k..] at word i, or -1. */
function matchSlots(words: Words, slots: readonly Slot[], k: number, i: number): number {
  if (k === slots.length) return i;
  const slot = slots[k];
  let best = -1;
  if (i < words.n && (slot.alts === null || inSet(slot.alts, words.id[i]))) best = matchSlots(words, slots, k + 1, i + 1);
  if (slot.optional) best = Math.max(best, matchSlots(words, slots, k + 1, i));
  return best;
}

/** A phrase's match: category and word span (mutable: see scanPhrases). */
interface CatHit { cat: number; from: number; to: number }

/** Phrase categories are small numbers (CAT below, or a critique kind's index for user phrases). */
const CATEGORY_LIMIT = 16;
/** scanPhrases' latest hit of each category (reused). */
const latestHit = new Int32Array(CATEGORY_LIMIT);

/** Every match of the table's phrases, left to right, longest at each start, not overlapping
 *  within a category. Sentences hold few hits, so one flat list serves every category: they are
 *  written to `hits` from index 0 on (a list reused from sentence to sentence, never shrunk), and
 *  their number is returned. */
function scanPhrases(words: Words, table: PhraseTable, hits: CatHit[]): number {
  let count = 0;
  // A category's hits do not overlap and come in order: only its latest hit can cover word i or
  // start at it, so a sentence of thousands of hits stays linear.
  const latest = latestHit;
  for (let c = 0; c < CATEGORY_LIMIT; c++) latest[c] = -1;
  for (let i = 0; i < words.n; i++) {
    const entry = table[words.id[i]];
    if (!entry) continue;
    const next = i + 1 < words.n ? words.id[i + 1] : -1;
    if (entry.seconds !== null && !inSet(entry.seconds, next)) continue;
    for (const p of entry.phrases) {
      if (p.second !== null && !inSet(p.second, next)) continue;
      const last = latest[p.cat];
      const h = last < 0 ? undefined : hits[last];
      if (h && h.to > i && h.from < i) continue;
      const end = matchSlots(words, p.slots, 1, i + 1);
      if (end <= i) continue;
      if (h && h.from === i) { if (end > h.to) h.to = end; continue; }
      latest[p.cat] = count;
      // The list's hit objects are reused too: a hit lives as long as its sentence's analysis.
      const slot = hits[count];
      if (slot) { slot.cat = p.cat; slot.from = i; slot.to = end; } else hits[count] = { cat: p.cat, from: i, to: end };
      count++;
    }
  }
  return count;
}

/** The sentence's first hit of a category. */
function firstOf(s: Scanned, cat: number): CatHit | undefined {
  for (let k = 0; k < s.hitCount; k++) if (s.hits[k].cat === cat) return s.hits[k];
  return undefined;
}

/** Text as written, emphasis and code ticks left out (they may be unpaired in a fragment). */
function unmark(text: string): string {
  return text.replace(/[*`~]|(?<!\w)_|_(?!\w)/g, '').trim();
}

/** Words [from, to) as written. */
function spanText(words: Words, from: number, to: number): string {
  return unmark(words.plain.slice(words.start[from], words.end[to - 1]));
}

/** Phrase categories of the built-in lexicon. */
const CAT = {
  weakness: 0, strength: 1, omission: 2, question: 3, questionOpener: 4, idea: 5, opinion: 6, enumeration: 7,
  elaboration: 8, hedge: 9, contrast: 10, prior: 11, idiom: 12,
} as const;

const vocabulary = new Vocabulary();

/** Gives the words of `list` the flag `flag`. */
function flagWords(list: readonly string[], flag: number): void {
  for (const word of list) vocabulary.flags[vocabulary.add(word)] |= flag;
}

flagWords(cues.MILD_WEAKNESS_WORDS, F.mildWeak);
flagWords(cues.MILD_STRENGTH_WORDS, F.mildStrong);
flagWords(cues.NEGATORS, F.negator);
flagWords(cues.PRAISE_LIMITERS, F.limiter);
flagWords(cues.REPORTING_VERBS, F.reporting);
flagWords(cues.SOLVING_VERBS, F.solving);
flagWords(cues.COMPARISON_WORDS, F.comparison);
flagWords(cues.ANNOUNCING_QUANTIFIERS, F.quantifier);
flagWords(cues.AUTHOR_OMISSION_VERBS, F.authorVerb);
flagWords(cues.AUTHOR_SUBJECTS, F.authorSubject);
flagWords(cues.SOFT_WEAKNESS_NOUNS, F.soft);
flagWords(['i', 'my', 'me', 'mine', 'myself'], F.firstPerson);
flagWords(['they', 'authors', 'paper', 'we', 'he', 'she'], F.reporter);
flagWords(['but', 'however', 'although', 'though', 'while', 'whereas', 'yet', 'so', 'because'], F.clauseWord);
flagWords(['but', 'however', 'although', 'though', 'yet'], F.turnWord);
flagWords(['are', 'were', 'include', 'included', 'lie', 'being'], F.copula);
flagWords(['this', 'the', 'its', 'their', 'his', 'her', 'our'], F.definite);
/** Words right before a critique noun that make it a judgement ("one benefit", "the largest weakness"). */
flagWords(['one', 'a', 'an', 'another', 'the', 'main', 'big', 'biggest', 'largest', 'greatest', 'key',
  'major', 'huge', 'clear', 'nice', 'added', 'additional', 'great', 'its', 'their', 'his', 'her', 'this', 'that',
  'obvious', 'real', 'only', 'further', 'extra', 'important', 'other', 'significant', 'distinct', 'practical',
  'primary', 'serious', 'minor', 'small', 'slight', 'potential', 'possible', 'notable', 'fundamental', 'first',
  'second', 'third', 'final', 'last', 'biggest', 'glaring', 'obvious'], F.determiner);
flagWords(['of', 'is', 'was', 'are', 'were', 'here', 'being', 'that', 'over', 'for', 'in', 'to',
  'with', 'compared', 'i', 'would', 'will'], F.afterStrengthNoun);
/** Every word of the heading lexicon: a label needs one of them (or a long word, maybe misspelt). */
flagWords(Object.values(cues.HEADING_WORDS).flatMap((list) => list.flatMap((e) => e.split(' '))), F.headingWord);
for (const n of NOUNS.keys()) vocabulary.add(n);

/** Words the rules name one by one. */
const ID = {
  not: vocabulary.add('not'), never: vocabulary.add('never'), only: vocabulary.add('only'), my: vocabulary.add('my'),
  the: vocabulary.add('the'), of: vocabulary.add('of'), in: vocabulary.add('in'), with: vocabulary.add('with'),
  authors: vocabulary.add('authors'), cannot: vocabulary.add('cannot'), can: vocabulary.add('can'),
} as const;
vocabulary.marks[ID.not] |= MARK.negation;
vocabulary.marks[ID.never] |= MARK.negation;
for (const w of cues.SOFT_WEAKNESS_NOUNS) vocabulary.marks[vocabulary.add(w)] |= MARK.nounish;

const LEXICON: PhraseTable = (() => {
  const table: (FirstWord | undefined)[] = [];
  addPhrases(table, cues.WEAKNESS_PHRASES, CAT.weakness);
  addPhrases(table, cues.STRENGTH_PHRASES, CAT.strength);
  addPhrases(table, cues.OMISSION_PHRASES, CAT.omission);
  addPhrases(table, cues.QUESTION_PHRASES, CAT.question);
  addPhrases(table, cues.QUESTION_OPENERS, CAT.questionOpener);
  addPhrases(table, cues.IDEA_PHRASES, CAT.idea);
  addPhrases(table, cues.OPINION_MARKERS, CAT.opinion);
  addPhrases(table, cues.ENUMERATION_MARKERS, CAT.enumeration);
  addPhrases(table, cues.ELABORATION_MARKERS, CAT.elaboration);
  addPhrases(table, cues.HEDGES, CAT.hedge);
  addPhrases(table, cues.CONTRAST_MARKERS, CAT.contrast);
  addPhrases(table, cues.PRIOR_WORK_PHRASES, CAT.prior);
  addPhrases(table, cues.IDIOMS, CAT.idiom);
  return table;
})();
vocabulary.seal();

/** The words of the sentence being classified (one at a time: the arrays are reused). */
const sentenceWords = newWords(64);
/** The code units of a sentence read from its own string. */
const sentenceCodes = new CodeUnits(1024, 1 << 16);
/** Its hits of the lexicon's phrases and of the user's (reused, see scanPhrases). */
const lexiconHits: CatHit[] = [];
const userHits: CatHit[] = [];

// ---------------------------------------------------------------------------------------------
// Context tests around a cue at word index `at`.

/** A sentence ready for the rules: its words and the lexicon's phrase hits by category. */
interface Scanned extends Words {
  /** The lexicon's hits: the first `hitCount` of them (see scanPhrases). */
  readonly hits: readonly CatHit[];
  readonly hitCount: number;
}

/** Start of the clause that contains word `at` (at most 10 words back). */
function clauseStart(words: Words, at: number): number {
  let k = at;
  while (k > 0 && at - k < 10 && !words.clauseBreak[k] && !(vocabulary.flags[words.id[k - 1]] & F.clauseWord)) k--;
  return k;
}

/** A word of class `flag` earlier in the clause of word `at` ("not only" is no negation). */
function inClauseBefore(words: Words, at: number, flag: number): boolean {
  for (let k = clauseStart(words, at); k < at; k++) {
    if (vocabulary.flags[words.id[k]] & flag && !(words.id[k] === ID.not && idAt(words, k + 1) === ID.only)) return true;
  }
  return false;
}

/** What the context tests below need of a whole sentence, computed once per sentence (when a test
 *  first asks): asked once per cue, a per-call scan of the sentence would make a sentence of
 *  thousands of cues quadratic. One sentence is classified at a time, so one record serves. */
interface SentenceFacts {
  /** The `serial` of the words the facts were computed for. */
  serial: number;
  /** The first word a reporting verb after a reporter ("they argue") stands at; n when none. */
  firstReport: number;
  /** The start of the first prior-work mention not after a comparison word; n when none. */
  firstPrior: number;
  /** Prior-work mentions by start word (read only when `anyPrior`). */
  priorAt: Uint8Array;
  anyPrior: boolean;
  /** Words inside an idiom (read only when `anyIdiom`). */
  inIdiom: Uint8Array;
  anyIdiom: boolean;
}

const facts: SentenceFacts = {
  serial: -1, firstReport: 0, firstPrior: 0, priorAt: new Uint8Array(64), anyPrior: false, inIdiom: new Uint8Array(64), anyIdiom: false,
};

function factsOf(s: Scanned): SentenceFacts {
  if (facts.serial === s.serial) return facts;
  facts.serial = s.serial;
  let firstReport = s.n;
  for (let k = 1; k < s.n && firstReport === s.n; k++) {
    if (!(vocabulary.flags[s.id[k]] & F.reporting)) continue;
    for (let j = Math.max(0, k - 3); j < k; j++) if (vocabulary.flags[s.id[j]] & F.reporter) { firstReport = k; break; }
  }
  let firstPrior = s.n;
  facts.anyPrior = false;
  facts.anyIdiom = false;
  // Most sentences have neither: the arrays are cleared only for those that do.
  for (let k = 0; k < s.hitCount; k++) {
    const p = s.hits[k];
    if (p.cat === CAT.idiom) {
      if (!facts.anyIdiom) facts.inIdiom = cleared(facts.inIdiom, s.n + 1);
      facts.anyIdiom = true;
      facts.inIdiom.fill(1, p.from, p.to);
    }
    if (p.cat !== CAT.prior) continue;
    if (!facts.anyPrior) facts.priorAt = cleared(facts.priorAt, s.n + 1);
    facts.anyPrior = true;
    facts.priorAt[p.from] = 1;
    let compared = false;
    for (let k = Math.max(0, p.from - 3); k < p.from; k++) if (vocabulary.flags[s.id[k]] & F.comparison) compared = true;
    if (!compared && p.from < firstPrior) firstPrior = p.from;
  }
  facts.firstReport = firstReport;
  facts.firstPrior = firstPrior;
  return facts;
}

/** `a` zeroed over its first `n` entries, or a new zeroed array when it is shorter. */
function cleared(a: Uint8Array, n: number): Uint8Array {
  if (a.length < n) return new Uint8Array(Math.max(n, a.length * 2));
  a.fill(0, 0, n);
  return a;
}

/** A mention of other people's work as the subject, before the cue (words [from, to)) or right after it ("of previous methods"). */
function aboutPriorWork(s: Scanned, from: number, to: number): boolean {
  const f = factsOf(s);
  if (f.firstPrior < from) return true;
  const link = idAt(s, to);
  if (link !== ID.of && link !== ID.in && link !== ID.with) return false;
  if (!f.anyPrior) return false;
  for (let k = to; k <= to + 2 && k < s.n; k++) if (f.priorAt[k]) return true;
  return false;
}

/** "The authors argue that …", "They found that …": the cue reports the paper's own claim. */
function reported(s: Scanned, at: number): boolean {
  return factsOf(s).firstReport < at;
}

/** Word `at` stands inside an idiom ("works like a charm" is not praise of the paper). */
function inIdiom(s: Scanned, at: number): boolean {
  const f = factsOf(s);
  return f.anyIdiom && f.inIdiom[at] === 1;
}

// ---------------------------------------------------------------------------------------------
// One sentence on its own.

interface OwnCue {
  readonly kind: CritiqueKind;
  readonly cue: string;
  /** Opens an enumeration of strengths or weaknesses. */
  readonly announces?: boolean;
}

interface Analysis {
  readonly own?: OwnCue;
  /** A critique cue that is negated or minimised: the sentence concedes a point. */
  readonly concedes: boolean;
  readonly opinion: boolean;
  readonly opensWith: 'enumeration' | 'elaboration' | 'contrast' | undefined;
  readonly hedged: boolean;
  readonly endsWithColon: boolean;
  readonly plain: string;
}

interface Candidate {
  kind: 'weakness' | 'strength';
  cue: string;
  at: number;
  rank: number;
  announces?: boolean;
}

/** The last character of the plain text before trailing quotes, brackets, emphasis and spaces (0 if none). */
function lastCharOf(plain: string): number {
  let e = plain.length;
  while (e > 0 && isTrailing(plain.charCodeAt(e - 1))) e--;
  return e > 0 ? plain.charCodeAt(e - 1) : 0;
}

/** Space, tab, line feed, quotes, closing brackets and emphasis: " ' ” ’ ) ] * _ */
function isTrailing(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93
    || c === 42 || c === 95;
}

/** The analysis of a sentence, read from `codes` at `offset` where it stands verbatim, if given (see readWords). */
function analyse(text: string, user: UserCues | undefined, codes?: Uint16Array, offset = 0): Analysis {
  const s = sentenceWords as Words & { hits: CatHit[]; hitCount: number };
  if (!readWords(text, s, true, codes, offset)) readWords(plainText(text), s);
  const { plain } = s;
  s.hits = lexiconHits;
  s.hitCount = scanPhrases(s, LEXICON, lexiconHits);
  const last = lastCharOf(plain);
  const endsWithColon = last === 58;
  let opensWith: Analysis['opensWith'];
  let opinion = false;
  let hedged = false;
  let contrast = false;
  let enumeration = false;
  let elaboration = false;
  for (let k = 0; k < s.hitCount; k++) {
    const h = s.hits[k];
    if (h.cat === CAT.opinion) opinion = true;
    else if (h.cat === CAT.hedge) hedged = true;
    else if (h.from === 0) {
      if (h.cat === CAT.contrast) contrast = true;
      else if (h.cat === CAT.enumeration) enumeration = true;
      else if (h.cat === CAT.elaboration) elaboration = true;
    }
  }
  if (contrast) opensWith = 'contrast';
  else if (enumeration) opensWith = 'enumeration';
  else if (elaboration) opensWith = 'elaboration';
  const own = decideOwn(s, last === 63, endsWithColon, user);
  if (own) return { own, concedes: pool.concedes, opinion, opensWith, hedged, endsWithColon, plain };
  // Without a cue of its own a sentence is one of few readings: those are shared.
  const key = (pool.concedes ? 1 : 0) | (opinion ? 2 : 0) | (hedged ? 4 : 0) | (endsWithColon ? 8 : 0)
    | (opensWith === 'contrast' ? 16 : opensWith === 'enumeration' ? 32 : opensWith === 'elaboration' ? 48 : 0);
  return CUELESS[key] ??= Object.freeze({ concedes: pool.concedes, opinion, opensWith, hedged, endsWithColon, plain: '' });
}

/** Analyses of sentences without a cue of their own, by their flags (see `analyse`); their `plain`
 *  is '' (only a sentence with a cue is quoted as the anchor of a run). */
const CUELESS: (Analysis | undefined)[] = [];

/** A leading label ("Downside: …", "Open question: …", "Advantages:") that names a critique role. */
function labelCue(s: Scanned): OwnCue | undefined {
  const colon = s.colon;
  if (colon <= 0 || colon > 40) return undefined;
  let n = 0;
  while (n < s.n && s.end[n] <= colon) n++;
  if (n === 0 || n > 4) return undefined;
  let candidate = false;
  for (let k = 0; k < n; k++) if (vocabulary.flags[s.id[k]] & F.headingWord || s.len[k] >= 7) candidate = true;
  if (!candidate) return undefined;
  const label = unmark(plainText(s.plain.slice(0, colon)));
  const role = sectionRoleOfHeading(label);
  if (role !== 'strength' && role !== 'weakness' && role !== 'question' && role !== 'idea') return undefined;
  const empty = n === s.n;
  return { kind: role, cue: `${label}:`, announces: empty && (role === 'strength' || role === 'weakness') };
}

/** Collects strength and weakness candidates of a sentence, as `decideOwn` admits them. One
 *  sentence is decided at a time: the pool is reused. */
class CandidatePool {
  readonly found: Candidate[] = [];
  concedes = false;
  private s: Scanned = sentenceWords as Scanned;

  reset(s: Scanned): void {
    this.s = s;
    if (this.found.length > 0) this.found.length = 0;
    this.concedes = false;
  }

  /** Whether a candidate of this kind at words [from, to) counts (notes a concession when a negated weakness). */
  admits(kind: 'weakness' | 'strength', from: number, to: number, negatable: boolean, solved = false): boolean {
    const { s } = this;
    if (negatable && inClauseBefore(s, from, F.negator)) { if (kind === 'weakness') this.concedes = true; return false; }
    if (kind === 'strength' && inClauseBefore(s, from, F.limiter)) return false;
    // "solves one of my issues with the previous paper": the prior work owns the issue, not the praise.
    return solved || !aboutPriorWork(s, from, to);
  }
}

const pool = new CandidatePool();

/** The sentence's own cue, if any; `pool.concedes` tells whether it concedes a point. */
function decideOwn(s: Scanned, asks: boolean, endsWithColon: boolean, user: UserCues | undefined): OwnCue | undefined {
  const { hits, hitCount } = s;
  pool.reset(s);
  // 1. The user's phrases.
  if (user && scanPhrases(s, user.table, userHits) > 0) {
    const first = userHits[0];
    return { kind: CRITIQUE_KINDS[first.cat], cue: `${spanText(s, first.from, first.to)} (your cue)` };
  }
  // 2. A label.
  const label = labelCue(s);
  if (label) return label;
  // 3. Questions and ideas.
  let q = firstOf(s, CAT.question);
  if (!q) for (let k = 0; k < hitCount; k++) if (hits[k].cat === CAT.questionOpener && hits[k].from === 0) { q = hits[k]; break; }
  if (q) return { kind: 'question', cue: spanText(s, q.from, q.to) };
  if (asks) {
    for (let k = 0; k < s.n; k++) {
      if (vocabulary.flags[s.id[k]] & F.firstPerson || s.id[k] === ID.authors) {
        return { kind: 'question', cue: 'question in the first person' };
      }
    }
  }
  const idea = firstOf(s, CAT.idea);
  if (idea) return { kind: 'idea', cue: spanText(s, idea.from, idea.to) };

  // 4. Strengths and weaknesses: collect candidates, then choose.
  for (let k = 0; k < hitCount; k++) {
    const h = hits[k];
    if (h.cat === CAT.omission && pool.admits('weakness', h.from, h.to, false)) pool.found.push({ kind: 'weakness', cue: spanText(s, h.from, h.to), at: h.from, rank: 2 });
  }
  authorOmission(s);
  nouns(s, endsWithColon);

  const opinion = firstOf(s, CAT.opinion);
  if (opinion) {
    const ev = evaluationAfter(s, opinion.to);
    if (ev && pool.admits(ev.kind, ev.at, ev.at + 1, true)) {
      pool.found.push({ kind: ev.kind, cue: `${spanText(s, opinion.from, opinion.to)} … ${spanText(s, ev.at, ev.at + 1)}`, at: opinion.from, rank: 1 });
    }
  }
  phraseCandidates(s, 'weakness', CAT.weakness);
  phraseCandidates(s, 'strength', CAT.strength);
  return pool.found.length === 0 ? undefined : choose(s, pool.found);
}

/** Praise and criticism phrases, unless they report the paper's claims (or are idioms, for praise). */
function phraseCandidates(s: Scanned, kind: 'weakness' | 'strength', cat: number): void {
  for (let k = 0; k < s.hitCount; k++) {
    const h = s.hits[k];
    if (h.cat !== cat) continue;
    if (reported(s, h.from)) continue;
    if (kind === 'strength' && inIdiom(s, h.from)) continue;
    if (pool.admits(kind, h.from, h.to, true)) pool.found.push({ kind, cue: spanText(s, h.from, h.to), at: h.from, rank: 3 });
  }
}

/** The main verdict among candidates: an announcement, then a first-person judgement, then the cue
 *  in the clause after the last "but"/"however" when cues disagree, else the strongest, first cue. */
function choose(words: Words, found: Candidate[]): OwnCue {
  const ann = found.find((c) => c.announces);
  if (ann) return { kind: ann.kind, cue: ann.cue, announces: true };
  let pool = found;
  if (found.some((c) => c.kind !== found[0].kind)) {
    let turn = -1;
    for (let k = 0; k < words.n; k++) if (vocabulary.flags[words.id[k]] & F.turnWord) turn = k;
    const after = found.filter((c) => c.at > turn);
    if (turn >= 0 && after.length > 0 && after.every((c) => c.kind === after[0].kind)) pool = after;
  }
  // The first of the lowest rank and earliest word (what a stable sort by rank, then word, puts first).
  let best = pool[0];
  for (const c of pool) if (c.rank < best.rank || (c.rank === best.rank && c.at < best.at)) best = c;
  return { kind: best.kind, cue: best.cue };
}

/** "they do not evaluate on …": a negated verb of AUTHOR_OMISSION_VERBS after the paper or authors. */
function authorOmission(s: Scanned): void {
  if (!(s.marks & MARK.negation)) return;
  for (let k = 1; k < s.n; k++) {
    if (s.id[k] !== ID.not && s.id[k] !== ID.never) continue;
    const v = flagsAt(s, k + 1) & F.authorVerb ? k + 1 : flagsAt(s, k + 2) & F.authorVerb ? k + 2 : -1;
    if (v < 0) continue;
    let subject = false;
    for (let j = Math.max(0, k - 4); j < k; j++) if (vocabulary.flags[s.id[j]] & F.authorSubject) subject = true;
    if (!subject) continue;
    const from = Math.max(0, k - 1);
    if (pool.admits('weakness', from, v + 1, false)) pool.found.push({ kind: 'weakness', cue: spanText(s, from, v + 1), at: from, rank: 2 });
  }
}

/** Critique nouns: announcements ("a few weaknesses"), judgements ("one benefit of", "a weakness is"),
 *  and owned issues solved ("this solves one of my issues" is praise). */
function nouns(s: Scanned, endsWithColon: boolean): void {
  if (!(s.marks & MARK.nounish)) return;
  const { flags } = vocabulary;
  for (let k = 0; k < s.n; k++) {
    const soft = (flags[s.id[k]] & F.soft) !== 0;
    const info = soft ? undefined : nounAt(s, k);
    if (!info && !soft) continue;
    const clause = clauseStart(s, k);
    // Solved: the paper fixes a problem. Praise if the problem was the writer's, else description.
    let solver = -1;
    for (let j = Math.max(clause, k - 5); j < k; j++) if (flags[s.id[j]] & F.solving) solver = j;
    if (solver >= 0) {
      let mine = false;
      for (let j = solver; j < k; j++) if (s.id[j] === ID.my) mine = true;
      if (mine && pool.admits('strength', solver, k + 1, true, true)) {
        const word = vocabulary.words[s.id[k]];
        pool.found.push({ kind: 'strength', cue: `${spanText(s, solver, solver + 1)} … my ${word}`, at: solver, rank: 2 });
      }
      continue;
    }
    if (reported(s, k)) continue;
    if (soft) {
      if ((idAt(s, k - 1) === ID.my || idAt(s, k - 2) === ID.my) && pool.admits('weakness', k, k + 1, true)) {
        pool.found.push({ kind: 'weakness', cue: `my ${vocabulary.words[s.id[k]]}`, at: k, rank: 3 });
      }
      continue;
    }
    let quantified = false;
    for (let j = Math.max(clause, k - 3); j < k; j++) if (flags[s.id[j]] & F.quantifier) quantified = true;
    if (info!.plural && (quantified || (endsWithColon && k >= s.n - 4))) {
      if (pool.admits(info!.kind, k, k + 1, true)) pool.found.push({ kind: info!.kind, cue: `${nounName(s, k, info!)} (announcement)`, at: k, announces: true, rank: 0 });
      continue;
    }
    if (k > 0 && !(flags[s.id[k - 1]] & F.determiner)) continue;
    // "the strengths of each model" names a topic; "the strengths of this paper" judges it.
    if (info!.plural && idAt(s, k - 1) === ID.the && !(flagsAt(s, k + 1) & F.copula || (idAt(s, k + 1) === ID.of && flagsAt(s, k + 2) & F.definite))) continue;
    if (info!.kind === 'strength' && k + 1 < s.n && !(flags[s.id[k + 1]] & F.afterStrengthNoun) && !s.clauseBreak[k + 1]) continue;
    if (pool.admits(info!.kind, k, k + 1, true)) pool.found.push({ kind: info!.kind, cue: nounName(s, k, info!), at: k, rank: 2 });
  }
}

/** A critique noun as a cue: its canonical form, with the word as written when misspelt. */
function nounName(s: Scanned, k: number, info: NounInfo): string {
  return info.canonical === vocabulary.words[s.id[k]] ? info.canonical : `${info.canonical} ("${spanText(s, k, k + 1)}")`;
}

/** The first evaluative word after an opinion marker: a critique noun or a mild judgement word. */
function evaluationAfter(s: Scanned, from: number): { kind: 'weakness' | 'strength'; at: number } | undefined {
  for (let k = from; k < s.n; k++) {
    const info = nounAt(s, k);
    if (info) return { kind: info.kind, at: k };
    const f = vocabulary.flags[s.id[k]];
    if (f & (F.soft | F.mildWeak)) return { kind: 'weakness', at: k };
    if (f & F.mildStrong && !inIdiom(s, k)) return { kind: 'strength', at: k };
  }
  return undefined;
}

function excerptOf(plain: string): string {
  if (plain.length <= 48) return plain;
  const cut = plain.lastIndexOf(' ', 44);
  return `${plain.slice(0, cut > 20 ? cut : 44)}…`;
}

// ---------------------------------------------------------------------------------------------
// Sentences in context.

/** User phrases, one category per critique kind (index in CRITIQUE_KINDS). */
interface UserCues { readonly table: PhraseTable; readonly epoch: number }
const userCache = new WeakMap<object, UserCues | null>();

function compileUserCues(raw: CueOptions['cues']): UserCues | undefined {
  if (!raw) return undefined;
  const cached = userCache.get(raw);
  if (cached !== undefined && (cached === null || cached.epoch === vocabulary.epoch)) return cached ?? undefined;
  const table: (FirstWord | undefined)[] = [];
  let any = false;
  CRITIQUE_KINDS.forEach((kind, cat) => {
    // Each user phrase is read as literal words, contractions expanded like the text's.
    const phrases = (raw[kind] ?? []).map((p) => {
      const words = newWords(8);
      words.strings = [];
      readWords(p, words);
      return words.strings!.join(' ');
    }).filter((p) => p.length > 0);
    if (phrases.length) any = true;
    addPhrases(table, phrases, cat);
  });
  const out = any ? { table, epoch: vocabulary.epoch } : null;
  userCache.set(raw, out);
  return out ?? undefined;
}

interface Run {
  readonly kind: 'weakness' | 'strength';
  /** An enumeration lasts to the block's end; a judgement only through elaborations. */
  readonly type: 'enumeration' | 'judgement';
  /** The cue of the sentences it carries to: "carry-over from: " and an excerpt of its anchor. */
  readonly cue: string;
}

function carryCue(anchor: string): string {
  return `carry-over from: ${excerptOf(anchor)}`;
}

/**
 * Classifies prose sentences, given in document order with their block (paragraph) ids.
 * Returns one verdict per input, in the same order.
 */
export function classifyProse(sentences: readonly ProseInput[], options: CueOptions = {}): ProseVerdict[] {
  const out: ProseVerdict[] = new Array(sentences.length);
  classifySentences(sentences, (k) => sentences[k].block, options, (k, kind, cue) => { out[k] = { kind, cue }; });
  return out;
}

/** What `classifySentences` reads of a sentence. */
export type ProseSentence = Omit<ProseInput, 'block'>;

/** The code units of a text that holds the sentences (see codeUnits.ts): a sentence is read where
 *  it stands verbatim, rather than copied first. */
export interface ProseSource {
  readonly codes: Uint16Array;
  /** Where sentence k stands verbatim in `codes`, or -1 when it does not (its text was folded). */
  offsetOf(k: number): number;
  /** How sentence k reads on its own, when the caller knows it (the sentence is unchanged since an
   *  earlier classification); the classifier fills in every entry it reads. */
  readonly readings?: (SentenceReading | undefined)[];
}

/** How a sentence reads on its own, before the rules that join sentences (opaque to callers). */
export type SentenceReading = Analysis;

/**
 * `classifyProse` for callers that keep sentences in records of their own: `blockOf(k)` is the
 * block id of sentence k, or undefined for a sentence to leave out (asked before its verdict, if
 * any), and each verdict is handed to `verdict` rather than returned.
 */
export function classifySentences(
  sentences: readonly ProseSentence[], blockOf: (k: number) => number | undefined, options: CueOptions,
  verdict: (k: number, kind: SentenceKind, cue: string) => void, source?: ProseSource,
): void {
  const classifier = new ProseClassifier(sentences, blockOf, options, verdict, source);
  classifier.classify(0, sentences.length);
  classifier.end();
}

/**
 * `classifySentences` a few blocks at a time, for a caller that collects sentences block by block
 * and classifies each block as soon as it has it (its records then live a shorter time before
 * they are final). `classify(from, to)` takes the next sentences, whole blocks, in document order;
 * `end()` closes the classification.
 */
export class ProseClassifier {
  private readonly read: (k: number) => Analysis;
  /** The run an announcement "…:" leaves open for the list items after it. */
  private listRun: (Run & { indent: number }) | undefined;

  constructor(
    private readonly sentences: readonly ProseSentence[],
    private readonly blockOf: (k: number) => number | undefined,
    private readonly options: CueOptions,
    private readonly verdict: (k: number, kind: SentenceKind, cue: string) => void,
    source?: ProseSource,
  ) {
    vocabulary.forgetLearned();
    const user = compileUserCues(options.cues);
    const { memo } = options;
    memo?.begin(options.cues);
    const readings = source?.readings;
    this.read = (k: number): Analysis => {
      const known = readings?.[k];
      if (known) {
        if (memo) memo.hits++;
        return known;
      }
      const { text } = sentences[k];
      const offset = source ? source.offsetOf(k) : -1;
      const codes = offset >= 0 ? source!.codes : undefined;
      const a = memo ? memo.analysis(text, user, codes, offset) : analyse(text, user, codes, offset);
      if (readings) readings[k] = a;
      return a;
    };
  }

  classify(from: number, to: number): void {
    const { sentences, blockOf } = this;
    let i = from;
    while (i < to) {
      const block = blockOf(i);
      if (block === undefined) { i++; continue; }
      // The block's sentences: i up to `end`, with the sentences left out between them skipped.
      let j = i + 1;
      let end = j;
      for (; j < to; j++) {
        const b = blockOf(j);
        if (b === undefined) continue;
        if (b !== block) break;
        end = j + 1;
      }
      const first = sentences[i];
      const { listRun } = this;
      const inherited = listRun && first.blockType === 'list-item' && (first.indent ?? 0) > listRun.indent ? listRun : undefined;
      if (!inherited) this.listRun = undefined;
      const last = classifyBlock(i, end, blockOf, this.read, inherited, this.verdict);
      if (last && (!inherited || (first.indent ?? 0) <= inherited.indent)) this.listRun = { ...last, indent: first.blockType === 'list-item' ? first.indent ?? 0 : -1 };
      i = j;
    }
  }

  end(): void {
    this.options.memo?.end();
  }
}

/** Classifies sentences [from, to) of one block (from and to - 1 are in it; those between may be
 *  left out, see classifySentences); returns the run an "…:" announcement leaves open at its end. */
function classifyBlock(
  from: number, to: number, blockOf: (k: number) => number | undefined,
  read: (k: number) => Analysis, inherited: Run | undefined, verdict: (k: number, kind: SentenceKind, cue: string) => void,
): Run | undefined {
  let run: Run | undefined = inherited;
  let openAtEnd: Run | undefined;
  for (let k = from; k < to; k++) {
    if (k > from && blockOf(k) === undefined) continue;
    const a = read(k);
    openAtEnd = undefined;
    const own = a.own;
    if (own) {
      verdict(k, own.kind, own.cue);
      if (own.kind !== 'strength' && own.kind !== 'weakness') continue;
      if (run && run.kind !== own.kind) run = undefined;
      if (own.announces) {
        run = { kind: own.kind, type: 'enumeration', cue: carryCue(a.plain) };
        if (a.endsWithColon && k === to - 1) openAtEnd = run;
      } else if (!run && (k === from || a.opinion)) {
        run = { kind: own.kind, type: 'judgement', cue: carryCue(a.plain) };
      } else if (run && run.type === 'judgement') {
        run = { ...run, cue: carryCue(a.plain) };
      }
      continue;
    }
    if (a.concedes || a.opensWith === 'contrast') run = undefined;
    const continues = run && (run.type === 'enumeration' || a.opensWith === 'enumeration'
      || a.opensWith === 'elaboration' || a.hedged || a.opinion);
    if (run && continues) {
      verdict(k, run.kind, run.cue);
    } else {
      run = undefined;
      verdict(k, 'neutral', '');
    }
  }
  return openAtEnd;
}

// ---------------------------------------------------------------------------------------------
// Section headings and note types.

type HeadingRole = Exclude<SectionRole, 'other'>;
/** Phrases as a pattern, the phrase itself (a quick test: the pattern matches only where it
 *  stands) and its role. */
const HEADING_PHRASES: [RegExp, string, HeadingRole][] = [];
const HEADING_WORD_ROLE = new Map<string, HeadingRole>();
for (const [role, list] of Object.entries(cues.HEADING_WORDS) as [HeadingRole, readonly string[]][]) {
  for (const entry of list) {
    if (entry.includes(' ')) HEADING_PHRASES.push([new RegExp(`(?:^| )${entry}(?= |$)`), entry, role]);
    else HEADING_WORD_ROLE.set(entry, role);
  }
}
HEADING_PHRASES.sort((a, b) => b[0].source.length - a[0].source.length);
const HEADING_FUZZY = [...HEADING_WORD_ROLE.keys()].filter((x) => x.length >= 7);
const HEADING_FILLER: ReadonlySet<string> = new Set(cues.HEADING_FILLERS);
const DECISIVE: ReadonlySet<string> = new Set(['strength', 'weakness', 'question', 'idea']);

function headingWordRole(word: string): HeadingRole | undefined {
  const exact = HEADING_WORD_ROLE.get(word);
  if (exact) return exact;
  const near = fuzzyFind(word, HEADING_FUZZY);
  return near ? HEADING_WORD_ROLE.get(near) : undefined;
}

/**
 * The critique role of a section heading ("Weaknesses", "2. Open questions:", "💡 Ideas",
 * "Weeknesses"): every word that is not filler must name the same role. Paper titles and other
 * headings are 'other'. Headings that mix strengths and weaknesses are 'note'.
 */
export function sectionRoleOfHeading(text: string): SectionRole {
  let role = headingRoleCache.get(text);
  if (role === undefined) {
    role = headingRoleOf(text);
    if (headingRoleCache.size >= HEADING_CACHE_LIMIT) headingRoleCache.clear();
    headingRoleCache.set(text, role);
  }
  return role;
}

/** Headings repeat across a vault ("Strengths", "Summary"): their roles are remembered. */
const headingRoleCache = new Map<string, SectionRole>();
const HEADING_CACHE_LIMIT = 10000;

function headingRoleOf(text: string): SectionRole {
  let s = plainText(text).toLowerCase()
    .replace(/\btl\s*[;,:]?\s*dr\b/g, 'tldr')
    .replace(/^\s*(?:\(?\d+(?:\.\d+)*[.):]?|[ivxlc]+[.)]|[a-z][.)])\s+/, '')
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return 'other';
  const roles: HeadingRole[] = [];
  for (const [re, phrase, role] of HEADING_PHRASES) {
    if (s.includes(phrase) && re.test(s)) { roles.push(role); s = s.replace(re, ' ').trim(); }
  }
  const tokens = s === '' ? [] : s.split(' ');
  if (tokens.length + roles.length > 7) return 'other';
  const fillerRoles: HeadingRole[] = [];
  for (const t of tokens) {
    if (/^\d+$/.test(t)) continue;
    if (HEADING_FILLER.has(t)) {
      const r = HEADING_WORD_ROLE.get(t);
      if (r) fillerRoles.push(r);
      continue;
    }
    const r = headingWordRole(t);
    if (!r) return 'other';
    roles.push(r);
  }
  const all = roles.length ? roles : fillerRoles;
  if (all.length === 0) return 'other';
  const decisive = new Set(all.filter((r) => DECISIVE.has(r)));
  if (decisive.size > 1) return 'note';
  if (decisive.size === 1) return [...decisive][0] as SectionRole;
  if (all.includes('references')) return 'references';
  if (all.includes('note')) return 'note';
  return 'summary';
}

/** The critique kind of a callout type (`[!weakness]`, `[!WARNING]`, `[!Pros]`); unknown types are notes. */
export function kindOfNoteType(raw: string): CritiqueKind {
  const t = raw.trim().toLowerCase();
  if (Object.hasOwn(cues.NOTE_TYPES, t)) return cues.NOTE_TYPES[t];
  const role = sectionRoleOfHeading(t);
  return DECISIVE.has(role) ? (role as CritiqueKind) : 'note';
}
