// CodeLens on each paper's title line: its critique counts, "+ Strength", "+ Weakness" (a note at
// the end of the paper) and "Study" (the paper in the study panel).
import * as vscode from 'vscode';
import { countsOf } from '../core/indexer';
import type { OpenStudyPanelArgs } from './commands/openStudyPanel';
import type { InsertNoteOptions } from './commands/insertNote';
import { CommandIds } from './commandIds';
import { describeCounts } from './critiqueStyle';
import { Disposable } from './disposable';
import type { SettingsWatcher } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';

export class PaperCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly index: WorkspaceIndex, private readonly settings: SettingsWatcher) {
    super();
    this._register(settings.onDidChange(() => this.changed.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.getText().length > this.settings.current.maxFileSize) return [];
    const index = this.index.indexOf(document);
    const uri = document.uri.toString();
    return index.papers.flatMap((paper, paperIndex) => {
      const range = document.lineAt(Math.min(paper.line - 1, document.lineCount - 1)).range;
      const note: InsertNoteOptions = { uri, paper: paperIndex };
      const study: OpenStudyPanelArgs = { uri, paper: paperIndex };
      const counts = describeCounts(countsOf(index, paperIndex)) || vscode.l10n.t('No critique yet');
      return [
        new vscode.CodeLens(range, { title: counts, command: '', tooltip: vscode.l10n.t('Critique of “{0}”', paper.title) }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('+ Strength'), command: CommandIds.insertStrength, arguments: [note], tooltip: vscode.l10n.t('Add a strength note at the end of this paper') }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('+ Weakness'), command: CommandIds.insertWeakness, arguments: [note], tooltip: vscode.l10n.t('Add a weakness note at the end of this paper') }),
        new vscode.CodeLens(range, { title: vscode.l10n.t('Study'), command: CommandIds.openStudyPanel, arguments: [study], tooltip: vscode.l10n.t('Open this paper in the study panel') }),
      ];
    });
  }
}
