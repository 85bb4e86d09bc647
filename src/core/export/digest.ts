// The critique digest of each paper: its critique sentences and notes, grouped by kind, each with
// the line it stands on. Every export flavour ends each paper with one.

import { type CritiqueKind, type DocumentIndex, type Note, type Paper } from '../model';
import { plainText } from '../inline';
import { KIND_GROUP_LABEL, noteLabel } from './kindLabels';

export interface DigestItem {
  readonly kind: CritiqueKind;
  /** Plain text: the sentence, or the note's title. */
  readonly text: string;
  /** 1-based source line. */
  readonly line: number;
}

export interface DigestGroup {
  readonly kind: CritiqueKind;
  /** "Strengths", "Weaknesses", … */
  readonly label: string;
  readonly items: readonly DigestItem[];
}

export interface PaperDigest {
  /** Strengths, Weaknesses and Questions always; Ideas and Notes when there are some. */
  readonly groups: readonly DigestGroup[];
  /** False when the paper has no critique at all. */
  readonly hasCritique: boolean;
  /** Heading level of "Critique digest": one below the paper's heading. */
  readonly level: number;
}

export const DIGEST_TITLE = 'Critique digest';
export const NO_CRITIQUE = 'No critique found.';
export const EMPTY_GROUP = 'None.';

const ALWAYS: readonly CritiqueKind[] = ['strength', 'weakness', 'question'];
const WHEN_ANY: readonly CritiqueKind[] = ['idea', 'note'];

/** Digests of every paper, in one pass over sentences and notes. Items keep document order. */
export function digestsOf(index: DocumentIndex): PaperDigest[] {
  const items = index.papers.map(() => [] as (DigestItem & { order: number })[]);
  // Critique sentences outside notes (what the counts count), and every note.
  for (const s of index.sentences) {
    if (s.kind === 'neutral' || s.note !== undefined || !items[s.paper]) continue;
    items[s.paper].push({ kind: s.kind, text: plainText(s.text), line: s.line, order: s.start });
  }
  for (const n of index.notes) {
    if (!items[n.paper]) continue;
    items[n.paper].push({ kind: n.kind, text: noteText(n), line: n.line, order: n.start });
  }
  return index.papers.map((paper, p) => {
    const sorted = items[p].sort((a, b) => a.order - b.order);
    const groups: DigestGroup[] = [];
    for (const kind of [...ALWAYS, ...WHEN_ANY]) {
      const list = sorted.filter((i) => i.kind === kind).map(({ kind: k, text, line }) => ({ kind: k, text, line }));
      if (list.length || ALWAYS.includes(kind)) groups.push({ kind, label: KIND_GROUP_LABEL[kind], items: list });
    }
    return { groups, hasCritique: sorted.length > 0, level: digestLevel(paper) };
  });
}

function digestLevel(paper: Paper): number {
  return Math.min(6, (paper.heading?.level ?? 1) + 1);
}

/** A note's digest line: its title, else the start of its body or quote, else its label. */
function noteText(n: Note): string {
  const title = plainText(n.title);
  if (title) return title;
  const firstLine = (s: string | undefined) => plainText((s ?? '').split('\n').find((l) => l.trim() !== '') ?? '');
  return firstLine(n.body) || firstLine(n.quote) || noteLabel(n);
}
