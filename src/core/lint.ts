// Checks a summary file for study gaps: papers with no critique, template sections left empty, note
// kinds the core does not know, and notes quoting sentences that are no longer in the paper.
// Pure: works on the text and its DocumentIndex (from indexer.ts `indexDocument`).

import { countsOf } from './indexer';
import { normalizeForMatch } from './inline';
import { CRITIQUE_KINDS, type DocumentIndex, type Note, type SectionRole } from './model';
import { noteKindOf } from './notes';

/** The checks, in the order issues on one line are reported. */
export type LintRule = 'no-critique' | 'empty-section' | 'unknown-note-kind' | 'stale-quote';

export const LINT_RULES: readonly LintRule[] = ['no-critique', 'empty-section', 'unknown-note-kind', 'stale-quote'];

export interface LintIssue {
  readonly rule: LintRule;
  /** 1-based line the issue is about. */
  readonly line: number;
  readonly message: string;
  /** Index of the paper in `DocumentIndex.papers`, or -1 outside papers. */
  readonly paper: number;
}

/** Sections that a new-paper template creates and the user is expected to fill in. */
const TEMPLATE_ROLES: ReadonlySet<SectionRole> = new Set<SectionRole>(['summary', 'strength', 'weakness']);
/** The names of 'note' itself: every other name that noteKindOf maps to 'note' is unknown. */
const NOTE_NAMES = new Set(['note', 'notes']);
const QUOTE_PREVIEW_LENGTH = 60;

/** Every issue of the document, by line. */
export function lintDocument(text: string, index: DocumentIndex): LintIssue[] {
  const issues = [...papersWithoutCritique(index), ...emptySections(text, index), ...unknownNoteKinds(index), ...staleQuotes(text, index)];
  return issues.sort((a, b) => a.line - b.line || LINT_RULES.indexOf(a.rule) - LINT_RULES.indexOf(b.rule));
}

function papersWithoutCritique(index: DocumentIndex): LintIssue[] {
  const issues: LintIssue[] = [];
  index.papers.forEach((p, k) => {
    const counts = countsOf(index, k);
    if (CRITIQUE_KINDS.every((kind) => counts[kind] === 0)) {
      issues.push({ rule: 'no-critique', line: p.line, paper: k, message: `"${p.title}" has no critique (no strength, weakness, question, idea or note)` });
    }
  });
  return issues;
}

function emptySections(text: string, index: DocumentIndex): LintIssue[] {
  const issues: LintIssue[] = [];
  index.papers.forEach((p, k) => {
    for (const s of p.sections) {
      if (TEMPLATE_ROLES.has(s.role) && isBlankBody(text.slice(s.heading.end, s.end))) {
        issues.push({ rule: 'empty-section', line: s.line, paper: k, message: `the "${s.heading.text}" section of "${p.title}" is empty` });
      }
    }
  });
  return issues;
}

/** True when a section body holds nothing but blank lines, HTML comments, and bare list or quote
 *  markers (what a template leaves behind). */
export function isBlankBody(body: string): boolean {
  return body
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .split(/\r\n|\n|\r/)
    .every((line) => /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*(?:\[[ xX]?\][ \t]*)?$/.test(line));
}

function unknownNoteKinds(index: DocumentIndex): LintIssue[] {
  return index.notes.filter((n) => !isKnownNoteKind(n.rawKind)).map((n) => ({
    rule: 'unknown-note-kind', line: n.line, paper: n.paper,
    message: `unknown note kind "[!${n.rawKind}]" is read as a note; use ${CRITIQUE_KINDS.join(', ')} (or a GitHub alert)`,
  }));
}

/** Whether the core recognises a callout type (a kind, its plural, or an alias such as WARNING). */
export function isKnownNoteKind(rawKind: string): boolean {
  return noteKindOf(rawKind) !== 'note' || NOTE_NAMES.has(rawKind.trim().toLowerCase());
}

function staleQuotes(text: string, index: DocumentIndex): LintIssue[] {
  const issues: LintIssue[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (const n of index.notes) {
    if (!n.quote) continue;
    const quote = normalizeForMatch(n.quote);
    if (quote.length < 3) continue;
    const found = index.sentences.some((s) => s.note === undefined && (n.paper < 0 || s.paper === n.paper) && quoteMatches(quote, normalizeForMatch(s.text)));
    if (!found) {
      issues.push({ rule: 'stale-quote', line: quoteLine(lines, n), paper: n.paper, message: `the note quotes a sentence that is not in the paper: "${preview(n.quote)}"` });
    }
  }
  return issues;
}

/** The indexer's rule (indexer.ts applyQuotes) for a note's quote naming a sentence, on normalised
 *  text: the sentence contains the quote, or a quote of several sentences contains it. */
export function quoteMatches(quote: string, sentence: string): boolean {
  return sentence.includes(quote) || (sentence.length >= 8 && quote.includes(sentence));
}

/** 1-based line of the note's first `> >` quote line (the note's head line if none is found). */
function quoteLine(lines: readonly string[], note: Note): number {
  const nested = new RegExp(`^[ \\t]*(?:>[ \\t]?){${note.depth + 1}}`);
  for (let i = note.line; i < note.endLine && i < lines.length; i++) if (nested.test(lines[i])) return i + 1;
  return note.line;
}

function preview(quote: string): string {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTE_PREVIEW_LENGTH ? `${oneLine.slice(0, QUOTE_PREVIEW_LENGTH - 1)}…` : oneLine;
}
