// The part of a document the study panel renders: one paper's lines (from the start of its first
// line), or the whole text, with the document's index restated for exactly that text, as the
// markdown-it plugin expects (`env.paperStudyIndex`). Offsets and lines move by the slice's start.
import { buildLineTable, lineOfOffset } from '../../core/lines';
import type { ClassifiedSentence, DocumentIndex, Note, Paper } from '../../core/model';

export interface RenderSlice {
  readonly text: string;
  readonly index: DocumentIndex;
  /** Offset of the slice in the document. */
  readonly start: number;
  /** Document line of the slice's first line, minus one. */
  readonly lineOffset: number;
  /** Each sentence of the slice's index → its index in the document's `sentences`. */
  readonly sentenceIds: ReadonlyMap<ClassifiedSentence, number>;
}

export function wholeDocument(text: string, index: DocumentIndex): RenderSlice {
  return { text, index, start: 0, lineOffset: 0, sentenceIds: new Map(index.sentences.map((s, i) => [s, i])) };
}

export function paperSlice(text: string, index: DocumentIndex, paperIndex: number): RenderSlice {
  const paper = index.papers[paperIndex];
  const lines = buildLineTable(text);
  const firstLine = lineOfOffset(lines, paper.start);
  const start = lines.starts[firstLine - 1];
  const dLine = firstLine - 1;
  const at = <T extends { start: number; end: number; line: number; endLine: number }>(r: T): T =>
    ({ ...r, start: r.start - start, end: r.end - start, line: r.line - dLine, endLine: r.endLine - dLine });

  const noteIds = new Map<number, number>();
  const notes: Note[] = [];
  index.notes.forEach((n, k) => {
    if (n.paper !== paperIndex) return;
    noteIds.set(k, notes.length);
    notes.push({ ...at(n), paper: 0 });
  });
  const sentenceIds = new Map<ClassifiedSentence, number>();
  const sentences: ClassifiedSentence[] = [];
  index.sentences.forEach((s, k) => {
    if (s.paper !== paperIndex) return;
    const moved: ClassifiedSentence = { ...at(s), paper: 0, note: s.note === undefined ? undefined : noteIds.get(s.note) };
    sentenceIds.set(moved, k);
    sentences.push(moved);
  });
  const movedPaper: Paper = {
    ...at(paper),
    sections: paper.sections.map((sec) => ({ ...at(sec), heading: { ...sec.heading, start: sec.heading.start - start, end: sec.heading.end - start, line: sec.heading.line - dLine } })),
    heading: paper.heading && { ...paper.heading, start: paper.heading.start - start, end: paper.heading.end - start, line: paper.heading.line - dLine },
  };
  const sliceText = text.slice(start, paper.end);
  return {
    text: sliceText,
    index: { ...index, papers: [movedPaper], notes, sentences, bom: false, lineCount: buildLineTable(sliceText).count },
    start,
    lineOffset: dLine,
    sentenceIds,
  };
}
