// The host itself: a real VS Code API, the sample workspace opened, and Paper Study activating in it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'paper-study.paper-study';

describe('VS Code host', () => {
  it('exposes the real VS Code API', () => {
    assert.equal(typeof vscode.version, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it('opens the sample workspace with paper-summaries.md', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const found = await vscode.workspace.findFiles('**/paper-summaries.md');
    assert.deepEqual(found.map((uri) => vscode.workspace.asRelativePath(uri)), ['paper-summaries.md']);
    const document = await vscode.workspace.openTextDocument(found[0]!);
    assert.equal(document.languageId, 'markdown');
    assert.ok(document.lineCount > 1, 'the sample is not empty');
  });

  it('finds and activates the Paper Study extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
