// The README's picture of the Papers view: the sample's first paper expanded down to its weaknesses.
// Skipped where the host cannot take screenshots (desktop runs); the PNG lands in
// .vscode-test/screenshots/papers-tree.png and is copied to docs/images/ by hand after a look.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { canTakeScreenshots, takeScreenshot } from './screenshot';
import { coreIndex, openSample } from './paperStudyTestkit';

describe('documentation screenshots', () => {
  it('shows the Papers view with a paper, its groups and its weaknesses expanded', async function () {
    if (!canTakeScreenshots()) this.skip();
    this.timeout(90000);
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const { editor, document } = await openSample();
    const index = coreIndex(document.getText());
    const position = document.positionAt(index.papers[0].start + 1);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('paperStudy.papers.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.paperStudy.papers.collapseAll').then(undefined, () => undefined);
    assert.equal(await vscode.commands.executeCommand('paperStudy.revealPaper'), true);
    // Walk into the paper with the keyboard: the first group (Strengths), then the Weaknesses group.
    await vscode.commands.executeCommand('paperStudy.papers.focus');
    for (const command of ['list.focusDown', 'list.expand', 'list.focusDown', 'list.focusDown', 'list.focusDown', 'list.expand']) {
      await vscode.commands.executeCommand(command);
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the tree draw each step
    }
    const png = await takeScreenshot('papers-tree', '.monaco-list-row[aria-label*="Weaknesses"]');
    assert.ok(fs.statSync(png).size > 10000);
  });
});
