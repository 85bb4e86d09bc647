// The template a new paper starts from: a title heading and Summary / Strengths / Weaknesses
// sections one level below it, as snippet pieces (placeholders for the text to write).
import type { DocumentIndex } from '../core/model';
import type { Piece } from './snippetPieces';

export interface SkeletonTexts {
  readonly title: string;
  readonly summary: string;
  readonly strength: string;
  readonly weakness: string;
}

/** The heading level of the document's papers (the most common one); 2 when it has none. */
export function paperHeadingLevel(index: DocumentIndex): number {
  const counts = new Map<number, number>();
  for (const p of index.papers) if (p.heading) counts.set(p.heading.level, (counts.get(p.heading.level) ?? 0) + 1);
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) if (count > bestCount) [best, bestCount] = [level, count];
  return best;
}

/** Section names stay English: they are what the core recognises as critique sections. */
export function paperSkeleton(level: number, eol: string, texts: SkeletonTexts): Piece[] {
  const h = '#'.repeat(Math.min(Math.max(level, 1), 6));
  const sub = '#'.repeat(Math.min(Math.max(level, 1) + 1, 6));
  const blank = eol + eol;
  return [
    `${h} `, { placeholder: texts.title, tabstop: 1 }, blank,
    `${sub} Summary${blank}`, { placeholder: texts.summary, tabstop: 2 }, blank,
    `${sub} Strengths${blank}- `, { placeholder: texts.strength, tabstop: 3 }, blank,
    `${sub} Weaknesses${blank}- `, { placeholder: texts.weakness, tabstop: 4 }, eol,
  ];
}

/** Blank-line padding so that text inserted at `offset` stands apart from its neighbours. */
export function padding(text: string, offset: number, eol: string): { readonly before: string; readonly after: string } {
  const head = text.slice(0, offset);
  const tail = text.slice(offset);
  const before = head === '' || head.endsWith(eol + eol) ? '' : head.endsWith(eol) ? eol : eol + eol;
  const after = tail === '' ? '' : tail.startsWith(eol) ? '' : eol;
  return { before, after };
}
