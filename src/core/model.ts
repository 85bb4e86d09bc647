// The data model of Paper Study's core. Every offset is a UTF-16 index into the exact text that was
// indexed (a BOM, if present, is character 0); every line is 1-based. Ranges are half-open [start, end).

import type { IndexMemo } from './indexMemo';

/** What a critique sentence or note says about the paper. */
export type CritiqueKind = 'strength' | 'weakness' | 'question' | 'idea' | 'note';

/** The kinds a sentence can take: a critique kind, or nothing in particular. */
export type SentenceKind = CritiqueKind | 'neutral';

/** Critique kinds in display order. */
export const CRITIQUE_KINDS: readonly CritiqueKind[] = ['strength', 'weakness', 'question', 'idea', 'note'];

/** Which rule decided a sentence's kind, strongest first. */
export type CritiqueSource = 'note' | 'section' | 'prose' | 'none';

export interface TextRange {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export interface Heading extends TextRange {
  /** 1..6 */
  readonly level: number;
  /** The heading's inline Markdown, trimmed, without `#` markers or setext underline. */
  readonly raw: string;
  /** Plain text: inline Markdown removed, links reduced to their text. */
  readonly text: string;
  /** 1-based line of the heading text. */
  readonly line: number;
  readonly setext: boolean;
}

/** The role of a section heading inside a paper. */
export type SectionRole =
  | 'summary' | 'strength' | 'weakness' | 'question' | 'idea' | 'note'
  | 'references' | 'other';

export interface Section extends TextRange {
  readonly heading: Heading;
  readonly role: SectionRole;
  /** 1-based line of the heading. */
  readonly line: number;
  /** 1-based last line of the section's body. */
  readonly endLine: number;
}

export interface PaperMeta {
  readonly authors?: readonly string[];
  readonly year?: string;
  readonly tags?: readonly string[];
  readonly url?: string;
}

export interface Paper extends TextRange {
  /** Plain-text title ("Attention Is All You Need"). */
  readonly title: string;
  /** 1-based line where the title stands (heading, `title:` in front matter, or the Title bullet). */
  readonly line: number;
  /** 1-based last line of the paper. */
  readonly endLine: number;
  /** The paper's own heading, when it has one (one-paper files titled by front matter may not). */
  readonly heading?: Heading;
  /** Where the title came from. */
  readonly titleFrom: 'heading' | 'front-matter' | 'title-bullet' | 'file-name';
  readonly sections: readonly Section[];
  readonly meta: PaperMeta;
}

/** A block of prose whose sentences are classified. */
export type BlockType = 'paragraph' | 'list-item' | 'quote' | 'note' | 'table';

export interface Sentence extends TextRange {
  /** The sentence's source text, exactly `text.slice(start, end)` with line breaks and
   *  container markers (`> `, list indentation) folded to single spaces. */
  readonly text: string;
  /** 1-based line where it starts. */
  readonly line: number;
  /** 1-based line where it ends. */
  readonly endLine: number;
  /** Index of the paper in `DocumentIndex.papers`. */
  readonly paper: number;
  /** Index of the block in the paper (sentences of one paragraph share it). */
  readonly block: number;
  readonly blockType: BlockType;
  /** The section it stands in, if any (index into the paper's sections). */
  readonly section?: number;
  /** The note it stands in, if any (index into `DocumentIndex.notes`). */
  readonly note?: number;
}

export interface ClassifiedSentence extends Sentence {
  readonly kind: SentenceKind;
  readonly source: CritiqueSource;
  /** Why: the cue phrase, the section heading, or the note's title/kind. Empty for neutral. */
  readonly cue: string;
}

/** A structured note: an Obsidian callout `> [!weakness] Title`. */
export interface Note extends TextRange {
  /** Kind as the core understands it (unknown kinds map to 'note'). */
  readonly kind: CritiqueKind;
  /** The kind exactly as written (`Weakness`, `WARNING`, `custom`). */
  readonly rawKind: string;
  /** Obsidian fold marker. */
  readonly fold: '' | '+' | '-';
  readonly title: string;
  /** Body text without the `> ` markers, lines joined with '\n'. */
  readonly body: string;
  /** The sentence it quotes (`> > …` lines), without markers; undefined when none. */
  readonly quote?: string;
  readonly line: number;
  readonly endLine: number;
  /** Index of the paper it belongs to, or -1 outside papers. */
  readonly paper: number;
  /** Nesting depth: 1 for a top-level callout. */
  readonly depth: number;
}

export interface DocumentIndex {
  readonly papers: readonly Paper[];
  readonly sentences: readonly ClassifiedSentence[];
  readonly notes: readonly Note[];
  /** The document's dominant line ending. */
  readonly eol: '\n' | '\r\n' | '\r';
  readonly bom: boolean;
  readonly lineCount: number;
}

export type CritiqueCounts = Record<CritiqueKind, number>;

export function emptyCounts(): CritiqueCounts {
  return { strength: 0, weakness: 0, question: 0, idea: 0, note: 0 };
}

/** Options the user can set; every field has a default. */
export interface IndexOptions {
  /** Extra cue phrases for the prose classifier, by kind. */
  readonly cues?: Partial<Record<CritiqueKind, readonly string[]>>;
  /** File name, used as a last-resort title for one-paper files with no heading. */
  readonly fileName?: string;
  /** Kept between indexings of one document, so that a re-index after an edit splits and reads
   *  only the prose the edit changed. */
  readonly memo?: IndexMemo;
}
