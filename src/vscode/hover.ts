// Hover on a highlighted sentence: its kind, why it has that kind (the note that quotes it, its
// section, or the cue phrase), and links that turn it into a note. The links are command links on
// a MarkdownString trusted for exactly the insert commands and the study panel.
import * as vscode from 'vscode';
import { isHighlighted } from '../core/markdownPlugin';
import { CRITIQUE_KINDS, type ClassifiedSentence, type CritiqueKind } from '../core/model';
import type { InsertNoteOptions } from './commands/insertNote';
import { CommandIds, insertNoteCommandId } from './commandIds';
import { kindLabel } from './critiqueStyle';
import type { WorkspaceIndex } from './workspaceIndex';

const CODICONS: Record<CritiqueKind, string> = { strength: 'thumbsup', weakness: 'thumbsdown', question: 'question', idea: 'lightbulb', note: 'note' };

/** The commands the hover's links may run. */
export const HOVER_COMMANDS: readonly string[] = [...CRITIQUE_KINDS.map(insertNoteCommandId), CommandIds.openStudyPanel];

function commandLink(label: string, command: string, args: unknown, tooltip: string): string {
  const escape = (s: string) => s.replace(/[\\[\]"]/g, '\\$&');
  const query = encodeURIComponent(JSON.stringify([args])).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escape(label)}](command:${command}?${query} "${escape(tooltip)}")`;
}

function why(s: ClassifiedSentence): string {
  switch (s.source) {
    case 'note': return vscode.l10n.t('Marked by a note ({0}).', s.cue);
    case 'section': return vscode.l10n.t('In the section “{0}”.', s.cue);
    case 'prose': return vscode.l10n.t('Cue phrase: “{0}”.', s.cue);
    case 'none': return '';
  }
}

export class CritiqueHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const index = this.index.indexOf(document);
    const sentence = index.sentences.find((s) => isHighlighted(s) && offset >= s.start && offset < s.end);
    if (!sentence || sentence.kind === 'neutral') return undefined;
    const kind = sentence.kind;
    const range = new vscode.Range(document.positionAt(sentence.start), document.positionAt(sentence.end));
    const args: InsertNoteOptions = { uri: document.uri.toString(), offset: sentence.end, quote: document.getText(range) };

    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.appendMarkdown(`$(${CODICONS[kind]}) **`).appendText(kindLabel(kind)).appendMarkdown('** — ').appendText(why(sentence));
    const links = CRITIQUE_KINDS.map((k) => commandLink(kindLabel(k), insertNoteCommandId(k), args, vscode.l10n.t('Add a {0} note quoting this sentence', kindLabel(k).toLocaleLowerCase())));
    md.appendMarkdown('\n\n').appendText(vscode.l10n.t('Turn into a note:')).appendMarkdown(` ${links.join(' · ')}`);
    const paper = index.papers[sentence.paper];
    if (paper) {
      const study = commandLink(vscode.l10n.t('Study the paper'), CommandIds.openStudyPanel, { uri: args.uri, paper: sentence.paper }, vscode.l10n.t('Open “{0}” in the study panel', paper.title));
      md.appendMarkdown(` | ${study}`);
    }
    return new vscode.Hover(md, range);
  }
}
