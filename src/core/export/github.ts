// GitHub Flavored Markdown: notes become GitHub alerts (strength → TIP, weakness → WARNING,
// question → IMPORTANT, idea and note → NOTE) whose first line names the kind in bold, so the kind
// survives the alert's fixed colours; body and quoted sentence are kept.
//
// Highlighted prose: GitHub has no highlight syntax and strips most inline HTML, so each highlighted
// sentence gets the same bold kind label as in the plain flavour (`**[Weakness]** First of all, …`):
// readable on GitHub, in raw text and in any other renderer. The digest lists them all per paper.
// Nested notes (in another quote or a list item) cannot be alerts on GitHub and get the plain form.

import type { CritiqueKind } from '../model';
import type { MarkdownFlavour } from './annotateMarkdown';
import { labelledTitle, sentenceLabel } from './plain';

const ALERT: Readonly<Record<CritiqueKind, string>> = {
  strength: 'TIP', weakness: 'WARNING', question: 'IMPORTANT', idea: 'NOTE', note: 'NOTE',
};

/** Only a quote at column 0 is surely not inside a list item. */
const TOP_LEVEL_QUOTE = /^>[ \t]?$/;

export const githubFlavour: MarkdownFlavour = {
  noteHead: (note, head, eol) => TOP_LEVEL_QUOTE.test(head.prefix)
    ? `${head.prefix}[!${ALERT[note.kind]}]${eol}${labelledTitle(note, head, eol)}`
    : labelledTitle(note, head, eol),
  sentence: (s) => sentenceLabel(s),
};
