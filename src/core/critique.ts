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
// Words: a sentence as lower-case words with their spans in the plain text.

interface Words {
  readonly plain: string;
  readonly w: string[];
  readonly start: number[];
  readonly end: number[];
  /** True when clause punctuation (, ; : ( ) — " …) stands between word k-1 and word k. */
  readonly clauseBreak: boolean[];
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

/** The text to read: links, HTML, entities and invisible characters need inline Markdown removed;
 *  emphasis and code ticks are punctuation to the word reader and may stay. */
function plainOf(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 93 && text.charCodeAt(i + 1) === 40) || c === 60 || c === 38 || (c >= 0x200b && c <= 0x206f) || c === 0xfeff) {
      return plainText(text);
    }
  }
  return text;
}

function toWords(plain: string): Words {
  const out: Words = { plain, w: [], start: [], end: [], clauseBreak: [] };
  let lower = plain.toLowerCase();
  if (lower.length !== plain.length) lower = plain; // rare case-mapping that changes length: compare per word below
  const n = plain.length;
  let i = 0;
  let pendingBreak = false;
  const add = (word: string, s: number, e: number): void => {
    out.w.push(word); out.start.push(s); out.end.push(e); out.clauseBreak.push(pendingBreak);
    pendingBreak = false;
  };
  while (i < n) {
    const c = plain.charCodeAt(i);
    if (!isWordChar(c)) {
      if (isClausePunct(c) && !(c === 46 && i + 1 < n && isWordChar(plain.charCodeAt(i + 1)))) pendingBreak = true;
      i++;
      continue;
    }
    const s = i;
    let apos = -1;
    while (i < n) {
      const d = plain.charCodeAt(i);
      if (isWordChar(d)) i++;
      else if ((d === 39 || d === 0x2019) && i + 1 < n && isWordChar(plain.charCodeAt(i + 1))) { if (apos < 0) apos = i - s; i++; }
      else break;
    }
    // "e.g." and "i.e." read as one word.
    if (i - s === 1 && plain.charCodeAt(i) === 46 && i + 2 < n && isWordChar(plain.charCodeAt(i + 1))
      && plain.charCodeAt(i + 2) === 46 && !isWordChar(plain.charCodeAt(i + 3))) {
      add((lower[s] + lower[i + 1]).toLowerCase(), s, i + 3);
      i += 3;
      continue;
    }
    let word = lower === plain ? plain.slice(s, i).toLowerCase() : lower.slice(s, i);
    if (apos < 0) {
      if (word === 'cannot') { add('can', s, i); add('not', s, i); } else add(word, s, i);
      continue;
    }
    if (word.charCodeAt(apos) === 0x2019) word = word.replace(/\u2019/g, "'");
    const base = word.slice(0, apos);
    const tail = word.slice(apos + 1);
    if (tail === 't' && base.endsWith('n')) {
      const stem = base.slice(0, -1);
      add(NOT_BASE[stem] ?? stem, s, i); add('not', s, i);
    } else if (tail === 's') {
      add(base, s, i);
      if (PRONOUN_IS.has(base)) add('is', s, i);
    } else if (Object.hasOwn(CONTRACTED, tail)) {
      add(base, s, i); add(CONTRACTED[tail], s, i);
    } else {
      add(base, s, i);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phrases: compiled once from the lexicon's little syntax, all categories in one table keyed by
// first word, so a sentence is scanned once.

interface Slot { readonly alts: ReadonlySet<string> | null; readonly optional: boolean }
interface Phrase { readonly slots: readonly Slot[]; readonly cat: number }
type PhraseTable = ReadonlyMap<string, readonly Phrase[]>;
interface Hit { readonly from: number; readonly to: number }

function addPhrases(table: Map<string, Phrase[]>, phrases: readonly string[], cat: number): void {
  for (const p of phrases) {
    const slots: Slot[] = p.trim().split(/\s+/).map((tok) => {
      const optional = tok.endsWith('?');
      const body = optional ? tok.slice(0, -1) : tok;
      return { alts: body === '*' ? null : new Set(body.split('|')), optional };
    });
    const first = slots[0];
    if (!first || first.optional || !first.alts) throw new Error(`cue phrase must start with a word: ${p}`);
    for (const a of first.alts) {
      const list = table.get(a) ?? [];
      list.push({ slots, cat });
      table.set(a, list);
    }
  }
}

/** End (exclusive word index) of the longest match of slots[k..] at word i, or -1. */
function matchSlots(w: readonly string[], slots: readonly Slot[], k: number, i: number): number {
  if (k === slots.length) return i;
  const slot = slots[k];
  let best = -1;
  if (i < w.length && (slot.alts === null || slot.alts.has(w[i]))) best = matchSlots(w, slots, k + 1, i + 1);
  if (slot.optional) best = Math.max(best, matchSlots(w, slots, k + 1, i));
  return best;
}

interface CatHit extends Hit { readonly cat: number }

/** Every match of the table's phrases, left to right, longest at each start, not overlapping
 *  within a category. Sentences hold few hits, so one flat list serves every category. */
function scanPhrases(words: Words, table: PhraseTable): CatHit[] {
  const hits: CatHit[] = [];
  const { w } = words;
  for (let i = 0; i < w.length; i++) {
    const candidates = table.get(w[i]);
    if (!candidates) continue;
    for (const p of candidates) {
      let busy = false;
      for (const h of hits) if (h.cat === p.cat && h.to > i && h.from < i) busy = true;
      if (busy) continue;
      const end = matchSlots(w, p.slots, 1, i + 1);
      if (end <= i) continue;
      const same = hits.findIndex((h) => h.cat === p.cat && h.from === i);
      if (same < 0) hits.push({ cat: p.cat, from: i, to: end });
      else if (end > hits[same].to) hits[same] = { cat: p.cat, from: i, to: end };
    }
  }
  return hits;
}

function hitsOf(hits: readonly CatHit[], cat: number): CatHit[] {
  return hits.filter((h) => h.cat === cat);
}

function firstOf(hits: readonly CatHit[], cat: number): CatHit | undefined {
  return hits.find((h) => h.cat === cat);
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
const LEXICON: PhraseTable = (() => {
  const table = new Map<string, Phrase[]>();
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

const setOf = (list: readonly string[]): ReadonlySet<string> => new Set(list);
const S = {
  mildWeak: setOf(cues.MILD_WEAKNESS_WORDS),
  mildStrong: setOf(cues.MILD_STRENGTH_WORDS),
  negators: setOf(cues.NEGATORS),
  limiters: setOf(cues.PRAISE_LIMITERS),
  reporting: setOf(cues.REPORTING_VERBS),
  solving: setOf(cues.SOLVING_VERBS),
  comparison: setOf(cues.COMPARISON_WORDS),
  quantifiers: setOf(cues.ANNOUNCING_QUANTIFIERS),
  authorVerbs: setOf(cues.AUTHOR_OMISSION_VERBS),
  authorSubjects: setOf(cues.AUTHOR_SUBJECTS),
  soft: setOf(cues.SOFT_WEAKNESS_NOUNS),
  firstPerson: setOf(['i', 'my', 'me', 'mine', 'myself']),
  reporters: setOf(['they', 'authors', 'paper', 'we', 'he', 'she']),
  clauseWords: setOf(['but', 'however', 'although', 'though', 'while', 'whereas', 'yet', 'so', 'because']),
  turnWords: setOf(['but', 'however', 'although', 'though', 'yet']),
  copulas: setOf(['are', 'were', 'include', 'included', 'lie', 'being']),
  definite: setOf(['this', 'the', 'its', 'their', 'his', 'her', 'our']),
  /** Words right before a critique noun that make it a judgement ("one benefit", "the largest weakness"). */
  determiners: setOf(['one', 'a', 'an', 'another', 'the', 'main', 'big', 'biggest', 'largest', 'greatest', 'key',
    'major', 'huge', 'clear', 'nice', 'added', 'additional', 'great', 'its', 'their', 'his', 'her', 'this', 'that',
    'obvious', 'real', 'only', 'further', 'extra', 'important', 'other', 'significant', 'distinct', 'practical',
    'primary', 'serious', 'minor', 'small', 'slight', 'potential', 'possible', 'notable', 'fundamental', 'first',
    'second', 'third', 'final', 'last', 'biggest', 'glaring', 'obvious']),
  afterStrengthNoun: setOf(['of', 'is', 'was', 'are', 'were', 'here', 'being', 'that', 'over', 'for', 'in', 'to',
    'with', 'compared', 'i', 'would', 'will']),
};

// ---------------------------------------------------------------------------------------------
// Critique nouns, with typo tolerance.

interface NounInfo { readonly kind: 'weakness' | 'strength'; readonly canonical: string; readonly plural: boolean }

const NOUNS = new Map<string, NounInfo>();
for (const [kind, list] of [['weakness', cues.WEAKNESS_NOUNS], ['strength', cues.STRENGTH_NOUNS]] as const) {
  for (const n of list) NOUNS.set(n, { kind, canonical: n, plural: n.endsWith('s') && !n.endsWith('ss') });
}
const FUZZY_TARGETS = [...NOUNS.keys()].filter((n) => n.length >= 7);
const FUZZY_INITIALS = new Set(FUZZY_TARGETS.map((t) => t.charCodeAt(0)));
const fuzzyCache = new Map<string, NounInfo | null>();

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

function nounOf(word: string): NounInfo | undefined {
  const exact = NOUNS.get(word);
  if (exact || word.length < 7 || !FUZZY_INITIALS.has(word.charCodeAt(0))) return exact;
  let cached = fuzzyCache.get(word);
  if (cached === undefined) {
    const t = fuzzyFind(word, FUZZY_TARGETS);
    cached = t ? NOUNS.get(t)! : null;
    if (fuzzyCache.size > 50000) fuzzyCache.clear();
    fuzzyCache.set(word, cached);
  }
  return cached ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Context tests around a cue at word index `at`.

/** A sentence ready for the rules: its words and the lexicon's phrase hits by category. */
interface Scanned extends Words {
  readonly hits: readonly CatHit[];
}

/** Start of the clause that contains word `at` (at most 10 words back). */
function clauseStart(words: Words, at: number): number {
  let k = at;
  while (k > 0 && at - k < 10 && !words.clauseBreak[k] && !S.clauseWords.has(words.w[k - 1])) k--;
  return k;
}

/** A word of `set` earlier in the clause of word `at` ("not only" is no negation). */
function inClauseBefore(words: Words, at: number, set: ReadonlySet<string>): boolean {
  for (let k = clauseStart(words, at); k < at; k++) {
    if (set.has(words.w[k]) && !(words.w[k] === 'not' && words.w[k + 1] === 'only')) return true;
  }
  return false;
}

/** A mention of other people's work as the subject, before the cue or right after it ("of previous methods"). */
function aboutPriorWork(s: Scanned, hit: Hit): boolean {
  for (const p of hitsOf(s.hits, CAT.prior)) {
    if (p.from >= hit.to) {
      const gap = p.from - hit.to;
      const link = s.w[hit.to];
      if (gap <= 2 && (link === 'of' || link === 'in' || link === 'with')) return true;
    } else if (p.from < hit.from) {
      let compared = false;
      for (let k = Math.max(0, p.from - 3); k < p.from; k++) if (S.comparison.has(s.w[k])) compared = true;
      if (!compared) return true;
    }
  }
  return false;
}

/** "The authors argue that …", "They found that …": the cue reports the paper's own claim. */
function reported(words: Words, at: number): boolean {
  for (let k = 1; k < at; k++) {
    if (!S.reporting.has(words.w[k])) continue;
    for (let j = Math.max(0, k - 3); j < k; j++) if (S.reporters.has(words.w[j])) return true;
  }
  return false;
}

function inHit(hits: readonly CatHit[], cat: number, at: number): boolean {
  return hits.some((h) => h.cat === cat && h.from <= at && at < h.to);
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

/** The plain text without trailing quotes, brackets, emphasis and spaces. */
function trimEnd(plain: string): string {
  let e = plain.length;
  while (e > 0 && ' \t\n"\'”’)]*_'.includes(plain[e - 1])) e--;
  return plain.slice(0, e);
}

function analyse(text: string, user: UserCues | undefined): Analysis {
  const plain = plainOf(text);
  const s = toWords(plain) as Words & { hits: CatHit[] };
  s.hits = scanPhrases(s, LEXICON);
  const trimmed = trimEnd(plain);
  const endsWithColon = trimmed.endsWith(':');
  const startsWith = (cat: number): boolean => s.hits.some((h) => h.cat === cat && h.from === 0);
  const own = decideOwn(s, trimmed, endsWithColon, user);
  return {
    own: own.cue,
    concedes: own.concedes,
    opinion: firstOf(s.hits, CAT.opinion) !== undefined,
    opensWith: startsWith(CAT.contrast) ? 'contrast' : startsWith(CAT.enumeration) ? 'enumeration'
      : startsWith(CAT.elaboration) ? 'elaboration' : undefined,
    hedged: firstOf(s.hits, CAT.hedge) !== undefined,
    endsWithColon,
    plain,
  };
}

/** A leading label ("Downside: …", "Open question: …", "Advantages:") that names a critique role. */
function labelCue(s: Scanned): OwnCue | undefined {
  const colon = s.plain.indexOf(':');
  if (colon <= 0 || colon > 40) return undefined;
  let n = 0;
  while (n < s.w.length && s.end[n] <= colon) n++;
  if (n === 0 || n > 4) return undefined;
  let candidate = false;
  for (let k = 0; k < n; k++) if (HEADING_VOCABULARY.has(s.w[k]) || s.w[k].length >= 7) candidate = true;
  if (!candidate) return undefined;
  const label = unmark(plainText(s.plain.slice(0, colon)));
  const role = sectionRoleOfHeading(label);
  if (role !== 'strength' && role !== 'weakness' && role !== 'question' && role !== 'idea') return undefined;
  const empty = n === s.w.length;
  return { kind: role, cue: `${label}:`, announces: empty && (role === 'strength' || role === 'weakness') };
}

function decideOwn(
  s: Scanned, trimmed: string, endsWithColon: boolean, user: UserCues | undefined,
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
  const q = firstOf(hits, CAT.question) ?? hits.find((h) => h.cat === CAT.questionOpener && h.from === 0);
  if (q) return { cue: { kind: 'question', cue: spanText(s, q) }, concedes: false };
  if (trimmed.endsWith('?') && s.w.some((x) => S.firstPerson.has(x) || x === 'authors')) {
    return { cue: { kind: 'question', cue: 'question in the first person' }, concedes: false };
  }
  const idea = firstOf(hits, CAT.idea);
  if (idea) return { cue: { kind: 'idea', cue: spanText(s, idea) }, concedes: false };

  // 4. Strengths and weaknesses: collect candidates, then choose.
  const found: Candidate[] = [];
  let concedes = false;
  const admit = (c: Candidate, hit: Hit, negatable: boolean): void => {
    if (negatable && inClauseBefore(s, hit.from, S.negators)) { if (c.kind === 'weakness') concedes = true; return; }
    if (c.kind === 'strength' && inClauseBefore(s, hit.from, S.limiters)) return;
    // "solves one of my issues with the previous paper": the prior work owns the issue, not the praise.
    if (!c.solved && aboutPriorWork(s, hit)) return;
    found.push(c);
  };

  for (const h of hitsOf(hits, CAT.omission)) admit({ kind: 'weakness', cue: spanText(s, h), at: h.from, rank: 2 }, h, false);
  authorOmission(s, (h) => admit({ kind: 'weakness', cue: spanText(s, h), at: h.from, rank: 2 }, h, false));
  nouns(s, endsWithColon, (c, h) => admit(c, h, true));

  const opinion = firstOf(hits, CAT.opinion);
  if (opinion) {
    const ev = evaluationAfter(s, opinion.to);
    if (ev) {
      const cue = `${spanText(s, opinion)} … ${spanText(s, { from: ev.at, to: ev.at + 1 })}`;
      admit({ kind: ev.kind, cue, at: opinion.from, rank: 1 }, { from: ev.at, to: ev.at + 1 }, true);
    }
  }
  for (const [kind, cat] of [['weakness', CAT.weakness], ['strength', CAT.strength]] as const) {
    for (const h of hitsOf(hits, cat)) {
      if (reported(s, h.from)) continue;
      if (kind === 'strength' && inHit(hits, CAT.idiom, h.from)) continue;
      admit({ kind, cue: spanText(s, h), at: h.from, rank: 3 }, h, true);
    }
  }
  if (found.length === 0) return { concedes };
  return { cue: choose(s, found), concedes };
}

/** The main verdict among candidates: an announcement, then a first-person judgement, then the cue
 *  in the clause after the last "but"/"however" when cues disagree, else the strongest, first cue. */
function choose(words: Words, found: Candidate[]): OwnCue {
  const ann = found.find((c) => c.announces);
  if (ann) return { kind: ann.kind, cue: ann.cue, announces: true };
  let pool = found;
  if (found.some((c) => c.kind !== found[0].kind)) {
    let turn = -1;
    words.w.forEach((x, k) => { if (S.turnWords.has(x)) turn = k; });
    const after = found.filter((c) => c.at > turn);
    if (turn >= 0 && after.length > 0 && after.every((c) => c.kind === after[0].kind)) pool = after;
  }
  const best = [...pool].sort((a, b) => a.rank - b.rank || a.at - b.at)[0];
  return { kind: best.kind, cue: best.cue };
}

/** "they do not evaluate on …": a negated verb of AUTHOR_OMISSION_VERBS after the paper or authors. */
function authorOmission(words: Words, emit: (h: Hit) => void): void {
  const { w } = words;
  for (let k = 1; k < w.length; k++) {
    if (w[k] !== 'not' && w[k] !== 'never') continue;
    const v = S.authorVerbs.has(w[k + 1]) ? k + 1 : S.authorVerbs.has(w[k + 2]) ? k + 2 : -1;
    if (v < 0) continue;
    let subject = false;
    for (let j = Math.max(0, k - 4); j < k; j++) if (S.authorSubjects.has(w[j])) subject = true;
    if (subject) emit({ from: Math.max(0, k - 1), to: v + 1 });
  }
}

/** Critique nouns: announcements ("a few weaknesses"), judgements ("one benefit of", "a weakness is"),
 *  and owned issues solved ("this solves one of my issues" is praise). */
function nouns(s: Scanned, endsWithColon: boolean, emit: (c: Candidate, h: Hit) => void): void {
  const { w } = s;
  for (let k = 0; k < w.length; k++) {
    const soft = S.soft.has(w[k]);
    const info = soft ? undefined : nounOf(w[k]);
    if (!info && !soft) continue;
    const h = { from: k, to: k + 1 };
    const clause = clauseStart(s, k);
    // Solved: the paper fixes a problem. Praise if the problem was the writer's, else description.
    let solver = -1;
    for (let j = Math.max(clause, k - 5); j < k; j++) if (S.solving.has(w[j])) solver = j;
    if (solver >= 0) {
      if (w.slice(solver, k).includes('my')) {
        emit({ kind: 'strength', cue: `${spanText(s, { from: solver, to: solver + 1 })} … my ${w[k]}`, at: solver, rank: 2, solved: true }, { from: solver, to: k + 1 });
      }
      continue;
    }
    if (reported(s, k)) continue;
    if (soft) {
      if (w[k - 1] === 'my' || w[k - 2] === 'my') emit({ kind: 'weakness', cue: `my ${w[k]}`, at: k, rank: 3 }, h);
      continue;
    }
    const written = spanText(s, h);
    const name = info!.canonical === w[k] ? info!.canonical : `${info!.canonical} ("${written}")`;
    let quantified = false;
    for (let j = Math.max(clause, k - 3); j < k; j++) if (S.quantifiers.has(w[j])) quantified = true;
    if (info!.plural && (quantified || (endsWithColon && k >= w.length - 4))) {
      emit({ kind: info!.kind, cue: `${name} (announcement)`, at: k, announces: true, rank: 0 }, h);
      continue;
    }
    if (k > 0 && !S.determiners.has(w[k - 1])) continue;
    // "the strengths of each model" names a topic; "the strengths of this paper" judges it.
    if (info!.plural && w[k - 1] === 'the' && !(S.copulas.has(w[k + 1]) || (w[k + 1] === 'of' && S.definite.has(w[k + 2])))) continue;
    if (info!.kind === 'strength' && k + 1 < w.length && !S.afterStrengthNoun.has(w[k + 1]) && !s.clauseBreak[k + 1]) continue;
    emit({ kind: info!.kind, cue: name, at: k, rank: 2 }, h);
  }
}

/** The first evaluative word after an opinion marker: a critique noun or a mild judgement word. */
function evaluationAfter(s: Scanned, from: number): { kind: 'weakness' | 'strength'; at: number } | undefined {
  const { w } = s;
  for (let k = from; k < w.length; k++) {
    const info = nounOf(w[k]);
    if (info) return { kind: info.kind, at: k };
    if (S.soft.has(w[k]) || S.mildWeak.has(w[k])) return { kind: 'weakness', at: k };
    if (S.mildStrong.has(w[k]) && !inHit(s.hits, CAT.idiom, k)) return { kind: 'strength', at: k };
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
interface UserCues { readonly table: PhraseTable }
const userCache = new WeakMap<object, UserCues | null>();

function compileUserCues(raw: CueOptions['cues']): UserCues | undefined {
  if (!raw) return undefined;
  const cached = userCache.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const table = new Map<string, Phrase[]>();
  CRITIQUE_KINDS.forEach((kind, cat) => {
    // Each user phrase is read as literal words, contractions expanded like the text's.
    const phrases = (raw[kind] ?? []).map((p) => toWords(p).w.join(' ')).filter((p) => p.length > 0);
    addPhrases(table, phrases, cat);
  });
  const out = table.size ? { table } : null;
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
const HEADING_FILLER = setOf(cues.HEADING_FILLERS);
/** Every word of the heading lexicon: a label needs one of them (or a long word, maybe misspelt). */
const HEADING_VOCABULARY = new Set(Object.values(cues.HEADING_WORDS).flatMap((list) => list.flatMap((e) => e.split(' '))));
const DECISIVE = setOf(['strength', 'weakness', 'question', 'idea']);

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
