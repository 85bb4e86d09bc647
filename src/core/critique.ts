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
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: every word the rules know has a small integer id and a set of flags, so that a
// sentence is read once into ids and every later test is an array lookup. Words are hashed as they
// are read: no string is made for a plain ASCII word. Unknown words have id 0, except long words,
// which are checked once for a misspelt critique noun and then remembered with the answer.

interface NounInfo { readonly kind: 'weakness' | 'strength'; readonly canonical: string; readonly plural: boolean }

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

/** An open-addressing table from lower-case words to ids, with per-id flags, noun and phrases. */
class Vocabulary {
  private slots = new Int32Array(1 << 12);
  private slotHashes = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** By id; id 0 is "unknown". */
  readonly words: string[] = [''];
  private readonly hashes: number[] = [0];
  readonly flags: number[] = [0];
  readonly nouns: (NounInfo | undefined)[] = [undefined];
  private lexiconSize = 1;
  /** Changes whenever learned ids are forgotten: tables built on them must be built again. */
  epoch = 0;

  /** The id of the ASCII word text[s, e) read in lower case, whose hash is h; 0 if unknown. */
  find(text: string, s: number, e: number, h: number): number {
    const len = e - s;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot];
      if (id === 0) return 0;
      if (this.slotHashes[slot] !== h) continue;
      const w = this.words[id];
      if (w.length !== len) continue;
      let k = 0;
      while (k < len) {
        let c = text.charCodeAt(s + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== w.charCodeAt(k)) break;
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
    this.nouns.push(NOUNS.get(word) ?? (fuzzyCandidate(word) ? fuzzyNoun(word) : undefined));
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
    for (const list of [this.words, this.hashes, this.flags, this.nouns] as unknown[][]) list.length = this.lexiconSize;
    this.rehash(1 << 12);
    this.epoch++;
  }

  private place(id: number): void {
    let slot = this.hashes[id] & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id;
    this.slotHashes[slot] = this.hashes[id];
  }

  private rehash(size: number): void {
    while (this.words.length * 2 > size) size *= 2;
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 1; id < this.words.length; id++) this.place(id);
  }
}

// ---------------------------------------------------------------------------------------------
// Critique nouns, with typo tolerance.

const NOUNS = new Map<string, NounInfo>();
for (const [kind, list] of [['weakness', cues.WEAKNESS_NOUNS], ['strength', cues.STRENGTH_NOUNS]] as const) {
  for (const n of list) NOUNS.set(n, { kind, canonical: n, plural: n.endsWith('s') && !n.endsWith('ss') });
}
const FUZZY_TARGETS = [...NOUNS.keys()].filter((n) => n.length >= 7);
const FUZZY_INITIALS = new Set(FUZZY_TARGETS.map((t) => t.charCodeAt(0)));

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

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
    || (c >= 0xc0 && c < 0x2000) || (c >= 0x3040 && c < 0xff00);
}

function isClausePunct(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x2014 || c === 0x2013
    || c === 0x201c || c === 0x201d || c === 46 || c === 63 || c === 33 || c === 0x2026;
}

/** Characters that need inline Markdown removed before words are read: links (`](`), HTML, entities
 *  and invisible characters; emphasis and code ticks are punctuation to the word reader and may stay. */
function isMarkup(text: string, i: number, c: number): boolean {
  return (c === 93 && text.charCodeAt(i + 1) === 40) || c === 60 || c === 38 || (c >= 0x200b && c <= 0x206f) || c === 0xfeff;
}

function newWords(capacity: number): Words {
  return {
    plain: '', n: 0, id: new Int32Array(capacity), len: new Int32Array(capacity), start: new Int32Array(capacity),
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

/** Reads `plain` into `out` (reused): lower-case words, "cannot" and contractions expanded, "e.g."
 *  as one word; unknown long words learned with their noun check. With `stopAtMarkup`, returns false
 *  as soon as it meets inline Markdown that `plainText` must remove first (see isMarkup). */
function readWords(plain: string, out: Words, stopAtMarkup = false): boolean {
  out.plain = plain;
  out.n = 0;
  let lower: string | undefined; // made only for words that are not plain ASCII
  const n = plain.length;
  let i = 0;
  let pendingBreak = false;
  while (i < n) {
    const c = plain.charCodeAt(i);
    if (c === 32) { i++; continue; }
    if (!isWordChar(c)) {
      if (stopAtMarkup && isMarkup(plain, i, c)) return false;
      if (isClausePunct(c) && !(c === 46 && i + 1 < n && isWordChar(plain.charCodeAt(i + 1)))) pendingBreak = true;
      i++;
      continue;
    }
    const s = i;
    let apos = -1;
    let ascii = true;
    let h = FNV_OFFSET;
    while (i < n) {
      let d = plain.charCodeAt(i);
      if (d >= 97 && d <= 122) { h = Math.imul(h ^ d, FNV_PRIME); i++; continue; }
      if (isWordChar(d)) {
        if (d >= 128) { ascii = false; if (stopAtMarkup && d === 0xfeff) return false; }
        else { if (d <= 90 && d >= 65) d += 32; h = Math.imul(h ^ d, FNV_PRIME); }
        i++;
      } else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordChar(plain.charCodeAt(i + 1))) {
        if (apos < 0) apos = i - s;
        if (d !== 39) ascii = false;
        i++;
      }
      else break;
    }
    const brk = pendingBreak;
    pendingBreak = false;
    // "e.g." and "i.e." read as one word.
    if (i - s === 1 && plain.charCodeAt(i) === 46 && i + 2 < n && isWordChar(plain.charCodeAt(i + 1))
      && plain.charCodeAt(i + 2) === 46 && !isWordChar(plain.charCodeAt(i + 3))) {
      lower ??= lowerOf(plain);
      pushString(out, (lower[s] + lower[i + 1]).toLowerCase(), s, i + 3, brk);
      i += 3;
      continue;
    }
    if (ascii && apos < 0) {
      // The common case: a plain ASCII word, looked up without making a string.
      let id = vocabulary.find(plain, s, i, h);
      if (id === ID.cannot) { pushWord(out, ID.can, 3, s, i, brk, 'can'); pushWord(out, ID.not, 3, s, i, false, 'not'); continue; }
      if (id === 0 && i - s >= 7) {
        let c0 = plain.charCodeAt(s);
        if (c0 <= 90 && c0 >= 65) c0 += 32;
        if (FUZZY_INITIALS.has(c0)) id = vocabulary.add(plain.slice(s, i).toLowerCase(), h);
      }
      pushWord(out, id, i - s, s, i, brk, undefined);
      continue;
    }
    let word: string;
    // An ASCII word lower-cases alone as it does in the whole text; others are cut from the lower-case text.
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

interface Slot { readonly alts: ReadonlySet<number> | null; readonly optional: boolean }
interface Phrase {
  readonly slots: readonly Slot[];
  readonly cat: number;
  /** The words the second slot allows when it must be filled by one of them: a quick test before matching. */
  readonly second: ReadonlySet<number> | null;
}
/** Phrases by the id of their first word. */
type PhraseTable = readonly (readonly Phrase[] | undefined)[];
interface Hit { readonly from: number; readonly to: number }

function addPhrases(table: Phrase[][], phrases: readonly string[], cat: number): void {
  for (const p of phrases) {
    const slots: Slot[] = p.trim().split(/\s+/).map((tok) => {
      const optional = tok.endsWith('?');
      const body = optional ? tok.slice(0, -1) : tok;
      return { alts: body === '*' ? null : new Set(body.split('|').map((a) => vocabulary.add(a))), optional };
    });
    const first = slots[0];
    if (!first || first.optional || !first.alts) throw new Error(`cue phrase must start with a word: ${p}`);
    const next = slots[1];
    const second = next && !next.optional ? next.alts : null;
    for (const a of first.alts) (table[a] ??= []).push({ slots, cat, second });
  }
}

/** End (exclusive word index) of the longest match of slots[k..] at word i, or -1. */
function matchSlots(words: Words, slots: readonly Slot[], k: number, i: number): number {
  if (k === slots.length) return i;
  const slot = slots[k];
  let best = -1;
  if (i < words.n && (slot.alts === null || slot.alts.has(words.id[i]))) best = matchSlots(words, slots, k + 1, i + 1);
  if (slot.optional) best = Math.max(best, matchSlots(words, slots, k + 1, i));
  return best;
}

interface CatHit extends Hit { readonly cat: number }

/** Every match of the table's phrases, left to right, longest at each start, not overlapping
 *  within a category. Sentences hold few hits, so one flat list serves every category. */
function scanPhrases(words: Words, table: PhraseTable): CatHit[] {
  const hits: CatHit[] = [];
  // A category's hits do not overlap and come in order: only its latest hit can cover word i or
  // start at it, so a sentence of thousands of hits stays linear.
  const latest = new Map<number, number>();
  for (let i = 0; i < words.n; i++) {
    const candidates = table[words.id[i]];
    if (!candidates) continue;
    const next = i + 1 < words.n ? words.id[i + 1] : -1;
    for (const p of candidates) {
      if (p.second !== null && !p.second.has(next)) continue;
      const last = latest.get(p.cat);
      const h = last === undefined ? undefined : hits[last];
      if (h && h.to > i && h.from < i) continue;
      const end = matchSlots(words, p.slots, 1, i + 1);
      if (end <= i) continue;
      if (h && h.from === i) { if (end > h.to) hits[last!] = { cat: p.cat, from: i, to: end }; continue; }
      latest.set(p.cat, hits.length);
      hits.push({ cat: p.cat, from: i, to: end });
    }
  }
  return hits;
}

function firstOf(hits: readonly CatHit[], cat: number): CatHit | undefined {
  for (const h of hits) if (h.cat === cat) return h;
  return undefined;
}

/** Text as written, emphasis and code ticks left out (they may be unpaired in a fragment). */
function unmark(text: string): string {
  return text.replace(/[*`~]|(?<!\w)_|_(?!\w)/g, '').trim();
}

/** The words of a hit as written. */
function spanText(words: Words, hit: Hit): string {
  return unmark(words.plain.slice(words.start[hit.from], words.end[hit.to - 1]));
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

const LEXICON: PhraseTable = (() => {
  const table: Phrase[][] = [];
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

// ---------------------------------------------------------------------------------------------
// Context tests around a cue at word index `at`.

/** A sentence ready for the rules: its words and the lexicon's phrase hits by category. */
interface Scanned extends Words {
  readonly hits: readonly CatHit[];
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

/** What the context tests below need of a whole sentence, computed once per sentence (keyed by its
 *  hits, a new array for every sentence): asked once per cue, a per-call scan of the sentence
 *  would make a sentence of thousands of cues quadratic. */
interface SentenceFacts {
  /** The first word a reporting verb after a reporter ("they argue") stands at; n when none. */
  readonly firstReport: number;
  /** The start of the first prior-work mention not after a comparison word; n when none. */
  readonly firstPrior: number;
  /** Prior-work mentions by start word. */
  readonly priorAt: Uint8Array;
  /** Words inside an idiom. */
  readonly inIdiom: Uint8Array;
}

const factsCache = new WeakMap<readonly CatHit[], SentenceFacts>();
const NONE = new Uint8Array(0);

function factsOf(s: Scanned): SentenceFacts {
  const cached = factsCache.get(s.hits);
  if (cached) return cached;
  let firstReport = s.n;
  for (let k = 1; k < s.n && firstReport === s.n; k++) {
    if (!(vocabulary.flags[s.id[k]] & F.reporting)) continue;
    for (let j = Math.max(0, k - 3); j < k; j++) if (vocabulary.flags[s.id[j]] & F.reporter) { firstReport = k; break; }
  }
  let firstPrior = s.n;
  // Most sentences have neither: an empty array answers "no" for every word.
  const has = (cat: number) => s.hits.some((h) => h.cat === cat);
  const priorAt = has(CAT.prior) ? new Uint8Array(s.n + 1) : NONE;
  const inIdiom = has(CAT.idiom) ? new Uint8Array(s.n + 1) : NONE;
  for (const p of s.hits) {
    if (p.cat === CAT.idiom) inIdiom.fill(1, p.from, p.to);
    if (p.cat !== CAT.prior) continue;
    priorAt[p.from] = 1;
    let compared = false;
    for (let k = Math.max(0, p.from - 3); k < p.from; k++) if (vocabulary.flags[s.id[k]] & F.comparison) compared = true;
    if (!compared && p.from < firstPrior) firstPrior = p.from;
  }
  const facts = { firstReport, firstPrior, priorAt, inIdiom };
  factsCache.set(s.hits, facts);
  return facts;
}

/** A mention of other people's work as the subject, before the cue or right after it ("of previous methods"). */
function aboutPriorWork(s: Scanned, hit: Hit): boolean {
  const facts = factsOf(s);
  if (facts.firstPrior < hit.from) return true;
  const link = idAt(s, hit.to);
  if (link !== ID.of && link !== ID.in && link !== ID.with) return false;
  for (let k = hit.to; k <= hit.to + 2 && k < s.n; k++) if (facts.priorAt[k]) return true;
  return false;
}

/** "The authors argue that …", "They found that …": the cue reports the paper's own claim. */
function reported(s: Scanned, at: number): boolean {
  return factsOf(s).firstReport < at;
}

/** Word `at` stands inside an idiom ("works like a charm" is not praise of the paper). */
function inIdiom(s: Scanned, at: number): boolean {
  return factsOf(s).inIdiom[at] === 1;
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
  /** Praise for solving the writer's problem. */
  solved?: boolean;
}

/** The last character of the plain text before trailing quotes, brackets, emphasis and spaces (0 if none). */
function lastCharOf(plain: string): number {
  let e = plain.length;
  while (e > 0 && ' \t\n"\'”’)]*_'.includes(plain[e - 1])) e--;
  return e > 0 ? plain.charCodeAt(e - 1) : 0;
}

function analyse(text: string, user: UserCues | undefined): Analysis {
  const s = sentenceWords as Words & { hits: CatHit[] };
  if (!readWords(text, s, true)) readWords(plainText(text), s);
  const { plain } = s;
  s.hits = scanPhrases(s, LEXICON);
  const last = lastCharOf(plain);
  const endsWithColon = last === 58;
  let opensWith: Analysis['opensWith'];
  let opinion = false;
  let hedged = false;
  let contrast = false;
  let enumeration = false;
  let elaboration = false;
  for (const h of s.hits) {
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
  return { own: own.cue, concedes: own.concedes, opinion, opensWith, hedged, endsWithColon, plain };
}

/** A leading label ("Downside: …", "Open question: …", "Advantages:") that names a critique role. */
function labelCue(s: Scanned): OwnCue | undefined {
  const colon = s.plain.indexOf(':');
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

/** Collects strength and weakness candidates of a sentence, as `decideOwn` admits them. */
class CandidatePool {
  readonly found: Candidate[] = [];
  concedes = false;

  constructor(private readonly s: Scanned) {}

  admit(c: Candidate, hit: Hit, negatable: boolean): void {
    const { s } = this;
    if (negatable && inClauseBefore(s, hit.from, F.negator)) { if (c.kind === 'weakness') this.concedes = true; return; }
    if (c.kind === 'strength' && inClauseBefore(s, hit.from, F.limiter)) return;
    // "solves one of my issues with the previous paper": the prior work owns the issue, not the praise.
    if (!c.solved && aboutPriorWork(s, hit)) return;
    this.found.push(c);
  }
}

function decideOwn(
  s: Scanned, asks: boolean, endsWithColon: boolean, user: UserCues | undefined,
): { cue?: OwnCue; concedes: boolean } {
  const { hits } = s;
  // 1. The user's phrases.
  if (user) {
    const first = scanPhrases(s, user.table)[0];
    if (first) return { cue: { kind: CRITIQUE_KINDS[first.cat], cue: `${spanText(s, first)} (your cue)` }, concedes: false };
  }
  // 2. A label.
  const label = labelCue(s);
  if (label) return { cue: label, concedes: false };
  // 3. Questions and ideas.
  let q = firstOf(hits, CAT.question);
  if (!q) for (const h of hits) if (h.cat === CAT.questionOpener && h.from === 0) { q = h; break; }
  if (q) return { cue: { kind: 'question', cue: spanText(s, q) }, concedes: false };
  if (asks) {
    for (let k = 0; k < s.n; k++) {
      if (vocabulary.flags[s.id[k]] & F.firstPerson || s.id[k] === ID.authors) {
        return { cue: { kind: 'question', cue: 'question in the first person' }, concedes: false };
      }
    }
  }
  const idea = firstOf(hits, CAT.idea);
  if (idea) return { cue: { kind: 'idea', cue: spanText(s, idea) }, concedes: false };

  // 4. Strengths and weaknesses: collect candidates, then choose.
  const pool = new CandidatePool(s);
  for (const h of hits) if (h.cat === CAT.omission) pool.admit({ kind: 'weakness', cue: spanText(s, h), at: h.from, rank: 2 }, h, false);
  authorOmission(s, pool);
  nouns(s, endsWithColon, pool);

  const opinion = firstOf(hits, CAT.opinion);
  if (opinion) {
    const ev = evaluationAfter(s, opinion.to);
    if (ev) {
      const cue = `${spanText(s, opinion)} … ${spanText(s, { from: ev.at, to: ev.at + 1 })}`;
      pool.admit({ kind: ev.kind, cue, at: opinion.from, rank: 1 }, { from: ev.at, to: ev.at + 1 }, true);
    }
  }
  phraseCandidates(s, 'weakness', CAT.weakness, pool);
  phraseCandidates(s, 'strength', CAT.strength, pool);
  if (pool.found.length === 0) return { concedes: pool.concedes };
  return { cue: choose(s, pool.found), concedes: pool.concedes };
}

/** Praise and criticism phrases, unless they report the paper's claims (or are idioms, for praise). */
function phraseCandidates(s: Scanned, kind: 'weakness' | 'strength', cat: number, pool: CandidatePool): void {
  for (const h of s.hits) {
    if (h.cat !== cat) continue;
    if (reported(s, h.from)) continue;
    if (kind === 'strength' && inIdiom(s, h.from)) continue;
    pool.admit({ kind, cue: spanText(s, h), at: h.from, rank: 3 }, h, true);
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
  const best = [...pool].sort((a, b) => a.rank - b.rank || a.at - b.at)[0];
  return { kind: best.kind, cue: best.cue };
}

/** "they do not evaluate on …": a negated verb of AUTHOR_OMISSION_VERBS after the paper or authors. */
function authorOmission(s: Scanned, pool: CandidatePool): void {
  for (let k = 1; k < s.n; k++) {
    if (s.id[k] !== ID.not && s.id[k] !== ID.never) continue;
    const v = flagsAt(s, k + 1) & F.authorVerb ? k + 1 : flagsAt(s, k + 2) & F.authorVerb ? k + 2 : -1;
    if (v < 0) continue;
    let subject = false;
    for (let j = Math.max(0, k - 4); j < k; j++) if (vocabulary.flags[s.id[j]] & F.authorSubject) subject = true;
    if (!subject) continue;
    const h = { from: Math.max(0, k - 1), to: v + 1 };
    pool.admit({ kind: 'weakness', cue: spanText(s, h), at: h.from, rank: 2 }, h, false);
  }
}

/** Critique nouns: announcements ("a few weaknesses"), judgements ("one benefit of", "a weakness is"),
 *  and owned issues solved ("this solves one of my issues" is praise). */
function nouns(s: Scanned, endsWithColon: boolean, pool: CandidatePool): void {
  const { flags } = vocabulary;
  for (let k = 0; k < s.n; k++) {
    const soft = (flags[s.id[k]] & F.soft) !== 0;
    const info = soft ? undefined : nounAt(s, k);
    if (!info && !soft) continue;
    const h = { from: k, to: k + 1 };
    const clause = clauseStart(s, k);
    // Solved: the paper fixes a problem. Praise if the problem was the writer's, else description.
    let solver = -1;
    for (let j = Math.max(clause, k - 5); j < k; j++) if (flags[s.id[j]] & F.solving) solver = j;
    if (solver >= 0) {
      let mine = false;
      for (let j = solver; j < k; j++) if (s.id[j] === ID.my) mine = true;
      if (mine) {
        const word = vocabulary.words[s.id[k]];
        pool.admit({ kind: 'strength', cue: `${spanText(s, { from: solver, to: solver + 1 })} … my ${word}`, at: solver, rank: 2, solved: true }, { from: solver, to: k + 1 }, true);
      }
      continue;
    }
    if (reported(s, k)) continue;
    if (soft) {
      if (idAt(s, k - 1) === ID.my || idAt(s, k - 2) === ID.my) pool.admit({ kind: 'weakness', cue: `my ${vocabulary.words[s.id[k]]}`, at: k, rank: 3 }, h, true);
      continue;
    }
    const written = spanText(s, h);
    const name = info!.canonical === vocabulary.words[s.id[k]] ? info!.canonical : `${info!.canonical} ("${written}")`;
    let quantified = false;
    for (let j = Math.max(clause, k - 3); j < k; j++) if (flags[s.id[j]] & F.quantifier) quantified = true;
    if (info!.plural && (quantified || (endsWithColon && k >= s.n - 4))) {
      pool.admit({ kind: info!.kind, cue: `${name} (announcement)`, at: k, announces: true, rank: 0 }, h, true);
      continue;
    }
    if (k > 0 && !(flags[s.id[k - 1]] & F.determiner)) continue;
    // "the strengths of each model" names a topic; "the strengths of this paper" judges it.
    if (info!.plural && idAt(s, k - 1) === ID.the && !(flagsAt(s, k + 1) & F.copula || (idAt(s, k + 1) === ID.of && flagsAt(s, k + 2) & F.definite))) continue;
    if (info!.kind === 'strength' && k + 1 < s.n && !(flags[s.id[k + 1]] & F.afterStrengthNoun) && !s.clauseBreak[k + 1]) continue;
    pool.admit({ kind: info!.kind, cue: name, at: k, rank: 2 }, h, true);
  }
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
  const table: Phrase[][] = [];
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
  readonly anchor: string;
}

/**
 * Classifies prose sentences, given in document order with their block (paragraph) ids.
 * Returns one verdict per input, in the same order.
 */
export function classifyProse(sentences: readonly ProseInput[], options: CueOptions = {}): ProseVerdict[] {
  vocabulary.forgetLearned();
  const user = compileUserCues(options.cues);
  const out: ProseVerdict[] = new Array(sentences.length);
  let listRun: (Run & { indent: number }) | undefined;
  let i = 0;
  while (i < sentences.length) {
    let j = i;
    while (j < sentences.length && sentences[j].block === sentences[i].block) j++;
    const first = sentences[i];
    const inherited = listRun && first.blockType === 'list-item' && (first.indent ?? 0) > listRun.indent ? listRun : undefined;
    if (!inherited) listRun = undefined;
    const last = classifyBlock(sentences, i, j, user, inherited, out);
    if (last && (!inherited || (first.indent ?? 0) <= inherited.indent)) listRun = { ...last, indent: first.blockType === 'list-item' ? first.indent ?? 0 : -1 };
    i = j;
  }
  return out;
}

/** Classifies sentences [from, to) of one block; returns the run an "…:" announcement leaves open at its end. */
function classifyBlock(
  sentences: readonly ProseInput[], from: number, to: number, user: UserCues | undefined, inherited: Run | undefined,
  out: ProseVerdict[],
): Run | undefined {
  let run: Run | undefined = inherited;
  let openAtEnd: Run | undefined;
  for (let k = from; k < to; k++) {
    const a = analyse(sentences[k].text, user);
    openAtEnd = undefined;
    const own = a.own;
    if (own) {
      out[k] = { kind: own.kind, cue: own.cue };
      if (own.kind !== 'strength' && own.kind !== 'weakness') continue;
      if (run && run.kind !== own.kind) run = undefined;
      if (own.announces) {
        run = { kind: own.kind, type: 'enumeration', anchor: excerptOf(a.plain) };
        if (a.endsWithColon && k === to - 1) openAtEnd = run;
      } else if (!run && (k === from || a.opinion)) {
        run = { kind: own.kind, type: 'judgement', anchor: excerptOf(a.plain) };
      } else if (run && run.type === 'judgement') {
        run = { ...run, anchor: excerptOf(a.plain) };
      }
      continue;
    }
    if (a.concedes || a.opensWith === 'contrast') run = undefined;
    const continues = run && (run.type === 'enumeration' || a.opensWith === 'enumeration'
      || a.opensWith === 'elaboration' || a.hedged || a.opinion);
    if (run && continues) {
      out[k] = { kind: run.kind, cue: `carry-over from: ${run.anchor}` };
    } else {
      run = undefined;
      out[k] = { kind: 'neutral', cue: '' };
    }
  }
  return openAtEnd;
}

// ---------------------------------------------------------------------------------------------
// Section headings and note types.

type HeadingRole = Exclude<SectionRole, 'other'>;
const HEADING_PHRASES: [RegExp, HeadingRole][] = [];
const HEADING_WORD_ROLE = new Map<string, HeadingRole>();
for (const [role, list] of Object.entries(cues.HEADING_WORDS) as [HeadingRole, readonly string[]][]) {
  for (const entry of list) {
    if (entry.includes(' ')) HEADING_PHRASES.push([new RegExp(`(?:^| )${entry}(?= |$)`), role]);
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
  for (const [re, role] of HEADING_PHRASES) {
    if (re.test(s)) { roles.push(role); s = s.replace(re, ' ').trim(); }
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
