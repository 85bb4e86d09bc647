// Completion of note kinds after `> [!` (an Obsidian callout's head), with the closing bracket.
import * as vscode from 'vscode';
import { CRITIQUE_KINDS } from '../core/model';
import { kindLabel } from './critiqueStyle';

const CALLOUT_OPEN = /^[ \t]*(?:>[ \t]?)+[ \t]*\[!([A-Za-z-]*)$/;

export class NoteKindCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['!'];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    const typed = CALLOUT_OPEN.exec(line.slice(0, position.character));
    if (!typed) return undefined;
    const after = line.slice(position.character);
    const rest = /^[A-Za-z-]*/.exec(after)?.[0] ?? '';
    const closed = after.slice(rest.length).startsWith(']');
    const range = new vscode.Range(position.line, position.character - typed[1].length, position.line, position.character + rest.length);
    return CRITIQUE_KINDS.map((kind, i) => {
      const item = new vscode.CompletionItem(kind, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.insertText = closed ? kind : `${kind}] `;
      item.detail = vscode.l10n.t('{0} note', kindLabel(kind));
      item.documentation = new vscode.MarkdownString().appendCodeblock(`> [!${kind}] ${vscode.l10n.t('Title')}\n> ${vscode.l10n.t('Details')}`, 'markdown');
      item.sortText = String(i);
      return item;
    });
  }
}
