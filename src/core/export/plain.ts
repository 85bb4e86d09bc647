// Plain CommonMark: notes become ordinary quotes whose first line names the kind in bold
// (`> **Weakness:** title`), and each highlighted sentence gets a bold kind label before it
// (`**[Weakness]** First of all, …`).

import type { ClassifiedSentence, Note } from '../model';
import type { Edit, MarkdownFlavour, NoteHead } from './annotateMarkdown';
import { KIND_LABEL, noteLabel } from './kindLabels';
import { escapeMarkdown } from './markdownDigest';

/** `**Weakness:** title` (or `**Weakness**` without a title) on the head's line, and an empty quote
 *  line after it when the body follows, so that the title stays a paragraph of its own. */
export function labelledTitle(note: Note, head: NoteHead, eol: string): string {
  const label = escapeMarkdown(noteLabel(note));
  const title = head.title ? `**${label}:** ${head.title}` : `**${label}**`;
  return head.prefix + title + (head.bodyFollows ? eol + head.prefix.trimEnd() : '');
}

/** `**[Weakness]** ` inserted where the sentence starts. */
export function sentenceLabel(s: ClassifiedSentence): Edit[] {
  if (s.kind === 'neutral') return [];
  return [{ start: s.start, end: s.start, insert: `**[${KIND_LABEL[s.kind]}]** ` }];
}

export const plainFlavour: MarkdownFlavour = {
  noteHead: (note, head, eol) => labelledTitle(note, head, eol),
  sentence: (s) => sentenceLabel(s),
};
