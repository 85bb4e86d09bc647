// Reveal in Papers View: selects the paper at the cursor in the tree.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { PapersModel } from '../papersModel';
import type { PapersView } from '../papersView';
import type { Command } from './command';

export class RevealPaperCommand implements Command {
  readonly id = CommandIds.revealPaper;

  constructor(private readonly model: PapersModel, private readonly view: PapersView) {}

  async execute(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a paper summary to reveal it in the Papers view.'));
      return false;
    }
    await this.model.index.ensureScanned();
    await this.model.index.whenIdle();
    const node = this.model.paperAt(editor.document.uri, editor.document.offsetAt(editor.selection.active));
    if (!node) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not in a paper of a summary file (see the paperStudy.include and paperStudy.exclude settings).'));
      return false;
    }
    if (!this.model.papers(node.file).some((p) => p.paperIndex === node.paperIndex)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is hidden by the filter; clear it to see the paper.', node.paper.title));
      return false;
    }
    await this.view.reveal(node);
    return true;
  }
}
