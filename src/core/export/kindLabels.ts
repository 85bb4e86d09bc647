// Human labels of critique kinds, shared by rendering and every export flavour.

import type { CritiqueKind, Note } from '../model';

export const KIND_LABEL: Readonly<Record<CritiqueKind, string>> = {
  strength: 'Strength', weakness: 'Weakness', question: 'Question', idea: 'Idea', note: 'Note',
};

export const KIND_GROUP_LABEL: Readonly<Record<CritiqueKind, string>> = {
  strength: 'Strengths', weakness: 'Weaknesses', question: 'Questions', idea: 'Ideas', note: 'Notes',
};

/** The label shown for a note: its kind's label, or the kind as written when the core does not know
 *  it (an unknown `[!custom]` is a note labelled "custom"). */
export function noteLabel(note: Pick<Note, 'kind' | 'rawKind'>): string {
  const raw = note.rawKind.trim();
  if (note.kind === 'note' && raw !== '' && raw.toLowerCase() !== 'note') return raw;
  return KIND_LABEL[note.kind];
}
